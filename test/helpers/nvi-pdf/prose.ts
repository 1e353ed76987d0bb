/**
 * Shapes C and D: an NvI without a table. Numbered headings ("1 Algemeen", "1.2 Planning"), then
 * per question a label ("Vraag 12", "Vraag 12:", "Vraag:"), the question, and the answer after
 * "Antwoord", "Antwoord:" or no label at all (the next paragraph). As a follow-up round (D) the
 * title says "Nota van Inlichtingen 2", the numbering may go on from the first NvI, answers refer
 * to earlier ones and a "Rectificatie" section changes answers of the first NvI.
 *
 * Like the table generator it breaks lines itself and knows, for every record, the text, pages,
 * references and rectification the parser should find. Seeded: the same options, the same PDF.
 */
import PDFDocument from 'pdfkit';
import type { IdKind, RecordRef } from '../../../core/model.ts';
import { readGold, type GoldRecord } from '../gold.ts';
import { prng } from '../prng.ts';
import { pick } from './content.ts';
import { drawFurniture, drawTexts, measurer, pdfBytes, type TextOp } from './draw.ts';
import { MARGIN_BOTTOM, MARGIN_TOP, MARGIN_X, PAGE_SIZES, type FontName, type PageSize } from './options.ts';
import { wrapText } from './wrap.ts';

export type QuestionLabel = 'number-line' | 'number-inline' | 'colon';
export type AnswerLabel = 'line' | 'colon' | 'none';

export interface ProseNviOptions {
  seed?: number;
  size?: PageSize;
  landscape?: boolean;
  font?: FontName;
  /** 8–11 points. */
  fontSize?: number;
  /** "Vraag 12" on a line of its own, "Vraag 12: …" before the question, or "Vraag: …" (no number: ids are derived). A list mixes them per question. */
  questionLabel?: QuestionLabel | QuestionLabel[];
  /** "Antwoord" on a line of its own, "Antwoord: …", or none (the answer is the next paragraph). A list mixes them. */
  answerLabel?: AnswerLabel | AnswerLabel[];
  chapters?: number;
  paragraphsPerChapter?: number;
  questionsPerParagraph?: number;
  /** Number of the NvI in its series, printed in the title ("Nota van Inlichtingen 2"); null: no number. */
  sequence?: number | null;
  /** Number of the first question (a follow-up NvI may go on from the first: 41). */
  firstNumber?: number;
  /** Append a reference to an earlier answer (this NvI or the first) to some answers. */
  references?: boolean;
  /** Number of rectifications of answers in the first NvI, in a section at the end. */
  rectifications?: number;
  /** Whether the rectification heading is numbered like the chapters ("4 Rectificatie"). */
  numberedRectification?: boolean;
  cover?: boolean;
  runningHeader?: string | null;
  pageNumbers?: boolean;
}

export interface ProseRecord {
  vid: string;
  idKind: IdKind;
  chapter: string | undefined;
  paragraph: string;
  question: string;
  answer: string;
  pageStart: number;
  pageEnd: number;
  references: RecordRef[];
  rectifies: RecordRef | undefined;
}

export interface GeneratedProseNvi {
  pdf: Buffer;
  title: string;
  records: ProseRecord[];
  pageCount: number;
}

const DEFAULTS: Required<ProseNviOptions> = {
  seed: 1,
  size: 'A4',
  landscape: false,
  font: 'Helvetica',
  fontSize: 10,
  questionLabel: 'number-line',
  answerLabel: 'line',
  chapters: 2,
  paragraphsPerChapter: 2,
  questionsPerParagraph: 3,
  sequence: null,
  firstNumber: 1,
  references: false,
  rectifications: 0,
  numberedRectification: true,
  cover: true,
  runningHeader: 'Nota van Inlichtingen aanbesteding Wlz-zorg 2026',
  pageNumbers: true,
};

const CHAPTERS = ['Algemeen', 'Procedure', 'Kwaliteit en personeel', 'Tarieven en financiering', 'Contractvoorwaarden'];
const PARAGRAPHS = ['Planning', 'Inschrijving', 'Geschiktheidseisen', 'Gunningscriteria', 'Verantwoording', 'Declaratie', 'Wachtlijsten', 'Innovatie'];

const ORDINAL = ['nulde', 'eerste', 'tweede', 'derde'];

function proseGold(): GoldRecord[] {
  // One paragraph of question (an unlabelled answer starts at the next), no word wider than a line.
  return readGold().filter((g) => !g.question.includes('\n') && g.question.length < 500 && g.answer.length < 700 && `${g.question} ${g.answer}`.split(/\s+/).every((t) => t.length <= 22));
}

interface Item {
  kind: 'heading-1' | 'heading-2' | 'record';
  text?: string;
  record?: ProseRecord;
  qLabel?: QuestionLabel;
  aLabel?: AnswerLabel;
}

export async function makeProseNvi(options: ProseNviOptions = {}): Promise<GeneratedProseNvi> {
  const o: Required<ProseNviOptions> = { ...DEFAULTS, ...options };
  const rand = prng(o.seed);
  const gold = proseGold();
  const choose = <T>(v: T | T[]): T => (Array.isArray(v) ? pick(rand, v) : v);

  const items: Item[] = [];
  const records: ProseRecord[] = [];
  let number = o.firstNumber;
  for (let c = 1; c <= o.chapters; c++) {
    const chapter = `${c} ${CHAPTERS[(c - 1) % CHAPTERS.length]}`;
    items.push({ kind: 'heading-1', text: chapter });
    for (let p = 1; p <= o.paragraphsPerChapter; p++) {
      const paragraph = `${c}.${p} ${PARAGRAPHS[(c * 3 + p) % PARAGRAPHS.length]}`;
      items.push({ kind: 'heading-2', text: paragraph });
      for (let q = 1; q <= o.questionsPerParagraph; q++) {
        const g = pick(rand, gold);
        const qLabel = choose(o.questionLabel);
        const aLabel = choose(o.answerLabel);
        const printed = qLabel !== 'colon';
        const vid = printed ? String(number) : `${c}.${p}-${q}`;
        number++;
        const record: ProseRecord = {
          vid,
          idKind: printed ? 'printed' : 'derived',
          chapter,
          paragraph,
          question: g.question,
          answer: g.answer,
          pageStart: 0,
          pageEnd: 0,
          references: [],
          rectifies: undefined,
        };
        if (o.references && records.length > 0 && rand() < 0.6) addReference(record, records, rand, o.sequence);
        records.push(record);
        items.push({ kind: 'record', record, qLabel, aLabel });
      }
    }
  }
  if (o.rectifications > 0) {
    const heading = o.numberedRectification ? `${o.chapters + 1} Rectificatie` : 'Rectificatie';
    items.push({ kind: 'heading-1', text: heading });
    for (let k = 1; k <= o.rectifications; k++) {
      const target = String(1 + Math.floor(rand() * 30));
      const opening = `Het antwoord op vraag ${target} in de eerste Nota van Inlichtingen wordt als volgt gewijzigd:`;
      const record: ProseRecord = {
        vid: `${o.numberedRectification ? String(o.chapters + 1) : 'rectificatie'}-${k}`,
        idKind: 'derived',
        chapter: undefined,
        paragraph: heading,
        question: opening,
        answer: pick(rand, gold).answer,
        pageStart: 0,
        pageEnd: 0,
        references: [],
        rectifies: { id: target, sequence: 1, text: `Het antwoord op vraag ${target} in de eerste Nota van Inlichtingen` },
      };
      records.push(record);
      items.push({ kind: 'record', record });
    }
  }

  const title = o.sequence === null ? 'Nota van Inlichtingen' : `Nota van Inlichtingen ${o.sequence}`;
  const pdf = await render(o, items, title);
  return { pdf: pdf.bytes, title, records, pageCount: pdf.pageCount };
}

/** Appends a sentence that refers to an earlier answer of this NvI, or to one of the first NvI. */
function addReference(record: ProseRecord, earlier: readonly ProseRecord[], rand: () => number, sequence: number | null): void {
  const here = pick(rand, earlier);
  const first = String(1 + Math.floor(rand() * 30));
  const ordinal = ORDINAL[1];
  const forms: Array<() => [string, RecordRef]> = [
    () => [`Zie vraag ${here.vid}.`, { id: here.vid, sequence: null, text: `vraag ${here.vid}` }],
    () => [`Zie ook antwoord ${here.vid}.`, { id: here.vid, sequence: null, text: `antwoord ${here.vid}` }],
  ];
  if (sequence !== null && sequence > 1) {
    forms.push(
      () => [`Zie het antwoord op vraag ${first} in de ${ordinal} Nota van Inlichtingen.`, { id: first, sequence: 1, text: `Zie het antwoord op vraag ${first} in de ${ordinal} Nota van Inlichtingen` }],
      () => [`Wij verwijzen hiervoor naar vraag ${first} (NvI 1).`, { id: first, sequence: 1, text: `vraag ${first} (NvI 1)` }],
      () => [`Dit is eerder beantwoord bij vraag ${first} van Nota van Inlichtingen 1.`, { id: first, sequence: 1, text: `vraag ${first} van Nota van Inlichtingen 1` }],
    );
  }
  const [sentence, ref] = pick(rand, forms)();
  record.answer = `${record.answer} ${sentence}`;
  record.references = [ref];
}

async function render(o: Required<ProseNviOptions>, items: readonly Item[], title: string): Promise<{ bytes: Buffer; pageCount: number }> {
  if (o.fontSize < 8 || o.fontSize > 11) throw new Error(`font size ${o.fontSize} is outside 8–11`);
  const doc = new PDFDocument({ autoFirstPage: false, margin: 0 });
  const measure = measurer(doc)(o.font, o.fontSize);
  const [w0, h0] = PAGE_SIZES[o.size];
  const [width, height] = o.landscape ? [h0, w0] : [w0, h0];
  const textW = width - 2 * MARGIN_X;
  const pitch = o.fontSize * 1.2;
  const bottom = height - MARGIN_BOTTOM;
  const pages: TextOp[][] = [];
  let y = 0;
  const newPage = () => {
    pages.push([]);
    y = MARGIN_TOP;
  };
  const room = (lines: number) => y + lines * pitch <= bottom;
  const line = (str: string, extra: Partial<TextOp> = {}): number => {
    if (!room(1)) newPage();
    pages[pages.length - 1]!.push({ str, x: MARGIN_X, y, ...extra });
    y += pitch;
    return pages.length;
  };
  const paragraph = (text: string, lead = ''): { first: number; last: number } => {
    let first = 0;
    let last = 0;
    for (const l of wrapText(lead + text, textW, measure)) {
      if (l.text === '') {
        y += pitch;
        continue;
      }
      const p = line(l.text);
      first ||= p;
      last = p;
    }
    return { first, last };
  };

  if (o.cover) {
    newPage();
    pages[0]!.push({ str: title, x: MARGIN_X, y: 140, bold: true, size: 22 });
    pages[0]!.push({ str: 'Aanbesteding Wlz-zorg 2026', x: MARGIN_X, y: 175, bold: true, size: 15 });
    pages[0]!.push({ str: 'Datum: 12 februari 2026', x: MARGIN_X, y: 210 });
  }
  newPage();
  if (!o.cover) {
    pages[pages.length - 1]!.push({ str: title, x: MARGIN_X, y, bold: true, size: o.fontSize + 8 });
    y += pitch * 3;
  }
  paragraph('In deze nota vindt u de vragen die over de aanbestedingsdocumenten zijn gesteld, met de antwoorden van de opdrachtgever. De antwoorden maken deel uit van de aanbestedingsdocumenten.');

  for (const item of items) {
    if (item.kind !== 'record') {
      const big = item.kind === 'heading-1';
      y += pitch * (big ? 1.8 : 1.4);
      // A heading stays with the first lines under it.
      if (!room(5)) newPage();
      pages[pages.length - 1]!.push({ str: item.text!, x: MARGIN_X, y, bold: true, size: o.fontSize + (big ? 4 : 2) });
      y += pitch * (big ? 1.6 : 1.4);
      continue;
    }
    const r = item.record!;
    y += pitch * 0.8;
    if (!room(3)) newPage();
    let start: number;
    let end: number;
    if (!item.qLabel) {
      // A rectification: the paragraph that names the answer, then the new text.
      const q = paragraph(r.question);
      start = q.first;
      y += pitch * 0.8;
      end = paragraph(r.answer).last;
    } else {
      if (item.qLabel === 'number-line') {
        if (!room(2)) newPage();
        start = line(`Vraag ${r.vid}`, { bold: true });
        paragraph(r.question);
      } else {
        const q = paragraph(r.question, item.qLabel === 'number-inline' ? `Vraag ${r.vid}: ` : 'Vraag: ');
        start = q.first;
      }
      y += pitch * 0.8;
      if (item.aLabel === 'line') {
        if (!room(2)) newPage();
        line('Antwoord', { bold: true });
        end = paragraph(r.answer).last;
      } else {
        end = paragraph(r.answer, item.aLabel === 'colon' ? 'Antwoord: ' : '').last;
      }
    }
    r.pageStart = start;
    r.pageEnd = end;
  }

  const done = pdfBytes(doc, title);
  for (const [i, texts] of pages.entries()) {
    doc.addPage({ size: [width, height], margin: 0 });
    drawTexts(doc, texts, o.font, o.fontSize);
    if (o.cover && i === 0) continue;
    drawFurniture(doc, {
      font: o.font,
      size: o.fontSize - 1,
      width,
      height,
      runningHeader: o.runningHeader,
      footerText: null,
      pageNumber: o.pageNumbers ? `Pagina ${i + 1} van ${pages.length}` : null,
      pageNumberAt: 'left',
    });
  }
  doc.end();
  return { bytes: await done, pageCount: pages.length };
}
