/**
 * Which row a line of a page belongs to, given the filled VraagID cells (anchors) of the page.
 * Where the VID sits in its row decides it: at the top (most NvIs, made in a word processor), in
 * the middle, or at the bottom (spreadsheet exports, whose cells are bottom-aligned by default).
 * The alignment is not declared anywhere, so it is voted on, page by page, from the rows whose
 * extent the gaps between them show.
 */
import type { CellLine } from './join-lines.ts';
import { median } from './lines.ts';
import type { ColumnRole } from './types.ts';

export type Alignment = keyof AlignmentVotes;

export interface AlignmentVotes {
  top: number;
  middle: number;
  bottom: number;
}

/** Lead of the top-aligned votes after which a document is taken to have them on every page. */
export const SETTLED_AT_TOP = 30;

/** The alignment with most votes; top (the common case) unless another has more. */
export function alignmentOf(votes: AlignmentVotes): Alignment {
  if (votes.middle <= votes.top && votes.bottom <= votes.top) return 'top';
  return votes.bottom > votes.middle ? 'bottom' : 'middle';
}

export function settledAtTop(votes: AlignmentVotes): boolean {
  return votes.top - Math.max(votes.middle, votes.bottom) >= SETTLED_AT_TOP;
}

export interface VidCell {
  text: string;
  y: number;
  lines: CellLine[];
}

/** Index of the row a line belongs to: the last anchor at or above it (half a line of slack). */
export function rowIndexFor(line: CellLine, anchors: readonly VidCell[]): number {
  let idx = -1;
  for (let i = 0; i < anchors.length; i++) {
    if (anchors[i]!.y - line.size * 0.5 <= line.y) idx = i;
    else break;
  }
  return idx;
}

/**
 * Index of the row a line belongs to when VIDs sit at the bottom of their rows: the first anchor
 * whose last line is at or below it (half a line of slack). Lines below the page's last anchor
 * get anchors.length: they wait for the next VID, on the next page.
 */
export function rowIndexAtOrBelow(line: CellLine, anchors: readonly VidCell[]): number {
  for (let i = 0; i < anchors.length; i++) {
    const a = anchors[i]!;
    if (a.lines[a.lines.length - 1]!.y + line.size * 0.5 >= line.y) return i;
  }
  return anchors.length;
}

/**
 * Rows as bands of text separated by vertical gaps: the cell padding between two rows leaves a
 * gap across all columns that the line spacing inside a cell never does. Needed when VraagID
 * cells are vertically centred: the first lines of the other cells then sit above the VID, and
 * only the gaps say where the row starts. A blank line inside a cell leaves such a gap too, so a
 * row may span several bands; of the band ranges around a VID, the row is the one the VID is
 * centred in.
 */
export function rowBands(roleOf: ReadonlyMap<CellLine, ColumnRole>, anchors: readonly VidCell[]): { votes: AlignmentVotes; rowOf: (line: CellLine) => number } {
  const sorted = [...roleOf.keys()].sort((a, b) => a.y - b.y);
  const size = median(sorted.map((l) => l.size)) || 10;
  const bands = cutBands(sorted, size);
  const { tops, bottoms, bandOf } = bands;
  const anchorBand = anchors.map((a) => bandOf.get(a.lines[0]!) ?? -1);
  const anchorsIn: number[][] = tops.map(() => []);
  for (const [i, b] of anchorBand.entries()) if (b >= 0) anchorsIn[b]!.push(i);

  // A tall band with one VID tells where VIDs sit in their rows: at the band's first line, at its
  // last, or in between. Several VIDs in one band are rows packed without gaps, as top-aligned
  // tables print them.
  const votes: AlignmentVotes = { top: 0, middle: 0, bottom: 0 };
  for (const [b, list] of anchorsIn.entries()) {
    if (list.length > 1) votes.top += list.length;
    else if (list.length === 1 && bottoms[b]! - tops[b]! > size * 2.5) {
      const a = anchors[list[0]!]!;
      const last = a.lines[a.lines.length - 1]!;
      if (a.y <= tops[b]! + size * 0.5) votes.top++;
      else if (last.y + last.size >= bottoms[b]! - size * 0.5) votes.bottom++;
      else votes.middle++;
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
