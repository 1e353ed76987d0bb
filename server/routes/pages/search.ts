import type { FastifyInstance, FastifyRequest } from 'fastify';
import { loaderContext } from '../api.ts';
import { searchQuerystring, type SearchQuery } from '../schemas.ts';
import { searchView } from './search-model.ts';

type SearchRequest = FastifyRequest<{ Querystring: SearchQuery }>;

/**
 * /zoeken is the search page; /zoeken/resultaten is its results region alone, which the page's
 * script fetches while the reader types. Both take the API's parameters with its validation.
 */
export default async function searchPages(fastify: FastifyInstance): Promise<void> {
  const options = { schema: { querystring: searchQuerystring } };

  fastify.get('/zoeken', options, async (request: SearchRequest, reply) => {
    const view = searchView(loaderContext(fastify, request), request.query);
    return reply.view('search', { ...view, section: 'search', hideHeaderSearch: true });
  });

  fastify.get('/zoeken/resultaten', options, async (request: SearchRequest, reply) => {
    const view = searchView(loaderContext(fastify, request), request.query);
    reply.header('cache-control', 'no-cache');
    return reply.fragment('_partials/search-results', view);
  });
}
