import type { NotaRow } from '../../core/store/qa-repository.ts';
import type { SearchHit } from '../../core/search/types.ts';
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

/**
 * Search hits in the order asked for. The hits with every query word stay first whatever the sort
 * (the page divides them from the partial matches and exports hold them alone); within each part,
 * newest orders by NvI and keeps relevance inside one, table orders by NvI and source position.
 * A nota's records are written in one transaction in table order, so their ids follow it.
 */
export function sortHits(snapshot: Snapshot, hits: SearchHit[], sort: Sort): SearchHit[] {
  if (sort === 'relevance') return hits;
  const rank = new Map(orderNotaIds(snapshot, [...new Set(hits.map((h) => h.notaId))], sort).map((id, i) => [id, i]));
  const position = new Map(hits.map((h, i) => [h, i]));
  const within = sort === 'table' ? (a: SearchHit, b: SearchHit) => a.id - b.id : (a: SearchHit, b: SearchHit) => position.get(a)! - position.get(b)!;
  return [...hits].sort(
    (a, b) => Number(b.matchedAll) - Number(a.matchedAll) || (rank.get(a.notaId) ?? 0) - (rank.get(b.notaId) ?? 0) || within(a, b),
  );
}
