/**
 * Two-column "Vraag | Antwoord" tables without a VraagID, as Word NvIs print them under their
 * headings: one table per paragraph, a row per question, rows that run over page breaks, the header
 * row not always repeated, full-width rows as sub-headings and placeholder rows where a paragraph
 * drew no questions.
 *
 * Cells come from the ruling lines where the page has them: the vertical rules give the columns,
 * the horizontal ones the rows, and a row the middle rule does not cross is one full-width cell.
 * Where a table has no rules (a generated, borderless layout) the column bound is the gutter in
 * the body text under the header and rows start where both columns start a line after a gap.
 *
 * The header is recognised by its role words (detect-columns.ts). A table whose header does not
 * read as question and answer (a planning table "Stap | Wie? | Uiterste datum") is skipped.
 */
import { detectColumns, labelRole } from './detect-columns.ts';
import type { Furniture } from './furniture.ts';
import type { Heading } from './find-headings.ts';
import type { CellLine } from './join-lines.ts';
import { groupLines, median } from './lines.ts';
import { COLUMN_SLACK, MIN_GUTTER, ROW_GAP_PITCHES, ROW_RULE_SPAN, RULE_SNAP, SAME_BOUND } from './tolerances.ts';
import type { PageItems, TextItem, VRule } from './types.ts';

export interface QaRow {
  kind: 'qa';
  question: CellLine[];
  answer: CellLine[];
  pageStart: number;
  pageEnd: number;
  /** Where the row starts, for ordering against headings. */
  page: number;
  y: number;
}

export interface SubheadingRow {
  kind: 'subheading';
  text: string;
  page: number;
  y: number;
}

export type TableRow = QaRow | SubheadingRow;

export interface TwoColumnTable {
  page: number;
  y: number;
  rows: TableRow[];
  /** Header labels as printed. */
  labels: { question: string; answer: string };
}

/**
 * What an NvI prints where a paragraph drew no questions: "Er zijn over deze paragraaf geen
 * vragen gesteld.", "Er zijn geen vragen gesteld over deze paragraaf.", "Over dit onderdeel zijn
 * geen vragen ontvangen." and the like.
 */
const PLACEHOLDER = /^(?:er\s+zijn\s+|over\s+\S+\s+\S+\s+zijn\s+)?(?:.{0,40}\s)?geen\s+vragen\b.{0,60}(?:gesteld|ontvangen|binnengekomen|ingediend)\b.{0,40}$/iu;

export function isPlaceholder(text: string): boolean {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length <= 140 && PLACEHOLDER.test(t);
}

/** A vertical slice of a page that holds (part of) a table, with its column bound and row cuts. */
interface Segment {
  page: number;
  top: number;
  bottom: number;
  left: number;
  right: number;
  /** x of the bound between the question and the answer column. */
  bound: number;
  /** Row separators (horizontal rules) when ruled; null when rows must be found from gaps. */
  cuts: number[] | null;
  /** Vertical rule pieces at the bound, to tell full-width rows; null when borderless. */
  middle: VRule[] | null;
  items: TextItem[];
  /** A borderless part that starts with a header row: the table it opens. */
  opens?: OpenTable;
}

interface OpenTable {
  table: TwoColumnTable;
  bound: number;
  left: number;
  right: number;
  qLeft: number;
  aLeft: number;
  ruled: boolean;
  last: QaRow | null;
}

function toCellLines(items: readonly TextItem[], page: number): CellLine[] {
  return groupLines(items).map((l) => ({ text: l.text, page, y: l.y, x: l.x, right: l.right, size: l.size }));
}

function text(lines: readonly CellLine[]): string {
  return lines.map((l) => l.text).join(' ').replace(/\s+/g, ' ').trim();
}

/** Reads a band of items as the header row: question label left of the bound, answer right of it. */
function readHeader(items: readonly TextItem[], bound: number): { question: string; answer: string } | null {
  const left = groupLines(items.filter((it) => it.x + it.w / 2 < bound));
  const right = groupLines(items.filter((it) => it.x + it.w / 2 >= bound));
  if (left.length === 0 || right.length === 0 || left.length > 2 || right.length > 2) return null;
  const q = left.map((l) => l.text).join(' ');
  const a = right.map((l) => l.text).join(' ');
  return labelRole(q) === 'question' && labelRole(a) === 'answer' ? { question: q, answer: a } : null;
}

/** Clusters of vertical rules that overlap in height: one per ruled table (part) on the page. */
function ruledSegments(page: PageItems, items: readonly TextItem[]): Segment[] {
  const rules = page.rules;
  if (!rules || rules.vertical.length < 3) return [];
  const vs = [...rules.vertical].sort((a, b) => a.y0 - b.y0);
  const clusters: VRule[][] = [];
  let bottom = Number.NEGATIVE_INFINITY;
  for (const v of vs) {
    if (clusters.length > 0 && v.y0 <= bottom + RULE_SNAP) {
      clusters[clusters.length - 1]!.push(v);
      bottom = Math.max(bottom, v.y1);
    } else {
      clusters.push([v]);
      bottom = v.y1;
    }
  }
  const out: Segment[] = [];
  for (const c of clusters) {
    const top = Math.min(...c.map((v) => v.y0));
    const bot = Math.max(...c.map((v) => v.y1));
    const xs = distinct(c.map((v) => v.x));
    // Two columns: the outer edges and one bound between them.
    if (xs.length !== 3) continue;
    const [left, bound, right] = xs as [number, number, number];
    const middle = c.filter((v) => Math.abs(v.x - bound) <= RULE_SNAP);
    const width = right - left;
    const cuts = distinct(
      rules.horizontal.filter((h) => h.y >= top - RULE_SNAP && h.y <= bot + RULE_SNAP && h.x1 - h.x0 >= width * ROW_RULE_SPAN && h.x0 <= bound && h.x1 >= bound).map((h) => h.y),
    );
    const inside = items.filter((it) => it.x + it.w / 2 > left && it.x < right && it.y + it.size / 2 > top && it.y + it.size / 2 < bot);
    out.push({ page: page.page, top, bottom: bot, left, right, bound, cuts, middle, items: inside });
  }
  return out;
}

/**
 * Text inside ruled tables of any shape (the areas the vertical rules of a page enclose): no
 * heading is read from it.
 */
export function insideRuledTables(page: PageItems): (item: TextItem) => boolean {
  const vs = page.rules?.vertical ?? [];
  if (vs.length < 2) return () => false;
  return (it) => {
    const cx = it.x + it.w / 2;
    const cy = it.y + it.size / 2;
    let leftOf = false;
    let rightOf = false;
    for (const v of vs) {
      if (v.y0 > cy || v.y1 < cy) continue;
      if (v.x <= cx) leftOf = true;
      else rightOf = true;
      if (leftOf && rightOf) return true;
    }
    return false;
  };
}

function distinct(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  for (const v of sorted) if (out.length === 0 || v - out[out.length - 1]! > RULE_SNAP) out.push(v);
  return out;
}

/** Bands of a ruled segment: the items between consecutive horizontal rules. */
function ruledBands(seg: Segment): Array<{ top: number; bottom: number; items: TextItem[] }> {
  const edges = distinct([seg.top, ...seg.cuts!, seg.bottom]);
  const bands: Array<{ top: number; bottom: number; items: TextItem[] }> = [];
  for (let i = 1; i < edges.length; i++) bands.push({ top: edges[i - 1]!, bottom: edges[i]!, items: [] });
  for (const it of seg.items) {
    const mid = it.y + it.size / 2;
    const b = bands.find((band) => mid >= band.top && mid < band.bottom) ?? bands[bands.length - 1];
    b?.items.push(it);
  }
  return bands.filter((b) => b.items.length > 0);
}

/** Whether the middle rule is missing across a band: the row is one full-width cell. */
function fullWidth(seg: Segment, band: { top: number; bottom: number; items: TextItem[] }): boolean {
  if (seg.middle) {
    const mid = (band.top + band.bottom) / 2;
    return !seg.middle.some((v) => v.y0 <= mid && v.y1 >= mid);
  }
  return band.items.some((it) => it.x < seg.bound - it.size && it.x + it.w > seg.bound + it.size);
}

/**
 * Bands of a borderless segment: a row starts on a line where both columns start text after a
 * gap wider than the line pitch (cell padding), or where a line runs across the bound (a
 * full-width row).
 */
function gapBands(seg: Segment): Array<{ top: number; bottom: number; items: TextItem[] }> {
  const lines = groupLines(seg.items);
  if (lines.length === 0) return [];
  const pitches = lines.slice(1).map((l, i) => l.y - lines[i]!.y).filter((g) => g > 0);
  const pitch = median(pitches.filter((g) => g < median(pitches) * 1.3)) || lines[0]!.size * 1.2;
  const bands: Array<{ top: number; bottom: number; items: TextItem[] }> = [];
  let prevSpanning = false;
  for (const [i, line] of lines.entries()) {
    const hasQ = line.items.some((it) => it.x < seg.bound);
    const hasA = line.items.some((it) => it.x >= seg.bound);
    // A full-width row: text across the bound, or a placeholder sentence (which may stay short of it).
    const spanning = line.items.some((it) => it.x < seg.bound - it.size && it.x + it.w > seg.bound + it.size) || isPlaceholder(line.text);
    const gap = i === 0 ? Number.POSITIVE_INFINITY : line.y - lines[i - 1]!.y;
    const starts = i === 0 || spanning || prevSpanning || (hasQ && hasA && gap > pitch * ROW_GAP_PITCHES);
    if (starts) bands.push({ top: line.y, bottom: line.y + line.size, items: [...line.items] });
    else {
      const b = bands[bands.length - 1]!;
      b.items.push(...line.items);
      b.bottom = line.y + line.size;
    }
    prevSpanning = spanning;
  }
  return bands;
}

/** A line of a cell starts lower-case or with punctuation that continues a sentence. */
function startsMidSentence(lines: readonly CellLine[]): boolean {
  const first = lines[0]?.text ?? '';
  return /^[\p{Ll},;:)\]]/u.test(first);
}

/** A cell's text ends where a sentence, question or list may end. */
function endsComplete(lines: readonly CellLine[]): boolean {
  const last = lines[lines.length - 1]?.text ?? '';
  return /[.?!:;)"'”’]$/.test(last.trim());
}

/**
 * Whether the first row at the top of a page continues the row left open at the foot of the page
 * before. Word draws a closing and an opening border at every page break, so only the text tells:
 * a new row has a question and an answer that both start a sentence, after a row whose cells both
 * ended one. An empty cell (the other cell ran on alone), a cell starting mid-sentence or a cell
 * on the page before that stopped mid-sentence all say continuation.
 */
export function continuesRow(prev: QaRow, question: readonly CellLine[], answer: readonly CellLine[]): boolean {
  if (question.length === 0 || answer.length === 0) return true;
  if (startsMidSentence(question) || startsMidSentence(answer)) return true;
  return !endsComplete(prev.answer);
}

function qaRow(items: readonly TextItem[], bound: number, page: number, y: number): QaRow {
  const q = items.filter((it) => it.x < bound);
  const a = items.filter((it) => it.x >= bound);
  return { kind: 'qa', question: toCellLines(q, page), answer: toCellLines(a, page), pageStart: page, pageEnd: page, page, y };
}

/**
 * Finds a borderless header line ("Vraag" … "Antwoord") and returns its labels and bound, with the
 * body bound from the gutter in the text under it.
 */
function borderlessHeader(lines: ReturnType<typeof groupLines>, index: number, below: readonly TextItem[], page: number): { bound: number; qLeft: number; aLeft: number; labels: { question: string; answer: string } } | null {
  const line = lines[index]!;
  if (line.items.length < 2) return null;
  // Split the line at its widest gap: the two labels.
  const sorted = [...line.items].sort((a, b) => a.x - b.x);
  let at = -1;
  let widest = 0;
  for (let i = 1; i < sorted.length; i++) {
    const gap = sorted[i]!.x - (sorted[i - 1]!.x + sorted[i - 1]!.w);
    if (gap > widest) [widest, at] = [gap, i];
  }
  if (at < 0 || widest < line.size * MIN_GUTTER) return null;
  const leftItems = sorted.slice(0, at);
  const rightItems = sorted.slice(at);
  const q = groupLines(leftItems)[0]!.text;
  const a = groupLines(rightItems)[0]!.text;
  if (labelRole(q) !== 'question' || labelRole(a) !== 'answer') return null;
  const qx1 = Math.max(...leftItems.map((it) => it.x + it.w));
  const ax0 = rightItems[0]!.x;
  const header = {
    labels: [
      { role: 'question' as const, label: q, x0: leftItems[0]!.x, x1: qx1 },
      { role: 'answer' as const, label: a, x0: ax0, x1: Math.max(...rightItems.map((it) => it.x + it.w)) },
    ],
    top: line.y,
    bottom: line.y + line.size,
  };
  const bound = detectColumns(header, page, below).columns[1]!.left;
  return { bound, qLeft: leftItems[0]!.x, aLeft: ax0, labels: { question: q, answer: a } };
}

/**
 * Whether a borderless line still belongs to the open table: it starts no further left than the
 * question column (a heading or free text at the page margin ends the table; headings are
 * checked apart).
 */
function fitsBorderless(line: ReturnType<typeof groupLines>[number], open: OpenTable): boolean {
  return line.x >= open.qLeft - line.size * COLUMN_SLACK;
}

/**
 * Borderless table parts of a page: from a header line ("Vraag" … "Antwoord") down, or from the
 * top of the page when a borderless table is still open, until a heading or a line that starts
 * left of the question column.
 */
function borderlessSegments(page: PageItems, free: readonly TextItem[], pageHeadings: readonly Heading[], open: OpenTable | null): Segment[] {
  const lines = groupLines(free);
  const out: Segment[] = [];
  let current: { seg: Segment; open: OpenTable } | null = null;
  const close = () => {
    if (current) out.push(current.seg);
    current = null;
  };
  if (open && !open.ruled) {
    const seg: Segment = { page: page.page, top: Number.NEGATIVE_INFINITY, bottom: Number.NEGATIVE_INFINITY, left: open.left, right: open.right, bound: open.bound, cuts: null, middle: null, items: [] };
    current = { seg, open };
  }
  for (const [i, line] of lines.entries()) {
    if (pageHeadings.some((h) => line.y >= h.y - 0.5 && line.y < h.bottom)) {
      close();
      continue;
    }
    const below = lines.slice(i + 1, i + 40).flatMap((l) => l.items);
    const header = borderlessHeader(lines, i, below, page.page);
    if (header) {
      close();
      const opens: OpenTable = { table: { page: page.page, y: line.y, rows: [], labels: header.labels }, bound: header.bound, left: header.qLeft, right: Number.POSITIVE_INFINITY, qLeft: header.qLeft, aLeft: header.aLeft, ruled: false, last: null };
      const seg: Segment = { page: page.page, top: line.y, bottom: line.y + line.size, left: header.qLeft, right: Number.POSITIVE_INFINITY, bound: header.bound, cuts: null, middle: null, items: [...line.items], opens };
      current = { seg, open: opens };
      continue;
    }
    if (!current) continue;
    if (!fitsBorderless(line, current.open)) {
      close();
      continue;
    }
    const seg: Segment = current.seg;
    if (seg.items.length === 0) seg.top = line.y;
    seg.items.push(...line.items);
    seg.bottom = line.y + line.size;
  }
  close();
  return out;
}

/**
 * Reads the two-column Q&A tables of the document in order. Headings end a table: a page that
 * starts with a heading does not continue the table of the page before.
 */
export function readTwoColumnTables(pages: readonly PageItems[], furniture: Furniture, headings: readonly Heading[]): TwoColumnTable[] {
  const tables: TwoColumnTable[] = [];
  let open: OpenTable | null = null;
  for (const page of pages) {
    const drop = furniture.byPage.get(page.page);
    const items = page.items.filter((it) => !drop?.has(it));
    const pageHeadings = headings.filter((h) => h.page === page.page);
    const segments = ruledSegments(page, items);
    const inRuled = new Set(segments.flatMap((s) => s.items));
    const headingAt = (top: number, bottom: number) => pageHeadings.some((h) => h.y >= top && h.y < bottom);
    let cursor = Number.NEGATIVE_INFINITY;

    const borderless = borderlessSegments(page, items.filter((it) => !inRuled.has(it)), pageHeadings, open);

    const all = [...segments, ...borderless].filter((s) => s.items.length > 0).sort((a, b) => a.top - b.top);
    const inTable = new Set(all.flatMap((s) => s.items));
    // A heading or other text between the table parts (or above the first) ends the open table.
    const interrupted = (top: number) => items.some((it) => !inTable.has(it) && it.y >= cursor && it.y + it.size <= top + 0.5);
    for (const seg of all) {
      const newHeader = seg.opens;
      if (open && interrupted(seg.top)) open = null;
      const bands = seg.cuts ? ruledBands(seg) : gapBands(seg);
      let first = true;
      for (const band of bands) {
        const wide = fullWidth(seg, band);
        if (!wide && (first || seg.cuts)) {
          const labels = readHeader(band.items, seg.bound);
          if (labels) {
            // A repeated header keeps the table open; a new one under a heading opens a table.
            if (!(open && Math.abs(open.bound - seg.bound) <= SAME_BOUND && !headingAt(cursor, band.top))) {
              const table: TwoColumnTable = { page: page.page, y: band.top, rows: [], labels };
              tables.push(table);
              const qItems = band.items.filter((it) => it.x < seg.bound);
              const aItems = band.items.filter((it) => it.x >= seg.bound);
              open = newHeader ?? {
                table,
                bound: seg.bound,
                left: seg.left,
                right: seg.right,
                qLeft: Math.min(...qItems.map((it) => it.x)),
                aLeft: Math.min(...aItems.map((it) => it.x)),
                ruled: seg.cuts !== null,
                last: null,
              };
              if (newHeader) {
                newHeader.table = table;
                table.labels = labels;
              }
              first = false;
            }
            // After a repeated header the first row may still continue the row before the break.
            cursor = band.bottom;
            continue;
          }
        }
        if (!open || Math.abs(open.bound - seg.bound) > SAME_BOUND) {
          // Not a Q&A table (no header read as question and answer): skipped.
          open = null;
          first = false;
          continue;
        }
        const bandText = text(toCellLines(band.items, page.page));
        if (isPlaceholder(bandText)) {
          first = false;
          cursor = band.bottom;
          continue;
        }
        if (wide) {
          open.table.rows.push({ kind: 'subheading', text: bandText, page: page.page, y: band.top });
          open.last = null;
          first = false;
          cursor = band.bottom;
          continue;
        }
        const row = qaRow(band.items, seg.bound, page.page, band.top);
        if (first && open.last && open.last.pageEnd === page.page - 1 && continuesRow(open.last, row.question, row.answer)) {
          open.last.question.push(...row.question);
          open.last.answer.push(...row.answer);
          open.last.pageEnd = page.page;
        } else {
          open.table.rows.push(row);
          open.last = row;
        }
        first = false;
        cursor = band.bottom;
      }
      cursor = Math.max(cursor, seg.bottom);
    }
    // Text or a heading under the last table part ends the table.
    if (open && items.some((it) => !inTable.has(it) && it.y >= cursor)) open = null;
  }
  return tables;
}
