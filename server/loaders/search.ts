import type { QaRepository, QaRow } from '../../core/store/qa-repository.ts';
import type { Highlighter, MatchKind, SearchHit } from '../../core/search/types.ts';
import type { Snapshot } from '../snapshot/snapshot.ts';
import { memo } from './lru.ts';
import { publicRecord, type PublicRecord } from './record.ts';
import { rowsByIds } from './rows.ts';
import { allCells, cellsOfHits, countFacets, facetFilter, hasListSelection, type SearchFacets } from './facets.ts';
import { resolveScope, selectionOf, type FilterParams, type ResolvedScope } from './scope.ts';
import { effectiveSort, orderNotaIds, sortHits, type Sort } from './sort.ts';
import { urls } from './urls.ts';

export interface SearchParams extends FilterParams {
  q?: string | undefined;
  sort?: Sort | '' | undefined;
  page?: number | undefined;
  limit?: number | undefined;
}

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 100;
export const SNIPPET_LENGTH = 320;

export interface SearchResult extends PublicRecord {
  nota: string;
  score: number | null;
  highlights: { question: string; answer: string };
  url: string;
  /** The record has every query word (always true when browsing). */
  matchedAll: boolean;
  /** The query words were found only in the paragraph title, not in question or answer. */
  titleOnly: boolean;
}

export interface SearchResponse {
  query: string;
  /** "browse" when there is no query: the filtered records in table order. */
  mode: 'search' | 'browse';
  match: MatchKind;
  total: number;
  /** How many of `total` have every query word; they come first (the rest match some words). */
  allWords: number;
  /** The question's URL when the query names exactly one record by its id (the engine's id lookup). */
  named: string | null;
  page: number;
  pages: number;
  limit: number;
  /** The filters as applied: each facet's values without repeats, sorted. */
  filters: { nota: string[]; round: string[]; sector: string[]; publisher: string[]; document: string[]; paragraph: string | null };
  sort: Sort;
  results: SearchResult[];
  facets: SearchFacets;
}

export interface LoaderContext {
  snapshot: Snapshot;
  repo: QaRepository;
}

function notaSlug(snapshot: Snapshot, notaId: number): string {
  return snapshot.notaById.get(notaId)?.slug ?? String(notaId);
}

const MARK = '<mark>';

function toResult(ctx: LoaderContext, row: QaRow, hit: Pick<SearchHit, 'score' | 'matchedAll'> | null, hl: Highlighter): SearchResult {
  const nota = notaSlug(ctx.snapshot, row.notaId);
  const highlights = { question: hl.full(row.question), answer: hl.snippet(row.answer, SNIPPET_LENGTH) };
  // The snippet is placed around the answer's first match, so a match anywhere in the answer
  // shows in it; no mark in either text but one in the paragraph title means only the title matched.
  const titleOnly = hit !== null && !highlights.question.includes(MARK) && !highlights.answer.includes(MARK) && hl.full(row.paragraph).includes(MARK);
  return {
    nota,
    ...publicRecord(row),
    score: hit ? round(hit.score) : null,
    highlights,
    url: urls.question(ctx.snapshot, nota, row.vid),
    matchedAll: hit?.matchedAll ?? true,
    titleOnly,
  };
}

/**
 * The search page and GET /api/search. With a query: every matching record ranked by the engine,
 * one page of them loaded. Without: the filtered records in table order (browse mode). Memoised
 * per snapshot (see memo): callers must not change the response.
 */
export function loadSearch(ctx: LoaderContext, params: SearchParams): SearchResponse {
  // Canonical filters (values sorted, repeats dropped): the same choice in any order is one entry.
  const q = params.q?.trim() ?? '';
  const key = [q, selectionOf(params), effectiveSort(params.sort, q), params.page ?? 1, params.limit ?? DEFAULT_LIMIT];
  return memo(ctx.snapshot, 'search', key, () => computeSearch(ctx, params));
}

function computeSearch(ctx: LoaderContext, params: SearchParams): SearchResponse {
  const scope = resolveScope(ctx.snapshot, params);
  const query = (params.q ?? '').trim();
  const limit = Math.min(params.limit ?? DEFAULT_LIMIT, MAX_LIMIT);
  const page = params.page ?? 1;
  const offset = (page - 1) * limit;
  const filters = scope.selection;
  const sort = effectiveSort(params.sort, query);

  if (query === '') {
    const ordered = { ...scope, notaIds: orderNotaIds(ctx.snapshot, scope.notaIds, sort) };
    const { rows, total } = ctx.repo.read(() => ({ rows: ctx.repo.browse(ordered, offset, limit), total: ctx.repo.count(scope) }));
    const hl = ctx.snapshot.engine.highlighter('');
    return {
      query,
      mode: 'browse',
      match: total > 0 ? 'all' : 'none',
      total,
      allWords: total,
      named: null,
      page,
      pages: Math.max(1, Math.ceil(total / limit)),
      limit,
      filters,
      sort,
      results: rows.map((r) => toResult(ctx, r, null, hl)),
      facets: countFacets(ctx.snapshot, scope.selection, allCells(ctx.snapshot)),
    };
  }

  const outcome = ctx.snapshot.engine.search(query, engineFilter(scope));
  const hits = sortHits(ctx.snapshot, outcome.hits, sort);
  // A facet counts without its own filter: with a value chosen, over the search without them.
  const counted = hasListSelection(scope.selection) ? ctx.snapshot.engine.search(query, facetFilter(ctx.snapshot, scope)).hits : outcome.hits;
  const pageHits = hits.slice(offset, offset + limit);
  const byId = new Map(pageHits.map((h) => [h.id, h]));
  const rows = rowsByIds(ctx, pageHits.map((h) => h.id));
  return {
    query,
    mode: 'search',
    match: outcome.match,
    total: hits.length,
    allWords: countAllWords(hits),
    named: hits.length === 1 && hits[0]?.idLookup && rows[0] ? urls.question(ctx.snapshot, notaSlug(ctx.snapshot, rows[0].notaId), rows[0].vid) : null,
    page,
    pages: Math.max(1, Math.ceil(hits.length / limit)),
    limit,
    filters,
    sort,
    results: rows.map((r) => toResult(ctx, r, byId.get(r.id) ?? null, outcome.highlighter)),
    facets: countFacets(ctx.snapshot, scope.selection, cellsOfHits(counted)),
  };
}

function engineFilter(scope: ResolvedScope) {
  return {
    notaIds: scope.notaIds,
    ...(scope.documentKeys ? { documentKeys: scope.documentKeys } : {}),
    ...(scope.paragraphKey ? { paragraphKey: scope.paragraphKey } : {}),
  };
}

function countAllWords(hits: readonly SearchHit[]): number {
  let n = 0;
  for (const h of hits) if (h.matchedAll) n++;
  return n;
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

/**
 * Every record of a search or list, for exports, in the order of the list (`sort`, by default
 * relevance for a query and table order otherwise). Rows are read lazily (in chunks for a query),
 * so memory stays flat at any size.
 */
export function* iterateMatches(
  ctx: LoaderContext,
  params: FilterParams & { q?: string | undefined; match?: 'all' | 'some' | undefined; sort?: Sort | '' | undefined },
): Generator<QaRow> {
  const scope = resolveScope(ctx.snapshot, params);
  const query = (params.q ?? '').trim();
  const sort = effectiveSort(params.sort, query);
  if (query === '') {
    yield* ctx.repo.iterate({ ...scope, notaIds: orderNotaIds(ctx.snapshot, scope.notaIds, sort) });
    return;
  }
  const all = sortHits(ctx.snapshot, ctx.snapshot.engine.search(query, engineFilter(scope)).hits, sort);
  // As the search page counts: records with every word, unless partial matches are asked for.
  const hits = params.match === 'some' ? all : all.filter((h) => h.matchedAll);
  const CHUNK = 500;
  for (let i = 0; i < hits.length; i += CHUNK) {
    yield* ctx.repo.byIds(hits.slice(i, i + CHUNK).map((h) => h.id));
  }
}

/** Resolves the filters up front, so a bad parameter fails before a response starts streaming. */
export function checkFilters(ctx: LoaderContext, params: FilterParams): ResolvedScope {
  return resolveScope(ctx.snapshot, params);
}
