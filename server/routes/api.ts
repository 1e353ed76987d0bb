import type { FastifyInstance, FastifyRequest } from 'fastify';
import { loadNota, loadNotas } from '../loaders/browse.ts';
import { loadQuestion } from '../loaders/question.ts';
import { loadSearch, type LoaderContext, type SearchResponse } from '../loaders/search.ts';
import { notaParams, notaVidParams, questionQuerystring, searchQuerystring, vidParams, type SearchQuery } from './schemas.ts';

/**
 * Version of the /api/search response, in the body as `apiVersion`. 2: results carry the answer as
 * a highlighted snippet only (`answer` with `fields=full`), so a search of 20 results is a third
 * smaller; everything else as in version 1. 3: filters with several values (`filters` holds a list
 * per facet), facets for round, sector, publisher and NvI with `selected`, `sort`, and `group=answer`
 * (one result per answer group, with `group`, `questions` and `questionsAllWords`).
 */
export const SEARCH_API_VERSION = 3;

/** The API's view of a search: the answer's full text only when asked for. */
function searchBody(response: SearchResponse, full: boolean): object {
  return {
    apiVersion: SEARCH_API_VERSION,
    ...response,
    results: full ? response.results : response.results.map(({ answer: _answer, ...rest }) => rest),
  };
}

export function loaderContext(fastify: FastifyInstance, request: FastifyRequest): LoaderContext {
  return { snapshot: request.snapshot, repo: fastify.repo };
}

/** The JSON API: the same loaders as the pages, so the two cannot drift apart. */
export default async function apiRoutes(fastify: FastifyInstance): Promise<void> {
  fastify.addHook('onSend', async (_request, reply) => {
    reply.header('cache-control', 'no-cache');
    reply.header('access-control-allow-origin', '*');
  });

  // Search responses are cached and immutable (see loadSearch), so their JSON is too, per shape.
  const serialized = { snippet: new WeakMap<object, string>(), full: new WeakMap<object, string>() };
  fastify.get<{ Querystring: SearchQuery }>('/search', { schema: { querystring: searchQuerystring } }, async (request, reply) => {
    const { fields = 'snippet', ...params } = request.query;
    const response = loadSearch(loaderContext(fastify, request), params);
    const cache = serialized[fields];
    let json = cache.get(response);
    if (json === undefined) cache.set(response, (json = JSON.stringify(searchBody(response, fields === 'full'))));
    return reply.type('application/json; charset=utf-8').send(json);
  });

  fastify.get<{ Params: { vid: string }; Querystring: { q?: string } }>('/questions/:vid', { schema: { params: vidParams, querystring: questionQuerystring } }, async (request) =>
    loadQuestion(loaderContext(fastify, request), { vid: request.params.vid, q: request.query.q }),
  );

  fastify.get<{ Params: { nota: string; vid: string }; Querystring: { q?: string } }>(
    '/notas/:nota/questions/:vid',
    { schema: { params: notaVidParams, querystring: questionQuerystring } },
    async (request) => loadQuestion(loaderContext(fastify, request), { nota: request.params.nota, vid: request.params.vid, q: request.query.q }),
  );

  fastify.get('/notas', async (request) => loadNotas(request.snapshot));

  fastify.get<{ Params: { nota: string } }>('/notas/:nota', { schema: { params: notaParams } }, async (request) =>
    loadNota(request.snapshot, request.params.nota),
  );

  fastify.get<{ Params: { nota: string } }>('/notas/:nota/documents', { schema: { params: notaParams } }, async (request) => {
    const nota = loadNota(request.snapshot, request.params.nota);
    return { nota: nota.slug, documents: nota.documents };
  });
}
