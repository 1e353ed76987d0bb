import type { QaRepository, QaRow } from '../../core/store/qa-repository.ts';
import { TOKEN_PATTERN } from '../../core/search/text.ts';
import type { Correction, Highlighter, MatchKind, SearchHit } from '../../core/search/types.ts';
import type { Snapshot } from '../snapshot/snapshot.ts';
import { Ordering } from '../../core/search/hits.ts';
import { groupingFields, groupList, resultGroup, type GroupMode, type ResultGroup } from './answer-groups.ts';
import { memo } from './lru.ts';
import { publicRecord, type PublicRecord } from './record.ts';
import { rowsByIds } from './rows.ts';
import { allCells, countFacets, facetFilter, hasListSelection, type SearchFacets } from './facets.ts';
import { resolveScope, selectionOf, type FilterParams, type ResolvedScope } from './scope.ts';
import { effectiveSort, orderHits, orderNotaIds, type Sort } from './sort.ts';
import { urls } from './urls.ts';

export interface SearchParams extends FilterParams {
  q?: string | undefined;
  sort?: Sort | '' | undefined;
  page?: number | undefined;
  limit?: number | undefined;
  /** `answer`: one result per answer group (see answer-groups.ts); `none` (default): one per record. */
  group?: GroupMode | undefined;
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
  /** With `group=answer`: the questions this result stands for, or null when its answer stands alone. */
  group?: ResultGroup | null;
}

export interface SearchResponse {
  query: string;
  /** "browse" when there is no query: the filtered records in table order. */
  mode: 'search' | 'browse';
  match: MatchKind;
  /** Results: records, or answer groups with `group=answer`. Pages count the same. */
  total: number;
  /** How many of `total` have every query word; they come first (the rest match some words). */
  allWords: number;
  group: GroupMode;
  /** Records matched, whether grouped or not, and how many of them have every query word. */
  questions: number;
  questionsAllWords: number;
  /** The question's URL when the query names exactly one record by its id (the engine's id lookup). */
  named: string | null;
  /** The query as searched when words of it were typos searched as other words; null otherwise. */
  corrected: string | null;
  /** Those words, as typed and as searched. */
  corrections: Correction[];
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
  const key = [q, selectionOf(params), effectiveSort(params.sort, q), params.page ?? 1, params.limit ?? DEFAULT_LIMIT, params.group ?? 'none'];
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

  if (query === '' && params.group === 'answer') return browseGrouped(ctx, scope, { query, page, limit, offset, filters, sort });
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
      group: 'none',
      questions: total,
      questionsAllWords: total,
      named: null,
      corrected: null,
      corrections: [],
      page,
      pages: Math.max(1, Math.ceil(total / limit)),
      limit,
      filters,
      sort,
      results: rows.map((r) => toResult(ctx, r, null, hl)),
      facets: countFacets(ctx.snapshot, scope.selection, allCells(ctx.snapshot)),
    };
  }

  // A facet counts without its own filter: with a value chosen, over the search without them,
  // from the same scoring of the query's words.
  const countFilter = hasListSelection(scope.selection) ? facetFilter(ctx.snapshot, scope) : undefined;
  const outcome = ctx.snapshot.engine.search(query, engineFilter(scope), countFilter);
  const hits = outcome.ranked;
  const list = { length: hits.length, id: (j: number) => hits.id(j), matchedAll: (j: number) => hits.matchedAll(j), position: (j: number) => hits.position(j) };
  const grouping = groupList(ctx, list, orderHits(ctx.snapshot, hits, sort), params.group ?? 'none', offset + limit);
  const pageHits = grouping.top.subarray(Math.min(offset, grouping.top.length));
  const byId = new Map(Array.from(pageHits, (j) => [hits.id(j), j]));
  const rows = rowsByIds(ctx, [...byId.keys()]);
  const hitOf = (id: number) => {
    const j = byId.get(id);
    return j === undefined ? null : { score: hits.score(j), matchedAll: hits.matchedAll(j) };
  };
  return {
    query,
    mode: 'search',
    match: outcome.match,
    total: grouping.total,
    allWords: grouping.allWords,
    ...groupingFields(grouping),
    named: hits.length === 1 && hits.idLookup(0) && rows[0] ? urls.question(ctx.snapshot, notaSlug(ctx.snapshot, rows[0].notaId), rows[0].vid) : null,
    corrected: correctedQuery(query, outcome.corrections),
    corrections: outcome.corrections,
    page,
    pages: Math.max(1, Math.ceil(grouping.total / limit)),
    limit,
    filters,
    sort,
    results: rows.map((r) => ({ ...toResult(ctx, r, hitOf(r.id), outcome.highlighter), ...resultGroup(ctx, grouping, r.id) })),
    facets: countFacets(ctx.snapshot, scope.selection, (outcome.counted ?? hits).cells()),
  };
}

/** Browse mode, grouped: every record in scope in list order, one result per answer group. */
function browseGrouped(
  ctx: LoaderContext,
  scope: ResolvedScope,
  at: { query: string; page: number; limit: number; offset: number; filters: SearchResponse['filters']; sort: SearchResponse['sort'] },
): SearchResponse {
  const ordered = { ...scope, notaIds: orderNotaIds(ctx.snapshot, scope.notaIds, at.sort) };
  const ids = ctx.repo.read(() => ctx.repo.idsInScope(ordered));
  const list = { length: ids.length, id: (j: number) => ids[j]!, matchedAll: () => true, position: (j: number) => ctx.snapshot.engine.position(ids[j]!) };
  const grouping = groupList(ctx, list, Ordering.identity(ids.length), 'answer', at.offset + at.limit);
  const total = grouping.total;
  const rows = rowsByIds(ctx, Array.from(grouping.top.subarray(Math.min(at.offset, grouping.top.length)), (j) => ids[j]!));
  const hl = ctx.snapshot.engine.highlighter('');
  return {
    query: at.query,
    mode: 'browse',
    match: total > 0 ? 'all' : 'none',
    total,
    allWords: total,
    ...groupingFields(grouping),
    corrected: null,
    corrections: [],
    named: null,
    page: at.page,
    pages: Math.max(1, Math.ceil(total / at.limit)),
    limit: at.limit,
    filters: at.filters,
    sort: at.sort,
    results: rows.map((r) => ({ ...toResult(ctx, r, null, hl), ...resultGroup(ctx, grouping, r.id) })),
    facets: countFacets(ctx.snapshot, scope.selection, allCells(ctx.snapshot)),
  };
}

/** The query with each corrected word replaced, wherever it was typed; the rest as typed. */
function correctedQuery(query: string, corrections: readonly Correction[]): string | null {
  if (corrections.length === 0) return null;
  const byWord = new Map(corrections.map((c) => [c.word, c.correction]));
  return query.replace(new RegExp(TOKEN_PATTERN.source, TOKEN_PATTERN.flags), (word) => byWord.get(word) ?? word);
}

function engineFilter(scope: ResolvedScope) {
  return {
    notaIds: scope.notaIds,
    ...(scope.documentKeys ? { documentKeys: scope.documentKeys } : {}),
    ...(scope.paragraphKey ? { paragraphKey: scope.paragraphKey } : {}),
  };
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
  const hits = ctx.snapshot.engine.search(query, engineFilter(scope)).ranked;
  const order = orderHits(ctx.snapshot, hits, sort).all();
  // As the search page counts: records with every word, unless partial matches are asked for.
  const every = params.match === 'some';
  const CHUNK = 500;
  let chunk: number[] = [];
  for (const j of order) {
    if (!every && !hits.matchedAll(j)) continue;
    chunk.push(hits.id(j));
    if (chunk.length === CHUNK) {
      yield* ctx.repo.byIds(chunk);
      chunk = [];
    }
  }
  if (chunk.length > 0) yield* ctx.repo.byIds(chunk);
}

/** Resolves the filters up front, so a bad parameter fails before a response starts streaming. */
export function checkFilters(ctx: LoaderContext, params: FilterParams): ResolvedScope {
  return resolveScope(ctx.snapshot, params);
}
