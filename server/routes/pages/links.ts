import { urls } from '../../loaders/urls.ts';

/** The parameters that define a list of records: what a search, a facet and an export share. */
export interface ListParams {
  q?: string | undefined;
  nota?: string | null | undefined;
  document?: string | null | undefined;
  paragraph?: string | null | undefined;
}

export interface Link {
  label: string;
  href: string;
}

/** Only the list parameters, so stray keys (page, limit) never leak into links built from them. */
function listParams(p: ListParams) {
  return { q: p.q, nota: p.nota, document: p.document, paragraph: p.paragraph };
}

/** Downloads of exactly this list (every record, not one page). Semicolons are what Dutch Excel expects. */
export function exportLinks(params: ListParams): Link[] {
  const p = listParams(params);
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

/** A question's permalink; from a search it carries the query, so the page can highlight it. */
export function questionHref(url: string, q: string | undefined): string {
  return q ? `${url}?${new URLSearchParams({ q })}` : url;
}
