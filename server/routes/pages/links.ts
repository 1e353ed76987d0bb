import { hasSelection, selectionOf, type FacetValues } from '../../loaders/scope.ts';
import type { Sort } from '../../loaders/sort.ts';
import { urls } from '../../loaders/urls.ts';

/** The parameters that define a list of records: what a search, a facet and an export share. */
export interface ListParams {
  q?: string | undefined;
  nota?: FacetValues;
  round?: FacetValues;
  sector?: FacetValues;
  publisher?: FacetValues;
  document?: FacetValues;
  paragraph?: string | null | undefined;
  sort?: Sort | '' | undefined;
  /** Only `none` is written: grouping by answer is the search page's default. */
  group?: 'answer' | 'none' | null | undefined;
}

export interface Link {
  label: string;
  href: string;
}

/**
 * Only the list parameters, so stray keys (page, limit) never leak into links built from them;
 * the facets' values in canonical order, so one list has one URL.
 */
function listParams(p: ListParams) {
  const s = selectionOf({ ...p, paragraph: p.paragraph ?? undefined });
  return {
    q: p.q,
    round: s.round,
    sector: s.sector,
    publisher: s.publisher,
    nota: s.nota,
    document: s.document,
    paragraph: s.paragraph,
    sort: p.sort,
    group: p.group === 'none' ? 'none' : undefined,
  };
}

/**
 * Downloads of exactly this list (every record, not one page). Semicolons are what Dutch Excel
 * expects. `match: 'some'` adds the records with only some of the query words.
 */
export function exportLinks(params: ListParams & { match?: 'some' }): Link[] {
  // An export lists every question whatever the page groups, so the grouping stays out of its links.
  const p = { ...listParams(params), group: undefined, match: params.match };
  return [
    { label: 'CSV (Excel)', href: urls.search(p, '/export.csv') },
    { label: 'CSV (komma)', href: urls.search({ ...p, delimiter: 'comma' }, '/export.csv') },
    { label: 'JSON', href: urls.search(p, '/export.json') },
  ];
}

export interface PageLink {
  page: number;
  href: string;
  current: boolean;
}

export interface Pagination {
  page: number;
  pages: number;
  previous: string | null;
  next: string | null;
  /** Page links with `null` for a gap ("…"). */
  items: Array<PageLink | null>;
}

/**
 * Links to the first and last page and two either side of the current one, so the bar stays
 * short at any number of pages. Null when everything fits on one page.
 */
export function pagination(page: number, pages: number, href: (page: number) => string): Pagination | null {
  if (pages <= 1) return null;
  const shown = new Set([1, pages]);
  for (let p = Math.max(1, page - 2); p <= Math.min(pages, page + 2); p++) shown.add(p);
  const items: Array<PageLink | null> = [];
  let last = 0;
  for (const p of [...shown].sort((a, b) => a - b)) {
    if (p > last + 1) items.push(null);
    items.push({ page: p, href: href(p), current: p === page });
    last = p;
  }
  return {
    page,
    pages,
    previous: page > 1 ? href(Math.min(page - 1, pages)) : null,
    next: page < pages ? href(page + 1) : null,
    items,
  };
}

/** A search URL for these list parameters and page (page 1 is left out, so URLs stay canonical). */
export function searchHref(params: ListParams, page = 1, base = '/zoeken'): string {
  return urls.search({ ...listParams(params), page: page > 1 ? page : undefined }, base);
}

/**
 * searchHref for links that differ from `list` only in document and paragraph (the paragraph
 * facet: dozens of links per page): the parameters before and after those two are written once.
 * URLSearchParams writes each pair on its own, so the pieces joined are the whole URL's query.
 */
export function paragraphHrefs(list: ListParams): (document: FacetValues, paragraph: string | null) => string {
  const p = listParams(list);
  const head = urls.search({ q: p.q, round: p.round, sector: p.sector, publisher: p.publisher, nota: p.nota }, '').slice(1);
  const tail = urls.search({ sort: p.sort, group: p.group }, '').slice(1);
  return (document, paragraph) => {
    const s = selectionOf({ document, paragraph: paragraph ?? undefined });
    const query = [head, urls.search({ document: s.document, paragraph: s.paragraph }, '').slice(1), tail].filter((part) => part !== '').join('&');
    return query ? `/zoeken?${query}` : '/zoeken';
  };
}

/** Where a reader was in a search: the list, the page of it and its page size. */
export interface SearchBack extends ListParams {
  page?: number | undefined;
  limit?: number | undefined;
  /** 1: show the list even when the query names one question (see the search route). */
  list?: number | undefined;
}

function backParams(back: SearchBack) {
  return { ...listParams(back), page: back.page && back.page > 1 ? back.page : undefined, limit: back.limit, list: back.list };
}

/**
 * A question's permalink; from a search it carries the whole search (query, filters, page), so
 * the page can highlight the query and lead back to exactly that page of results.
 */
export function questionHref(url: string, back: SearchBack = {}): string {
  return urls.search(backParams(back), url);
}

/**
 * questionHref for many questions reached from one search: the search's part of the link is
 * built once (a results page links twenty questions).
 */
export function questionHrefs(back: SearchBack): (url: string) => string {
  const query = urls.search(backParams(back), '');
  return (url) => url + query;
}

/** The way back to the search a question page was reached from, or null when it was not. */
export function searchBackHref(back: SearchBack): string | null {
  if (!back.q && !hasSelection(selectionOf({ ...back, paragraph: back.paragraph ?? undefined }))) return null;
  const p = backParams(back);
  return urls.search(p);
}
