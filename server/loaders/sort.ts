import type { NotaRow } from '../../core/store/qa-repository.ts';
import { Ordering, type Hits } from '../../core/search/hits.ts';
import type { Snapshot } from '../snapshot/snapshot.ts';

/** relevance: best match first; newest: the newest round first; table: NvI, then source order. */
export const SORTS = ['relevance', 'newest', 'table'] as const;
export type Sort = (typeof SORTS)[number];

/** What a list is sorted by when the request does not say: relevance for a query, else the table. */
export function effectiveSort(sort: Sort | '' | undefined, query: string): Sort {
  if (query === '') return sort === 'newest' ? 'newest' : 'table';
  return sort || 'relevance';
}

/** First and last year of a round ("2024-2026", "2025"); null when unknown or unreadable. */
function roundYears(round: string | null): [number, number] | null {
  const m = /(\d{4})(?:\s*[-–]\s*(\d{4}))?/.exec(round ?? '');
  if (!m) return null;
  const first = Number(m[1]);
  return [first, m[2] ? Number(m[2]) : first];
}

/** Newest round first (by its first, then last year), a round-less NvI last. */
export function compareRounds(a: string | null, b: string | null): number {
  const ya = roundYears(a);
  const yb = roundYears(b);
  if (!ya || !yb) return (ya ? 0 : 1) - (yb ? 0 : 1) || (a ?? '').localeCompare(b ?? '');
  return yb[0] - ya[0] || yb[1] - ya[1];
}

/** Newest first: round, then publication date (ISO dates sort as text), then the order of ingest. */
export function compareNewest(a: NotaRow, b: NotaRow): number {
  return compareRounds(a.round, b.round) || (b.published ?? '').localeCompare(a.published ?? '') || a.id - b.id;
}

/** The notas' ids in the order a list under this sort gives them. */
export function orderNotaIds(snapshot: Snapshot, notaIds: readonly number[], sort: Sort): number[] {
  if (sort !== 'newest') return [...notaIds].sort((a, b) => a - b);
  const rows = notaIds.flatMap((id) => snapshot.notaById.get(id) ?? []);
  return rows.sort(compareNewest).map((n) => n.id);
}

const notaRanks = new WeakMap<Snapshot, Map<Sort, Map<number, number>>>();

/** Each NvI's place in the list under this sort (the order is total, so any subset keeps it). */
function notaRank(snapshot: Snapshot, sort: Sort): Map<number, number> {
  let bySort = notaRanks.get(snapshot);
  if (!bySort) notaRanks.set(snapshot, (bySort = new Map()));
  let ranks = bySort.get(sort);
  if (!ranks) bySort.set(sort, (ranks = new Map(orderNotaIds(snapshot, snapshot.notaIds, sort).map((id, i) => [id, i]))));
  return ranks;
}

/**
 * Search hits in the order asked for. The hits with every query word stay first whatever the sort
 * (the page divides them from the partial matches and exports hold them alone); within each part,
 * newest orders by NvI and keeps relevance inside one, table orders by NvI and record id (a nota's
 * records are written in one transaction in table order, so their ids follow it). One packed key
 * per hit, sorted natively, and only as far as read.
 */
export function orderHits(snapshot: Snapshot, hits: Hits, sort: Sort): Ordering {
  if (sort === 'relevance') return hits.relevance;
  const n = hits.length;
  const ranks = notaRank(snapshot, sort);
  const unit = 2 ** Ordering.bits(Math.max(n, snapshot.engine.size));
  const notas = ranks.size + 1;
  let within: (j: number) => number;
  if (sort === 'table') within = (j) => hits.idRank(j);
  else {
    const relevance = hits.relevance.all();
    const place = new Uint32Array(n);
    for (let r = 0; r < n; r++) place[relevance[r]!] = r;
    within = (j) => place[j]!;
  }
  const group = (j: number) => (hits.matchedAll(j) ? 0 : notas) + (ranks.get(hits.notaId(j)) ?? 0);
  if (2 * notas * unit * unit > Number.MAX_SAFE_INTEGER) {
    // Too many records to pack: a comparator sort, the same order.
    const order = Array.from({ length: n }, (_, j) => j).sort((a, b) => group(a) - group(b) || within(a) - within(b));
    return Ordering.of(Uint32Array.from(order));
  }
  const keys = new Float64Array(n);
  for (let j = 0; j < n; j++) keys[j] = (group(j) * unit + within(j)) * unit + j;
  return Ordering.byKeys(keys, unit);
}
