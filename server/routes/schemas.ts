/**
 * Query and path parameter schemas shared by the API, the pages and the exports: the same
 * parameter is validated the same way everywhere. Fastify answers a violation with a 400 that
 * names the parameter (see plugins/errors.ts); repeated keys arrive as arrays and fail the
 * string type.
 */
const slug = { type: 'string', minLength: 1, maxLength: 120, pattern: '^[\\p{L}\\p{N}][\\p{L}\\p{N}._-]*$' } as const;
const key = { type: 'string', minLength: 1, maxLength: 200 } as const;

export const filterProperties = {
  nota: slug,
  document: key,
  paragraph: key,
} as const;

export const searchQuerystring = {
  type: 'object',
  properties: {
    q: { type: 'string', maxLength: 500 },
    ...filterProperties,
    page: { type: 'integer', minimum: 1, maximum: 10_000 },
    limit: { type: 'integer', minimum: 1, maximum: 100 },
    /** 1: list the results even when the query names one question (no redirect to it). */
    list: { type: 'integer', minimum: 0, maximum: 1 },
  },
} as const;

export const exportQuerystring = {
  type: 'object',
  properties: {
    q: { type: 'string', maxLength: 500 },
    ...filterProperties,
    delimiter: { type: 'string', enum: ['semicolon', 'comma'] },
    /** all (default): records with every query word, as the search page counts them; some: partial matches too. */
    match: { type: 'string', enum: ['all', 'some'] },
  },
} as const;

export const vidParams = {
  type: 'object',
  required: ['vid'],
  properties: { vid: { type: 'string', minLength: 1, maxLength: 64 } },
} as const;

export const notaVidParams = {
  type: 'object',
  required: ['nota', 'vid'],
  properties: { nota: slug, vid: { type: 'string', minLength: 1, maxLength: 64 } },
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
  properties: { page: { type: 'integer', minimum: 1, maximum: 10_000 }, q: { type: 'string', maxLength: 500 } },
} as const;

export interface SearchQuery {
  q?: string;
  nota?: string;
  document?: string;
  paragraph?: string;
  page?: number;
  limit?: number;
  list?: number;
}
