/**
 * Generates NvI-shaped PDFs with pdfkit, so parser tests are not tuned to one producer's layout.
 *
 * The generator does its own line breaking (greedy, on pdfkit's font metrics) and draws every
 * printed line as a separate text run at a known position. It therefore knows, for each record,
 * the text the parser should recover and the pages the row was printed on. Content is taken from
 * the gold set of the real NvI (realistic Dutch Wlz questions and answers), picked with a seeded
 * PRNG: the same options always give the same PDF.
 */
import PDFDocument from 'pdfkit';
import type { GoldRecord } from './gold.ts';
import { CLOSING_TEXT, COVER_TEXT, INTRO_TEXT, makeContent, pick, type Content } from './nvi-pdf/content.ts';
import { geometry, Layout } from './nvi-pdf/layout.ts';
import { BOLD, DEFAULTS, MARGIN_TOP, MARGIN_X, PAD_X, type ColumnKind, type GeneratedNvi, type GeneratedRecord, type NviPdfOptions } from './nvi-pdf/options.ts';
import { render } from './nvi-pdf/render.ts';
import { wrapText } from './nvi-pdf/wrap.ts';
import { measurer } from './nvi-pdf/draw.ts';
import { prng } from './prng.ts';

export { DEFAULT_COLUMNS } from './nvi-pdf/options.ts';
export type { ColumnKind, ColumnSpec, FontName, GeneratedNvi, GeneratedRecord, NviPdfOptions, PageSize } from './nvi-pdf/options.ts';
export { wrapText } from './nvi-pdf/wrap.ts';

export async function makeNviPdf(options: NviPdfOptions = {}): Promise<GeneratedNvi> {
  const o: Required<NviPdfOptions> = { ...DEFAULTS, ...options };
  if (o.fontSize < 8 || o.fontSize > 11) throw new Error(`font size ${o.fontSize} is outside 8–11`);
  const rand = prng(o.seed);
  const doc = new PDFDocument({
    autoFirstPage: false,
    margin: 0,
    ...(o.userPassword ? { userPassword: o.userPassword } : {}),
    ...(o.ownerPassword ? { ownerPassword: o.ownerPassword } : {}),
  });
  const measureWith = measurer(doc);
  const measure = measureWith(o.font, o.fontSize);
  const measureBold = measureWith(BOLD[o.font], o.fontSize);
  const g = geometry(o, measureBold);
  const textWidth = (kind: ColumnKind) => {
    const i = o.columns.findIndex((c) => c.kind === kind);
    return i < 0 ? 0 : g.colW[i]! - 2 * PAD_X;
  };

  // A long answer: gold answers joined as paragraphs until the cell is taller than a page.
  const linesPerPage = Math.floor((g.bottom - MARGIN_TOP) / g.pitch);
  const longAnswer = (pool: GoldRecord[]) => {
    const parts: string[] = [];
    while (wrapText(parts.join('\n\n'), textWidth('answer'), measure).length < linesPerPage * 1.3) parts.push(pick(rand, pool).answer);
    return parts.join('\n\n');
  };
  const content = makeContent(o, rand, longAnswer);

  const title = o.sequence === null ? 'Nota van Inlichtingen' : `Nota van Inlichtingen ${o.sequence}`;
  const subtitle = 'Zorginkoop Wlz 2025-2027';
  const datum = 'Datum: 3 maart 2025';
  const frontMatter: string[] = [];
  const layout = new Layout(o, g, measureBold);
  if (o.cover) {
    layout.newPage('cover');
    layout.page.texts.push({ str: title, x: MARGIN_X, y: 120, bold: true, size: 22 });
    layout.page.texts.push({ str: subtitle, x: MARGIN_X, y: 152, bold: true, size: 15 });
    layout.page.texts.push({ str: datum, x: MARGIN_X, y: 190 });
    layout.y = 220;
    layout.prose(COVER_TEXT, measure);
    frontMatter.push(subtitle, ...COVER_TEXT);
  }
  if (o.intro === 'page') {
    layout.newPage('intro');
    layout.page.texts.push({ str: 'Inleiding', x: MARGIN_X, y: layout.y, bold: true, size: o.fontSize + 3 });
    layout.y += g.pitch * 2;
    layout.prose(INTRO_TEXT, measure);
    frontMatter.push(...INTRO_TEXT);
  }
  layout.newPage('table');
  if (o.intro === 'above-table') {
    layout.prose(INTRO_TEXT, measure);
    frontMatter.push(...INTRO_TEXT);
    layout.y += g.pitch;
  }
  const firstTablePage = layout.pages.length;
  layout.header();

  const records: GeneratedRecord[] = [];
  const headings: GeneratedNvi['headings'] = [];
  for (const c of content) {
    if (o.sectionHeadings && c.document !== records.at(-1)?.document) {
      layout.banner(`Vragen en antwoorden over ${c.document}`);
      headings.push({ page: layout.pages.length, text: `Vragen en antwoorden over ${c.document}` });
    }
    // Labels such as "2. Hoe maken we afspraken?" are no list items: no hanging indent there.
    const cells = o.columns.map((col, i) => wrapText(c[col.kind], g.colW[i]! - 2 * PAD_X, measure, col.kind === 'question' || col.kind === 'answer'));
    const pages = layout.row(cells);
    const cuts = cells.flatMap((lines) =>
      lines.flatMap((l, k) => (l.cut ? [{ head: l.text, tail: /^\S*/.exec(lines[k + 1]?.text ?? '')![0] }] : [])),
    );
    records.push({ vid: c.vid, document: c.document, paragraph: c.paragraph, question: c.question, answer: c.answer, ...pages, cuts, ...located(o, c), ...(c.references.length > 0 ? { references: c.references } : {}) });
  }
  let closing: GeneratedNvi['closing'] = null;
  if (o.closing) {
    const room = g.bottom - layout.y - g.pitch * 2;
    if (o.closing === 'page' || room < g.pitch * 6) layout.newPage('closing');
    else layout.y += g.pitch * 2;
    closing = { page: layout.pages.length, sentences: CLOSING_TEXT };
    layout.prose(CLOSING_TEXT, measure);
  }
  for (const col of ['document', 'paragraph'] as const) {
    // A table without such a column yields empty labels, unless a reference or subject cell says them.
    if (!o.columns.some((c) => c.kind === col)) for (const r of records) if (!r.reference && !(col === 'paragraph' && hasColumn(o, 'subject'))) r[col] = '';
  }

  const furniture = [o.runningHeader, o.footerText].filter((s): s is string => !!s);
  const fullTitle = `${title} ${subtitle}`;
  const pdf = await render(doc, o, g, layout.pages, fullTitle);
  const published = o.cover ? '2025-03-03' : null;
  return { pdf, records, pageCount: layout.pages.length, firstTablePage, title: fullTitle, published, furniture, frontMatter, headings, closing };
}

function hasColumn(o: Required<NviPdfOptions>, kind: ColumnKind): boolean {
  return o.columns.some((c) => c.kind === kind);
}

/** What a reference, page or subject column makes the parser read, as the record should show it. */
function located(o: Required<NviPdfOptions>, c: Content): Partial<GeneratedRecord> {
  const out: Partial<GeneratedRecord> = {};
  if (hasColumn(o, 'reference')) {
    Object.assign(out, { reference: c.reference, referencePage: Number(c.page) });
    if (!hasColumn(o, 'paragraph')) out.paragraph = c.referenceParagraph;
  }
  if (hasColumn(o, 'page')) out.referencePage = Number(c.page);
  if (hasColumn(o, 'subject') && !hasColumn(o, 'reference')) {
    if (hasColumn(o, 'paragraph')) out.subparagraph = c.subject;
    else out.paragraph = c.subject;
  }
  return out;
}
