import { loadNotas, type NotaEntry } from '../../loaders/browse.ts';
import { shortTitle } from '../../loaders/question.ts';
import { describeNota } from '../../loaders/nota-description.ts';
import { isShortLabel, placeLabel } from '../../loaders/place.ts';
import { distinctValues } from '../../loaders/facets.ts';
import { hasSelection, labelIndex, selectionOf, type Selection } from '../../loaders/scope.ts';
import { loadSearch, type LoaderContext, type SearchResponse, type SearchResult } from '../../loaders/search.ts';
import { urls } from '../../loaders/urls.ts';
import type { ListFacet, SearchQuery } from '../schemas.ts';
import { dutchNumber, quoteQuery } from '../../plugins/view-helpers.ts';
import { groupingView, type GroupingView } from './grouping-view.ts';
import { exportLinks, pagination, paragraphHrefs, questionHrefs, searchHref, type Link, type ListParams, type Pagination } from './links.ts';

/** Entries a facet group shows before "show all": enough for the common case, short on a phone. */
const FACET_TOP = 6;

export interface FacetLink {
  label: string;
  count: number;
  href: string;
  active: boolean;
  /** The document, when a paragraph label alone is ambiguous or says little ("Deel 1.A."). */
  context?: string;
}

export interface FacetGroup {
  title: string;
  /** Set for a facet with several values: its entries are checkboxes of this parameter. */
  name?: string;
  top: FacetLink[];
  more: FacetLink[];
}

/** A facet value as a checkbox (`name` the parameter, `key` the value), or as a link (`href`). */
export interface FacetLinkValue extends FacetLink {
  key?: string;
}

export type SearchState = 'intro' | 'results' | 'partial' | 'none' | 'browse' | 'beyond';

export interface SearchView {
  title: string;
  q: string;
  /** Filters as hidden form fields, so a new query keeps them (those without a checkbox on the page). */
  hidden: Array<{ name: string; value: string }>;
  /** The sort as chosen in the URL ("" for the default), for the form's select. */
  sort: string;
  state: SearchState;
  /** One sentence: the visible summary and what the live region announces. */
  summary: string;
  /** Intro: the document tree to browse instead. */
  notas?: NotaEntry[];
  results: Array<SearchResult & { href: string; notaDescription: string | null }>;
  /** The results split where the records with every word end: the divider goes between. */
  allResults: Array<SearchResult & { href: string; notaDescription: string | null }>;
  someResults: Array<SearchResult & { href: string; notaDescription: string | null }>;
  /** The list number of the first partial match (for <ol start>). */
  someStart: number;
  /** Records with only some of the words, over all pages. */
  someTotal: number;
  /** Export links that include partial matches, when the main links leave them out. */
  someExports: Link[];
  range: { from: number; to: number; total: number } | null;
  facets: FacetGroup[];
  /** Some facet is checkboxes: the panel gets a submit button (for readers without JavaScript). */
  hasChecks: boolean;
  activeFilters: Link[];
  /** The query as searched after typo correction, with a link to search it as typed so. */
  corrected: Link | null;
  /** The same query without filters, offered when the filters leave nothing. */
  withoutFilters: string | null;
  firstPage: string | null;
  pagination: Pagination | null;
  exports: Link[];
  /** The count of questions and different answers, and the switch between grouped and not. */
  grouping: GroupingView | null;
}

/** The search page shows an answer given to many questions once, unless `group=none` says otherwise. */
export function pageGroup(query: SearchQuery): 'answer' | 'none' {
  return query.group ?? 'answer';
}

const nl = dutchNumber;
const quoted = quoteQuery;

function summaryOf(state: SearchState, res: SearchResponse | null, q: string, scopeLabel: string | null): string {
  // Sentences about questions count records, also when results are answer groups.
  const total = res?.questions ?? 0;
  // Pages count results: answer groups when grouped.
  const units = res?.total ?? 0;
  const resultaten = units === 1 ? 'resultaat' : 'resultaten';
  switch (state) {
    case 'intro':
      return 'Typ een zoekterm om te zoeken.';
    case 'results': {
      // Records with every word come first; say how many, and how many follow with only some.
      const all = res?.questionsAllWords ?? total;
      const vragen = all === 1 ? 'vraag' : 'vragen';
      if (all === total) return `${nl(total)} ${vragen} voor ${quoted(q)}`;
      return `${nl(all)} ${vragen} met alle woorden van ${quoted(q)}, ${nl(total - all)} met een deel ervan`;
    }
    case 'partial':
      return `Geen vragen met alle woorden van ${quoted(q)}: ${nl(total)} met een deel ervan`;
    case 'none':
      return `Geen resultaten voor ${quoted(q)}`;
    case 'browse':
      return `${nl(total)} ${total === 1 ? 'vraag' : 'vragen'}${scopeLabel ? ` in ${scopeLabel}` : ''}`;
    case 'beyond':
      return `Pagina ${nl(res?.page ?? 1)} bestaat niet: er ${units === 1 ? 'is' : 'zijn'} ${nl(units)} ${q ? resultaten : units === 1 ? 'vraag' : 'vragen'}`;
  }
}

function stateOf(res: SearchResponse): SearchState {
  if (res.total > 0 && res.results.length === 0) return 'beyond';
  if (res.mode === 'browse') return 'browse';
  if (res.match === 'all') return 'results';
  return res.match === 'some' ? 'partial' : 'none';
}

function split(links: FacetLink[]): Pick<FacetGroup, 'top' | 'more'> {
  // An active entry is always in view, whatever its rank.
  const top = links.slice(0, FACET_TOP);
  const more = links.slice(FACET_TOP);
  const hiddenActive = more.findIndex((l) => l.active);
  if (hiddenActive >= 0) top.push(...more.splice(hiddenActive, 1));
  return { top, more };
}

const GROUP_TITLES: Record<ListFacet, string> = { round: 'Ronde', sector: 'Sector', publisher: 'Uitgever', nota: 'NvI', document: 'Document' };

/**
 * Facets with several values are checkboxes of the search form (a tick adds a value, OR within a
 * facet); a facet on NvIs whose value is the same for every loaded NvI says nothing and is left
 * out. Paragraphs stay links, one at a time: a click filters, a click on the active one removes it.
 */
function facetGroups(ctx: LoaderContext, res: SearchResponse, list: ListParams): FacetGroup[] {
  const groups: FacetGroup[] = [];
  for (const name of shownListFacets(ctx, res)) {
    const entries: FacetLinkValue[] = res.facets[name].map((f) => ({
      key: f.key,
      label: f.label,
      count: f.count,
      active: f.selected,
      href: '',
      ...('description' in f && f.description ? { context: f.description } : {}),
    }));
    if (entries.length) groups.push({ title: GROUP_TITLES[name], name, ...split(entries) });
  }
  const { document, paragraph } = res.filters;
  const documentLabels = new Map(res.facets.document.map((f) => [f.key, f.label]));
  const paragraphHref = paragraphHrefs(list);
  const labelCount = new Map<string, number>();
  for (const f of res.facets.paragraph) labelCount.set(f.label, (labelCount.get(f.label) ?? 0) + 1);
  const paragraphs = res.facets.paragraph.map((f) => {
    const active = paragraph === f.key && (document.length === 0 || document.includes(f.documentKey));
    const link: FacetLink = {
      label: f.label,
      count: f.count,
      active,
      // A paragraph key may recur in other documents: without a document chosen, its own is.
      href: paragraphHref(active || document.length ? document : [f.documentKey], active ? null : f.key),
    };
    // The document goes with a label that is ambiguous or says little alone ("Deel 1.A.").
    if ((labelCount.get(f.label) ?? 0) > 1 || isShortLabel(f.label)) link.context = documentLabels.get(f.documentKey) ?? f.documentKey;
    return link;
  });
  if (paragraphs.length) groups.push({ title: 'Paragraaf', ...split(paragraphs) });
  return groups;
}

/** The facets with several values the page shows as checkboxes, in the page's order. */
function shownListFacets(ctx: LoaderContext, res: SearchResponse): ListFacet[] {
  return LIST_FACETS_SHOWN.filter((f) => f === 'document' ? res.facets.document.length > 0 : distinctValues(ctx.snapshot, f) > 1);
}

const LIST_FACETS_SHOWN: readonly ListFacet[] = ['round', 'sector', 'publisher', 'nota', 'document'];

/** The filters in force, one chip per value, each with a link that removes it (and nothing else). */
function activeFilters(ctx: LoaderContext, res: SearchResponse, list: ListParams): Link[] {
  const f = res.filters;
  const labels = labelIndex(ctx.snapshot);
  const out: Link[] = [];
  const without = (name: ListFacet, value: string) => searchHref({ ...list, [name]: f[name].filter((v) => v !== value) });
  for (const v of f.round) out.push({ label: `Ronde ${v}`, href: without('round', v) });
  for (const v of f.sector) out.push({ label: v, href: without('sector', v) });
  for (const v of f.publisher) out.push({ label: v, href: without('publisher', v) });
  for (const v of f.nota) {
    const row = ctx.snapshot.notaBySlug.get(v);
    out.push({ label: row ? shortTitle(row.title) : v, href: without('nota', v) });
  }
  for (const v of f.document) out.push({ label: labels.document(v), href: without('document', v) });
  if (f.paragraph) {
    // Labelled as printed in a chosen document, else wherever it appears.
    const rows = ctx.snapshot.paragraphs.filter((p) => p.key === f.paragraph);
    const row = rows.find((p) => f.document.includes(p.documentKey)) ?? rows[0];
    const label = row ? labels.paragraph(row.documentKey, row.key) : f.paragraph;
    out.push({ label: isShortLabel(label) && row ? placeLabel(labels.document(row.documentKey), label) : label, href: searchHref({ ...list, paragraph: null }) });
  }
  return out;
}

/** The one-line description of a result's NvI ("Zilveren Kruis · GGZ · 2024-2026"), when known. */
function notaDescription(ctx: LoaderContext, slug: string): string | null {
  const nota = ctx.snapshot.notaBySlug.get(slug);
  return nota ? describeNota(nota).descriptionLabel : null;
}

/**
 * Everything the search page and the results fragment show. Without a query and without filters
 * there is nothing to rank: the page explains how to search and offers the documents to browse.
 * With filters but no query it lists the filtered records in table order. `loaded` is the
 * search for `query` when the caller has already loaded it.
 */
export function searchView(ctx: LoaderContext, query: SearchQuery, loaded?: SearchResponse): SearchView {
  const q = (query.q ?? '').trim();
  const selection = selectionOf(query);
  const sort = query.sort ?? '';
  // Grouping by answer is the page's default, so only its absence is carried in the form.
  const hidden = [...hiddenFilters(ctx, selection), ...(query.group === 'none' ? [{ name: 'group', value: 'none' }] : [])];
  const base = { q, hidden, sort, grouping: null, results: [], allResults: [], someResults: [], someStart: 1, someTotal: 0, someExports: [], range: null, facets: [], hasChecks: false, activeFilters: [], corrected: null, withoutFilters: null, firstPage: null, pagination: null };

  if (q === '' && !hasSelection(selection)) {
    return { ...base, title: 'Zoeken', state: 'intro', summary: summaryOf('intro', null, q, null), notas: loadNotas(ctx.snapshot).notas, exports: [] };
  }

  const res = loaded ?? loadSearch(ctx, { ...query, q, group: pageGroup(query) });
  const state = stateOf(res);
  // Grouping by answer is the page's default, so only its absence goes into links.
  const list: ListParams = { q, ...res.filters, sort: query.sort, group: res.group === 'none' ? 'none' : undefined };
  const active = activeFilters(ctx, res, list);
  const facets = facetGroups(ctx, res, list);
  const from = (res.page - 1) * res.limit + 1;
  const scopeLabel = active.map((f) => f.label).join(' › ') || null;
  const back = { ...list, page: res.page, limit: query.limit };
  const href = questionHrefs(back);
  const descriptions = new Map<string, string | null>();
  const described = (slug: string) => {
    if (!descriptions.has(slug)) descriptions.set(slug, notaDescription(ctx, slug));
    return descriptions.get(slug) ?? null;
  };
  // The added fields first: V8 copies an object spread first and then extended several times slower.
  const results = res.results.map((r) => ({ href: href(r.url), notaDescription: described(r.nota), ...r }));
  // Exports hold what the summary counts: records with every word; partial matches on request,
  // or when there are only partial matches to show.
  const partialOnly = state === 'partial';
  return {
    ...base,
    title: q ? `${q} – zoeken` : scopeLabel ? `${scopeLabel} – alle vragen` : 'Zoeken',
    state,
    summary: summaryOf(state, res, q, scopeLabel),
    results,
    allResults: results.filter((r) => r.matchedAll),
    someResults: results.filter((r) => !r.matchedAll),
    someStart: from + results.filter((r) => r.matchedAll).length,
    someTotal: res.questions - res.questionsAllWords,
    grouping: groupingView(res, state, list),
    range: res.results.length ? { from, to: from + res.results.length - 1, total: res.total } : null,
    facets,
    hasChecks: facets.some((g) => g.name !== undefined),
    activeFilters: active,
    corrected: res.corrected === null ? null : { label: res.corrected, href: searchHref({ ...list, q: res.corrected }) },
    withoutFilters: state === 'none' && active.length && q ? searchHref({ q }) : null,
    firstPage: state === 'beyond' ? searchHref(list) : null,
    // A page size given in the URL stays with the pages; facets start again at page 1 anyway.
    pagination: pagination(res.page, res.pages, (page) => urls.search({ ...list, limit: query.limit, page: page > 1 ? page : undefined })),
    exports: res.total > 0 ? exportLinks(partialOnly ? { ...list, match: 'some' } : list) : [],
    someExports: res.total > res.allWords && !partialOnly && q ? exportLinks({ ...list, match: 'some' }) : [],
  };
}

/**
 * The filters the search form carries as hidden fields: the paragraph, and values of a facet the
 * page shows no checkboxes for. A value with a checkbox must not be hidden too: unticking it would
 * leave it in the form.
 */
function hiddenFilters(ctx: LoaderContext, selection: Selection): Array<{ name: string; value: string }> {
  const out: Array<{ name: string; value: string }> = [];
  for (const name of LIST_FACETS_SHOWN) {
    if (name === 'document' || distinctValues(ctx.snapshot, name) > 1) continue;
    for (const value of selection[name]) out.push({ name, value });
  }
  if (selection.paragraph) out.push({ name: 'paragraph', value: selection.paragraph });
  return out;
}
