import { detectColumns, findHeader } from './detect-columns.ts';
import type { Furniture } from './furniture.ts';
import { typicalPitch, type CellLine } from './join-lines.ts';
import { groupLines, median, splitAt } from './lines.ts';
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

function emptyCells(): RawRow['cells'] {
  return { vid: [], document: [], paragraph: [], question: [], answer: [] };
}

/**
 * Walks the pages in order and cuts the table body into rows. A row starts at the first line of a
 * filled VraagID cell and runs until the next one, across page breaks: the continuation on the
 * next page has an empty VraagID cell, so its lines join the row that is still open.
 */
export function assembleRows(pages: readonly PageItems[], furniture: Furniture): AssembledTable {
  const rows: RawRow[] = [];
  const warnings: ParseWarning[] = [];
  let header: HeaderRow | null = null;
  let firstColumns: Column[] = [];
  let firstTablePage: number | null = null;
  let open: RawRow | null = null;
  // Evidence, summed over the pages so far, that VraagID cells are centred in their rows (> 0) or
  // at the top (≤ 0): a page on its own may hold too few rows to tell.
  let alignmentVotes = 0;

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
        open = null;
        continue;
      }
    } else {
      continue;
    }

    const byColumn = assignToColumns(body, header.columns, page.page);
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
    if (alignmentVotes > SETTLED_AT_TOP) {
      const roleOf = new Map<CellLine, ColumnRole>();
      for (const [role, lines] of byColumn) for (const l of lines) roleOf.set(l, role);
      const bands = rowBands(roleOf, anchors);
      alignmentVotes += bands.votes;
      if (alignmentVotes > 0) rowOf = bands.rowOf;
    }

    for (const [role, lines] of byColumn) {
      if (role === 'vid' || role === 'other') continue;
      for (const line of lines) {
        const idx = rowOf(line);
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
  }

  const pitch = typicalPitch(rows.flatMap((r) => r.cells.answer.concat(r.cells.question)).sort(byPageY));
  const widths = { vid: 0, document: 0, paragraph: 0, question: 0, answer: 0 };
  const edges = { ...widths };
  for (const row of rows) {
    for (const role of Object.keys(widths) as CellRole[]) {
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

function clip(s: string): string {
  return s.length > 60 ? s.slice(0, 57) + '…' : s;
}

/** Index of the row a line belongs to: the last anchor at or above it (half a line of slack). */
function rowIndexFor(line: CellLine, anchors: readonly VidCell[]): number {
  let idx = -1;
  for (let i = 0; i < anchors.length; i++) {
    if (anchors[i]!.y - line.size * 0.5 <= line.y) idx = i;
    else break;
  }
  return idx;
}

/** Votes for top-aligned VIDs after which a document is taken to have them on every page. */
const SETTLED_AT_TOP = -30;

/**
 * Rows as bands of text separated by vertical gaps: the cell padding between two rows leaves a
 * gap across all columns that the line spacing inside a cell never does. Needed when VraagID
 * cells are vertically centred: the first lines of the other cells then sit above the VID, and
 * only the gaps say where the row starts. A blank line inside a cell leaves such a gap too, so a
 * row may span several bands; of the band ranges around a VID, the row is the one the VID is
 * centred in.
 */
function rowBands(roleOf: ReadonlyMap<CellLine, ColumnRole>, anchors: readonly VidCell[]): { votes: number; rowOf: (line: CellLine) => number } {
  const sorted = [...roleOf.keys()].sort((a, b) => a.y - b.y);
  const size = median(sorted.map((l) => l.size)) || 10;
  const bands = cutBands(sorted, size);
  const { tops, bottoms, bandOf } = bands;
  const anchorBand = anchors.map((a) => bandOf.get(a.lines[0]!) ?? -1);
  const anchorsIn: number[][] = tops.map(() => []);
  for (const [i, b] of anchorBand.entries()) if (b >= 0) anchorsIn[b]!.push(i);

  // A tall band with one VID: centred if the VID sits below the band's first line.
  let votes = 0;
  for (const [b, list] of anchorsIn.entries()) {
    if (list.length > 1) votes -= list.length;
    else if (list.length === 1 && bottoms[b]! - tops[b]! > size * 2.5) {
      votes += anchors[list[0]!]!.y > tops[b]! + size * 0.5 ? 1 : -1;
    }
  }

  // Where a row visibly starts: two text cells begin on the band's first line. (After a blank
  // line inside a row, one cell goes on alone.)
  const startRoles = tops.map(() => new Set<ColumnRole>());
  for (const line of sorted) {
    const b = bandOf.get(line)!;
    const role = roleOf.get(line)!;
    if (role !== 'vid' && role !== 'other' && line.y < tops[b]! + size * 0.5) startRoles[b]!.add(role);
  }
  const startsRow = startRoles.map((r) => r.size >= 2);

  // Each VID takes the range of bands it is best centred in, between its neighbours' ranges.
  // Centred label cells make the VID's own band symmetric around it too, so the range must
  // reach up to the last visible row start above the VID.
  const bandRow = new Array<number>(tops.length).fill(-1);
  let from = 0;
  let last = -1;
  for (const [i, a] of anchors.entries()) {
    const ab = anchorBand[i]!;
    if (ab < from) continue;
    const lastLine = a.lines[a.lines.length - 1]!;
    const centre = (a.y + lastLine.y + lastLine.size) / 2;
    const ae = Math.max(ab, bandOf.get(lastLine) ?? ab);
    const limit = anchorBand.slice(i + 1).find((b) => b > ae) ?? tops.length;
    let best = { s: ab, e: ae, miss: Number.POSITIVE_INFINITY };
    let latestStart = ab;
    while (latestStart > from && !startsRow[latestStart]) latestStart--;
    const sMax = startsRow[latestStart] ? latestStart : ab;
    for (let s = from; s <= sMax; s++) {
      for (let e = ae; e < limit; e++) {
        // Off-centre distance, and a little for every band taken in: of two equally centred
        // ranges the tighter one wins (a range can be symmetric around the VID by chance).
        const miss = Math.abs((tops[s]! + bottoms[e]!) / 2 - centre) + (e - s) * 0.25;
        if (miss < best.miss) best = { s, e, miss };
      }
    }
    // Bands left between two rows are the tail of the one above.
    for (let b = from; b < best.s; b++) bandRow[b] = last;
    for (let b = best.s; b <= best.e; b++) bandRow[b] = i;
    from = best.e + 1;
    last = i;
  }
  for (let b = from; b < tops.length; b++) bandRow[b] = last;

  const rowOf = (line: CellLine): number => {
    const b = bandOf.get(line) ?? -1;
    const list = anchorsIn[b] ?? [];
    if (list.length <= 1) return bandRow[b] ?? -1;
    // Rows packed without a gap: fall back to the last VID at or above the line.
    let idx = list[0]!;
    for (const i of list) if (anchors[i]!.y - line.size * 0.5 <= line.y) idx = i;
    return idx;
  };
  return { votes, rowOf };
}

/** Groups lines (sorted top-down) into bands wherever a gap wider than the cells' leading opens. */
function cutBands(sorted: readonly CellLine[], size: number): { tops: number[]; bottoms: number[]; bandOf: Map<CellLine, number> } {
  // The pitch inside a cell: the most common distance between consecutive lines of one column.
  const byX = new Map<number, CellLine[]>();
  for (const l of sorted) {
    const col = byX.get(Math.round(l.x));
    if (col) col.push(l);
    else byX.set(Math.round(l.x), [l]);
  }
  const steps = [...byX.values()].flatMap((col) => col.slice(1).map((l, i) => l.y - col[i]!.y)).filter((g) => g > size * 0.8 && g < size * 2);
  const pitch = median(steps) || size * 1.2;
  // A gap wider than the leading inside a cell by a third of a line separates bands.
  const minGap = pitch - size + size * 0.3;
  const bandOf = new Map<CellLine, number>();
  const tops: number[] = [];
  const bottoms: number[] = [];
  for (const line of sorted) {
    const b = tops.length - 1;
    if (b >= 0 && line.y - bottoms[b]! <= minGap) {
      bottoms[b] = Math.max(bottoms[b]!, line.y + line.size);
    } else {
      tops.push(line.y);
      bottoms.push(line.y + line.size);
    }
    bandOf.set(line, tops.length - 1);
  }
  return { tops, bottoms, bandOf };
}

interface VidCell {
  text: string;
  y: number;
  lines: CellLine[];
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
