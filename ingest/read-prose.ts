/**
 * Shape C: an NvI without a table. Headings ("2 Planning", "2.1 Termijnen"), then each question
 * after a label ("Vraag 12", "Vraag 12:", "Vraag:") and its answer after another ("Antwoord",
 * "Antwoord:") or, without one, in the next paragraph. Works on the page's lines, in reading
 * order, across page breaks. Records carry their heading context; their id is the printed number,
 * else one derived from the heading and the position under it.
 *
 * Under a rectification heading ("Rectificatie") an item needs no label: each paragraph that names
 * a record ("Het antwoord op vraag 12 in de eerste Nota van Inlichtingen wordt …") opens one, and
 * the paragraphs after it are the new text.
 */
import type { IdKind, NvIRecord, ParseWarning } from '../core/model.ts';
import { derivedId } from '../core/text/ids.ts';
import { documentKey, paragraphKey } from '../core/text/keys.ts';
import { findHeadings, type Heading as FoundHeading } from './find-headings.ts';
import type { Furniture } from './furniture.ts';
import { joinCellLines, typicalPitch, wholeWords, wordKey, type CellLine } from './join-lines.ts';
import { groupLines, median } from './lines.ts';
import { findReferences, isRectification } from './references.ts';
import { PARAGRAPH_GAP } from './tolerances.ts';
import type { PageItems } from './types.ts';

/** "Vraag 12", "Vraag 12:", "Vraag nr. 4 –", "Vraag:", "Vraag" alone; then, maybe, the question. */
const QUESTION_LABEL = /^(?:Vraag|VRAAG)(?:\s+(?:nr\.?\s*|nummer\s+)?(?<id>\d{1,4}(?:[.-]\d{1,3})*[a-z]?))?\s*(?<mark>[:.)–-])?\s*(?<rest>.*)$/u;
/** "Antwoord", "Antwoord:", "Antwoord 12:", "Antwoord van de opdrachtgever:"; then, maybe, the answer. */
const ANSWER_LABEL =
  /^(?:Antwoord|ANTWOORD|Beantwoording|Reactie)(?:\s+(?:\d{1,4}(?:[.-]\d{1,3})*[a-z]?|(?:van\s+)?(?:de\s+|het\s+)?(?:zorgkantoor|zorgkantoren|opdrachtgever|aanbesteder|gemeenten?|aanbestedende\s+dienst)))?\s*(?<mark>[:.)–-])?\s*(?<rest>.*)$/u;
interface ProseLine extends CellLine {
  /** Space above the line, in line pitches (0 at the top of a page). */
  gapAbove: number;
  /** First line of its page: whether a paragraph starts there, the space above cannot say. */
  pageTop: boolean;
  /** The heading this line starts, or true for a further line of a wrapped heading. */
  heading?: Heading | true;
}

interface Heading {
  /** Section number ("1.2"), or the title of an unnumbered section: what derived ids are made from. */
  section: string;
  text: string;
  level: number;
}

const LEVELS: Record<FoundHeading['level'], number> = { chapter: 1, paragraph: 2, subparagraph: 3 };

type Step =
  | { kind: 'heading'; heading: Heading }
  | { kind: 'question'; id: string | null; rest: string; line: ProseLine }
  | { kind: 'answer'; rest: string; line: ProseLine }
  | { kind: 'text'; line: ProseLine };

interface Draft {
  id: string | null;
  question: CellLine[];
  answer: CellLine[];
  inAnswer: boolean;
  headings: Heading[];
  rectification: boolean;
  pageStart: number;
  pageEnd: number;
}

export interface ProseResult {
  records: NvIRecord[];
  warnings: ParseWarning[];
  /** Page of the first question: pages before it are the cover and introduction. */
  firstPage: number | null;
}

export function readProse(pages: readonly PageItems[], furniture: Furniture): ProseResult {
  const lines = proseLines(pages, furniture);
  const steps = lines.filter((l) => l.heading !== true).map(classify);
  const drafts: Draft[] = [];
  const headings: Heading[] = [];
  let open: Draft | null = null;
  let rectifying = false;
  const openDraft = (id: string | null, line: ProseLine): Draft => {
    const d: Draft = { id, question: [], answer: [], inAnswer: false, headings: [...headings], rectification: rectifying, pageStart: line.page, pageEnd: line.page };
    drafts.push(d);
    return d;
  };
  for (const [i, step] of steps.entries()) {
    if (step.kind === 'heading') {
      while (headings.length > 0 && headings[headings.length - 1]!.level >= step.heading.level) headings.pop();
      headings.push(step.heading);
      rectifying = headings.some((h) => isRectification(h.text));
      open = null;
      continue;
    }
    if (step.kind === 'question') {
      // Right under a label, an unnumbered one is the question's own first word ("Vraag 4" /
      // "Vraag: waarom …"), not a question of its own.
      if (open && !step.id && open.question.length === 0 && !open.inAnswer) {
        open.question.push(step.line);
        continue;
      }
      open = openDraft(step.id, step.line);
      if (step.rest) open.question.push({ ...step.line, text: step.rest });
      continue;
    }
    if (step.kind === 'answer') {
      if (!open) continue;
      open.inAnswer = true;
      open.pageEnd = step.line.page;
      if (step.rest) open.answer.push({ ...step.line, text: step.rest });
      continue;
    }
    const line = step.line;
    const newParagraph = line.gapAbove > PARAGRAPH_GAP;
    if (rectifying && (newParagraph || line.pageTop) && (!open || open.inAnswer || open.rectification) && !labelledBefore(steps, i) && names(line, steps, i)) {
      // A rectification item: the paragraph that names the record it changes.
      open = openDraft(null, line);
      open.question.push(line);
      continue;
    }
    if (!open) continue;
    // Without an answer label the answer is the next paragraph. Over a page break the space that
    // would say so is not there; a question that ended at the page's foot ends in a question mark.
    const prev = steps[i - 1];
    const afterQuestionMark = (prev?.kind === 'text' || prev?.kind === 'question') && prev.line.page !== line.page && /\?$/.test(prev.line.text);
    if (!open.inAnswer && (newParagraph || afterQuestionMark) && open.question.length > 0 && (open.rectification || !answerLabelAhead(steps, i))) open.inAnswer = true;
    (open.inAnswer ? open.answer : open.question).push(line);
    open.pageEnd = line.page;
  }
  return build(drafts, lines);
}

/** Lines of all pages in reading order, without furniture, with the space above each and the headings marked. */
function proseLines(pages: readonly PageItems[], furniture: Furniture): ProseLine[] {
  const skip = (page: number, it: PageItems['items'][number]) => furniture.byPage.get(page)?.has(it) ?? false;
  const headings = findHeadings(pages, { skip });
  const out: ProseLine[] = [];
  for (const page of pages) {
    const lines = groupLines(page.items.filter((it) => !skip(page.page, it)));
    const here = headings.filter((h) => h.page === page.page);
    for (const l of lines) {
      const line: ProseLine = { text: l.text, page: page.page, y: l.y, x: l.x, right: l.right, size: l.size, gapAbove: 0, pageTop: false };
      const h = here.find((x) => l.y >= x.y - 0.5 && l.y < x.bottom);
      if (h) line.heading = Math.abs(h.y - l.y) < 0.5 ? { section: h.number ?? h.title, text: h.text, level: LEVELS[h.level] } : true;
      out.push(line);
    }
  }
  const pitch = typicalPitch(out) || median(out.map((l) => l.size)) * 1.2;
  for (let i = 1; i < out.length; i++) {
    const a = out[i - 1]!;
    const b = out[i]!;
    if (a.page !== b.page) b.pageTop = true;
    else b.gapAbove = (b.y - a.y) / pitch;
  }
  return out;
}

function classify(line: ProseLine): Step {
  const text = line.text;
  const q = QUESTION_LABEL.exec(text);
  // A sentence that starts with the word ("Vraag 3 is al beantwoord") is no label: a label has a
  // mark after it ("Vraag 12:") or stands alone on its line. Labels start with a capital, so a
  // wrapped line of running text ("vraag 12 in de eerste …") is none either.
  if (q?.groups && (q.groups.mark || q.groups.rest === '')) return { kind: 'question', id: q.groups.id ?? null, rest: q.groups.rest ?? '', line };
  const a = ANSWER_LABEL.exec(text);
  if (a?.groups && (a.groups.mark || a.groups.rest === '')) return { kind: 'answer', rest: a.groups.rest ?? '', line };
  if (line.heading && line.heading !== true) return { kind: 'heading', heading: line.heading };
  return { kind: 'text', line };
}

/** Whether an answer label follows before the next question label or heading. */
function answerLabelAhead(steps: readonly Step[], from: number): boolean {
  for (let i = from + 1; i < steps.length; i++) {
    const k = steps[i]!.kind;
    if (k === 'answer') return true;
    if (k === 'question' || k === 'heading') return false;
  }
  return false;
}

/** Whether the section uses labels: then its items open with them, not with paragraphs. */
function labelledBefore(steps: readonly Step[], at: number): boolean {
  for (let i = at - 1; i >= 0; i--) {
    const k = steps[i]!.kind;
    if (k === 'heading') return false;
    if (k === 'question') return true;
  }
  return false;
}

/** Whether the paragraph starting at this line names a record. */
function names(line: ProseLine, steps: readonly Step[], at: number): boolean {
  let text = line.text;
  for (let i = at + 1; i < steps.length; i++) {
    const s = steps[i]!;
    if (s.kind !== 'text' || s.line.gapAbove > PARAGRAPH_GAP || s.line.pageTop) break;
    text += ` ${s.line.text}`;
  }
  return findReferences(text).length > 0;
}

function build(drafts: readonly Draft[], lines: readonly CellLine[]): ProseResult {
  const records: NvIRecord[] = [];
  const warnings: ParseWarning[] = [];
  const pitch = typicalPitch(lines);
  const left = Math.min(...lines.map((l) => l.x));
  const edge = Math.max(...lines.map((l) => l.right));
  const vocabulary = wholeWords(lines);
  const metrics = { pitch, width: edge - left, edge, isWord: (t: string) => vocabulary.has(wordKey(t)) };
  const positions = new Map<string, number>();
  const seen = new Map<string, number>();
  for (const d of drafts) {
    const section = d.headings.at(-1);
    const sectionKey = section?.section ?? '';
    const position = (positions.get(sectionKey) ?? 0) + 1;
    positions.set(sectionKey, position);
    const idKind: IdKind = d.id ? 'printed' : 'derived';
    let vid = d.id ?? derivedId(sectionKey, position);
    const count = seen.get(vid) ?? 0;
    seen.set(vid, count + 1);
    if (count > 0) {
      const renamed = `${vid}-${count + 1}`;
      warnings.push({ kind: 'duplicate-vid', page: d.pageStart, vid, message: `${vid} appears more than once (page ${d.pageStart}); stored as ${renamed}` });
      vid = renamed;
    }
    const question = joinCellLines(d.question, metrics);
    const answer = joinCellLines(d.answer, metrics);
    if (question === '') warnings.push({ kind: 'empty-question', page: d.pageStart, vid, message: `${vid} has no question (page ${d.pageStart})` });
    if (answer === '') warnings.push({ kind: 'empty-answer', page: d.pageStart, vid, message: `${vid} has no answer (page ${d.pageStart})` });
    const chapter = d.headings.length > 1 ? d.headings[0]!.text : undefined;
    const paragraph = section?.text ?? '';
    records.push({
      vid,
      document: '',
      paragraph,
      question,
      answer,
      pageStart: d.pageStart,
      pageEnd: d.pageEnd,
      seq: records.length + 1,
      documentKey: documentKey(''),
      paragraphKey: paragraphKey(paragraph),
      idKind,
      ...(chapter ? { chapter } : {}),
    });
  }
  return { records, warnings, firstPage: records[0]?.pageStart ?? null };
}
