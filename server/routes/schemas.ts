import type { FastifyRequest } from 'fastify';
import { QUERY_LIMITS } from '../../core/search/options.ts';
import { SLUG_RULE } from '../../core/text/keys.ts';
import { BadParameterError } from '../errors.ts';
import { SORTS, type Sort } from '../loaders/sort.ts';

/**
 * Query and path parameter schemas shared by the API, the pages and the exports: the same
 * parameter is validated the same way everywhere. Fastify answers a violation with a 400 that
 * names the parameter (see plugins/errors.ts). A repeated key (`?q=a&q=b`) arrives as an array:
 * rejectRepeatedParameters refuses it on every route, also for parameters a route ignores, so
 * no handler ever sees an array where its type says text.
 */
const slug = { type: 'string', minLength: 1, maxLength: SLUG_RULE.maxLength, pattern: SLUG_RULE.pattern.source } as const;
const key = { type: 'string', minLength: 1, maxLength: 200 } as const;
const query = { type: 'string', maxLength: QUERY_LIMITS.maxLength } as const;

/**
 * preValidation hook for every route: a query parameter given more than once is a 400 naming it,
 * unless the route's schema declares it a list (the facets of a search: `?sector=GGZ&sector=GZ`,
 * what a group of checkboxes sends).
 */
export async function rejectRepeatedParameters(request: FastifyRequest): Promise<void> {
  const params = request.query as Record<string, unknown> | undefined;
  if (!params || typeof params !== 'object') return;
  const declared = (request.routeOptions.schema?.querystring as { properties?: Record<string, { type?: string }> } | undefined)?.properties;
  for (const [name, value] of Object.entries(params)) {
    if (Array.isArray(value) && declared?.[name]?.type !== 'array') throw BadParameterError.repeated(name);
  }
}

/** A record id in any scheme: "VID-0318", "12", "B-4", "1.2-3", or a derived "<section slug>-<n>". */
const vid = { type: 'string', minLength: 1, maxLength: 200 } as const;

/** Facets a search filters on with any number of values: OR within one, AND across them. */
export const LIST_FACETS = ['nota', 'round', 'sector', 'publisher', 'document'] as const;
export type ListFacet = (typeof LIST_FACETS)[number];

/** One value, or several (a repeated key); Fastify's validator turns a single value into a list. */
const list = <T extends object>(item: T) => ({ type: 'array', items: item, maxItems: 50 }) as const;
const label = { type: 'string', minLength: 1, maxLength: 100 } as const;

export const filterProperties = {
  nota: list(slug),
  round: list(label),
  sector: list(label),
  publisher: list(label),
  document: list(key),
  // Single: a paragraph only means something within a document.
  paragraph: key,
} as const;

/** "" is the default, as the search form's first option sends it without JavaScript. */
const sort = { type: 'string', enum: ['', ...SORTS] } as const;

export const searchQuerystring = {
  type: 'object',
  properties: {
    q: query,
    ...filterProperties,
    sort,
    page: { type: 'integer', minimum: 1, maximum: 10_000 },
    limit: { type: 'integer', minimum: 1, maximum: 100 },
    // API only: "full" adds each record's whole answer; by default a result carries what a results
    // page shows (the question and a highlighted snippet of the answer).
    fields: { type: 'string', enum: ['snippet', 'full'] },
    /** 1: list the results even when the query names one question (no redirect to it). */
    list: { type: 'integer', minimum: 0, maximum: 1 },
    /** answer: one result per answer group (the search page's default); none: one per record (the API's default). */
    group: { type: 'string', enum: ['answer', 'none'] },
  },
} as const;

export const exportQuerystring = {
  type: 'object',
  properties: {
    q: query,
    ...filterProperties,
    sort,
    delimiter: { type: 'string', enum: ['semicolon', 'comma'] },
    /** all (default): records with every query word, as the search page counts them; some: partial matches too. */
    match: { type: 'string', enum: ['all', 'some'] },
  },
} as const;

/** A question: only `q`, to highlight what was searched for. */
export const questionQuerystring = { type: 'object', properties: { q: query } } as const;

export const vidParams = {
  type: 'object',
  required: ['vid'],
  properties: { vid },
} as const;

export const notaVidParams = {
  type: 'object',
  required: ['nota', 'vid'],
  properties: { nota: slug, vid },
} as const;

export const notaParams = { type: 'object', required: ['nota'], properties: { nota: slug } } as const;

export const documentParams = {
  type: 'object',
  required: ['nota', 'document'],
  properties: { nota: slug, document: key },
} as const;

export const paragraphParams = {
  type: 'object',
  required: ['nota', 'document', 'paragraph'],
  properties: { nota: slug, document: key, paragraph: key },
} as const;

export const pageQuerystring = {
  type: 'object',
  properties: { page: { type: 'integer', minimum: 1, maximum: 10_000 }, q: query },
} as const;

export interface SearchQuery {
  q?: string;
  nota?: string[];
  round?: string[];
  sector?: string[];
  publisher?: string[];
  document?: string[];
  paragraph?: string;
  sort?: Sort | '';
  page?: number;
  limit?: number;
  fields?: 'snippet' | 'full';
  list?: number;
  group?: 'answer' | 'none';
}
