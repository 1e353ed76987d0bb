import { detectColumns, findHeader } from './detect-columns.ts';
import type { Furniture } from './furniture.ts';
import { typicalPitch, type CellLine } from './join-lines.ts';
import { groupLines, median, splitAt } from './lines.ts';
import { alignmentOf, rowBands, rowIndexAtOrBelow, rowIndexFor, settledAtTop, type AlignmentVotes, type VidCell } from './row-alignment.ts';
import type { Column, ColumnRole, HeaderRow, PageItems, ParseWarning, TextItem } from './types.ts';

/** A table row as printed: the lines of each cell, over one or more pages. */
export interface RawRow {
  vid: string;
  cells: Record<Exclude<ColumnRole, 'other'>, CellLine[]>;
  pageStart: number;
  pageEnd: number;
}

export interface AssembledTable {
  rows: RawRow[];
  /** Columns of the first header found. */
  columns: Column[];
  /** Typical line pitch of the table's cells. */
  pitch: number;
  /** Text width of each column: the widest line printed in it. */
  widths: Record<CellRole, number>;
  /** Right edge of each column's text: the furthest right any of its lines reaches. */
  edges: Record<CellRole, number>;
  /** Whether the table is set in a monospaced font (every line as wide per character). */
  monospaced: boolean;
  /** First page that holds the table header; pages before it are the cover and introduction. */
  firstTablePage: number | null;
  warnings: ParseWarning[];
}

type CellRole = Exclude<ColumnRole, 'other'>;

const CELL_ROLES: readonly CellRole[] = ['vid', 'document', 'paragraph', 'reference', 'page', 'subject', 'question', 'answer'];

function perRole<T>(make: () => T): Record<CellRole, T> {
  return Object.fromEntries(CELL_ROLES.map((r) => [r, make()])) as Record<CellRole, T>;
}

function emptyCells(): RawRow['cells'] {
  return perRole((): CellLine[] => []);
}

/**
 * Walks the pages in order and cuts the table body into rows. A row starts at the first line of a
 * filled VraagID cell and runs until the next one, across page breaks: the continuation on the
 * next page has an empty VraagID cell, so its lines join the row that is still open. Where the
 * VIDs sit lower in their rows (centred, or at the bottom), row-alignment.ts says which lines
 * belong to which VID.
 */
export function assembleRows(pages: readonly PageItems[], furniture: Furniture): AssembledTable {
  const rows: RawRow[] = [];
  const warnings: ParseWarning[] = [];
  let header: HeaderRow | null = null;
  let firstColumns: Column[] = [];
  let firstTablePage: number | null = null;
  let open: RawRow | null = null;
  // Evidence, summed over the pages so far, of where VraagID cells sit in their rows: a page on
  // its own may hold too few rows to tell.
  const votes: AlignmentVotes = { top: 0, middle: 0, bottom: 0 };
  // With VIDs at the bottom of their rows, lines below a page's last VID belong to the next one.
  let waiting: Array<{ role: CellRole; line: CellLine }> = [];
  // Where no VID follows (the table ends), they stay with the row above, as in a top-aligned table.
  const flushWaiting = () => {
    for (const w of waiting) {
      if (!open) {
        warnings.push({ kind: 'missing-vid', page: w.line.page, message: `page ${w.line.page}: text in column "${w.role}" without a VraagID: "${clip(w.line.text)}"` });
        continue;
      }
      open.cells[w.role].push(w.line);
      open.pageEnd = Math.max(open.pageEnd, w.line.page);
    }
    waiting = [];
  };

  for (const page of pages) {
    const drop = furniture.byPage.get(page.page);
    const found = findHeader(page);
    let body: TextItem[];
    if (found) {
      body = page.items.filter((it) => it.y >= found.bottom - it.size * 0.3 && !drop?.has(it));
      header = detectColumns(found, page.page, body);
      if (firstTablePage === null) {
        firstTablePage = page.page;
        firstColumns = header.columns;
      }
    } else if (header) {
      body = page.items.filter((it) => !drop?.has(it));
      if (body.length === 0) continue;
      if (!fitsColumns(body, header.columns)) {
        // The table has ended: what follows is not laid out in its columns.
        warnings.push({ kind: 'skipped-text', page: page.page, message: `page ${page.page}: text outside the table skipped` });
        header = null;
        flushWaiting();
        open = null;
        continue;
      }
    } else {
      continue;
    }

    // No cell's text runs across two column bounds: such a line is a heading over the whole
    // table width, or free text after the table.
    const columns = header.columns;
    const spanning = body.filter((it) => boundsCrossed(it, columns) >= 2);
    let byColumn = assignToColumns(spanning.length > 0 ? body.filter((it) => !spanning.includes(it)) : body, columns, page.page);
    const end = tableEnd(spanning, vidCells(byColumn.get('vid') ?? []).filter((c) => isVid(c.text)));
    if (end) {
      byColumn = new Map([...byColumn].map(([role, lines]) => [role, lines.filter((l) => l.y < end.y - l.size * 0.3)]));
      warnings.push({ kind: 'skipped-text', page: page.page, message: `page ${page.page}: text under the table skipped: "${clip(end.str)}"` });
    }
    for (const it of spanning) {
      if (end && it.y >= end.y) continue;
      warnings.push({ kind: 'skipped-text', page: page.page, message: `page ${page.page}: text across the columns skipped: "${clip(it.str)}"` });
    }
    const vidLines = byColumn.get('vid') ?? [];
    const cells = vidCells(vidLines);
    const anchors = cells.filter((c) => isVid(c.text));
    for (const c of cells) {
      if (isVid(c.text)) continue;
      warnings.push({ kind: 'skipped-text', page: page.page, message: `page ${page.page}: text in the VraagID column is no VraagID: "${clip(c.text)}"` });
    }
    const pageRows: RawRow[] = anchors.map((a) => ({ vid: a.text, cells: emptyCells(), pageStart: page.page, pageEnd: page.page }));
    for (const [i, a] of anchors.entries()) pageRows[i]!.cells.vid.push(...a.lines);
    let rowOf = (line: CellLine) => rowIndexFor(line, anchors);
    // Once the VIDs are plainly at the top of their rows, the bands need not be cut any more.
    if (!settledAtTop(votes)) {
      const roleOf = new Map<CellLine, ColumnRole>();
      for (const [role, lines] of byColumn) for (const l of lines) roleOf.set(l, role);
      const bands = rowBands(roleOf, anchors);
      votes.top += bands.votes.top;
      votes.middle += bands.votes.middle;
      votes.bottom += bands.votes.bottom;
      const alignment = alignmentOf(votes);
      if (alignment === 'middle') rowOf = bands.rowOf;
      if (alignment === 'bottom') rowOf = (line) => rowIndexAtOrBelow(line, anchors);
    }

    const first = pageRows[0];
    if (first && waiting.length > 0) {
      for (const w of waiting) first.cells[w.role].push(w.line);
      first.pageStart = Math.min(first.pageStart, ...waiting.map((w) => w.line.page));
      waiting = [];
    }
    for (const [role, lines] of byColumn) {
      if (role === 'vid' || role === 'other') continue;
      for (const line of lines) {
        const idx = rowOf(line);
        if (idx >= pageRows.length) {
          waiting.push({ role, line });
          continue;
        }
        const target: RawRow | null = idx >= 0 ? pageRows[idx]! : open;
        if (!target) {
          warnings.push({
            kind: 'missing-vid',
            page: page.page,
            message: `page ${page.page}: text in column "${role}" before the first VraagID: "${clip(line.text)}"`,
          });
          continue;
        }
        if (idx < 0 && target === open) target.pageEnd = page.page;
        target.cells[role].push(line);
      }
    }
    // VID-column lines above the first anchor (a wrapped VID continuing from the previous page) are rare; ignore.
    rows.push(...pageRows);
    if (pageRows.length > 0) open = pageRows[pageRows.length - 1]!;
    if (end) {
      // Nothing continues the last row. A later page may still continue the table (the spanning
      // line was a heading at the foot of a page): fitsColumns decides, as for any page.
      flushWaiting();
      open = null;
    }
  }
  flushWaiting();

  const pitch = typicalPitch(rows.flatMap((r) => r.cells.answer.concat(r.cells.question)).sort(byPageY));
  const widths = perRole(() => 0);
  const edges = perRole(() => 0);
  for (const row of rows) {
    for (const role of CELL_ROLES) {
      for (const l of row.cells[role]) {
        widths[role] = Math.max(widths[role], l.right - l.x);
        edges[role] = Math.max(edges[role], l.right);
      }
    }
  }
  const monospaced = isMonospaced(rows.flatMap((r) => r.cells.question.concat(r.cells.answer)));
  return { rows, columns: firstColumns, pitch, widths, edges, monospaced, firstTablePage, warnings };
}

/**
 * In a monospaced font every line has the same width per character, spaces included; in a
 * proportional one it varies by several percent from line to line.
 */
function isMonospaced(lines: readonly CellLine[]): boolean {
  const perChar = lines.filter((l) => l.text.length >= 8).map((l) => (l.right - l.x) / l.text.length);
  if (perChar.length < 5) return false;
  const mid = median(perChar);
  return perChar.filter((w) => Math.abs(w - mid) < mid * 0.01).length >= perChar.length * 0.9;
}

function byPageY(a: CellLine, b: CellLine): number {
  return a.page - b.page || a.y - b.y;
}

/**
 * Where the table ends on a page when free text follows it (a closing note, a signature): the
 * first line running across the columns below the page's last VraagID. Null when the table runs
 * to the bottom of the page.
 */
function tableEnd(spanning: readonly TextItem[], anchors: readonly { y: number }[]): TextItem | null {
  const below = anchors.length > 0 ? anchors[anchors.length - 1]!.y : Number.NEGATIVE_INFINITY;
  let end: TextItem | null = null;
  for (const it of spanning) if (it.y > below + it.size * 0.5 && (!end || it.y < end.y)) end = it;
  return end;
}

/** How many column bounds the text runs across (a word's width of tolerance at either end). */
function boundsCrossed(it: TextItem, columns: readonly Column[]): number {
  let n = 0;
  for (const c of columns) if (c.left > it.x + it.size && c.left < it.x + it.w - it.size) n++;
  return n;
}

function clip(s: string): string {
  return s.length > 60 ? s.slice(0, 57) + '…' : s;
}

/**
 * What a VraagID looks like in any NvI we know ("VID-0012", "12", "2025-012", "Vraag 12", "3.4"):
 * short, with a digit, no sentence punctuation. Other text in the column (a note under the table,
 * a sentence that runs across all columns, text misplaced by a damaged file) must not open a row.
 */
function isVid(text: string): boolean {
  return /\d/.test(text) && text.length <= 30 && VID_SHAPE.test(text);
}

/** Up to four tokens of letters, digits and separators, the first starting with a letter or digit. */
const VID_SHAPE = /^#?[\p{L}\p{N}][\p{L}\p{N}./_–-]*(?: [\p{L}\p{N}./_–-]+){0,3}$/u;

/**
 * The filled VraagID cells of a page. A VID may wrap in a narrow column ("VID-" / "0318"): a line
 * continues the cell above when that one has no digit yet or ends in a hyphen.
 */
function vidCells(lines: readonly CellLine[]): VidCell[] {
  const cells: VidCell[] = [];
  for (const line of lines) {
    const last = cells[cells.length - 1];
    const continues =
      last !== undefined && line.y - last.lines[last.lines.length - 1]!.y < line.size * 1.6 && (!/\d/.test(last.text) || /-$/.test(last.text));
    if (continues) {
      last.text = /-$/.test(last.text) ? last.text + line.text : `${last.text} ${line.text}`;
      last.lines.push(line);
    } else {
      cells.push({ text: line.text, y: line.y, lines: [line] });
    }
  }
  return cells;
}

/** Assigns each item to the column it starts in, cutting runs that cross into the next column. */
function assignToColumns(items: readonly TextItem[], columns: readonly Column[], page: number): Map<ColumnRole, CellLine[]> {
  const perColumn = new Map<number, TextItem[]>();
  const queue = [...items];
  while (queue.length > 0) {
    const it = queue.pop()!;
    const ci = columnIndex(it.x, columns);
    const col = columns[ci]!;
    if (it.x + it.w > col.right + it.size * 0.5) {
      const parts = splitAt(it, col.right);
      if (parts) {
        queue.push(parts[0], parts[1]);
        continue;
      }
    }
    let list = perColumn.get(ci);
    if (!list) perColumn.set(ci, (list = []));
    list.push(it);
  }
  const out = new Map<ColumnRole, CellLine[]>();
  for (const [ci, list] of perColumn) {
    const role = columns[ci]!.role;
    const lines = groupLines(list).map((l) => ({ text: l.text, page, y: l.y, x: l.x, right: l.right, size: l.size }));
    out.set(role, (out.get(role) ?? []).concat(lines).sort((a, b) => a.y - b.y));
  }
  return out;
}

function columnIndex(x: number, columns: readonly Column[]): number {
  for (let i = columns.length - 1; i >= 0; i--) if (x >= columns[i]!.left - 0.01) return i;
  return 0;
}

/**
 * Whether a page without a header row still continues the table: little of its text may run
 * across the column bounds (free text, such as a closing page, runs across all of them).
 */
function fitsColumns(items: readonly TextItem[], columns: readonly Column[]): boolean {
  let crossing = 0;
  for (const it of items) {
    const col = columns[columnIndex(it.x, columns)]!;
    if (it.x + it.w > col.right + it.size * 2) crossing++;
  }
  return crossing <= items.length * 0.25;
}

export type { CellRole };
