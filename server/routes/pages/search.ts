import type { FastifyInstance, FastifyRequest } from 'fastify';
import { loaderContext } from '../api.ts';
import { searchQuerystring, type SearchQuery } from '../schemas.ts';
import { loadSearch } from '../../loaders/search.ts';
import { questionHref } from './links.ts';
import { pageGroup, searchView } from './search-model.ts';

type SearchRequest = FastifyRequest<{ Querystring: SearchQuery }>;

/**
 * /zoeken is the search page; /zoeken/resultaten is its results region alone, which the page's
 * script fetches while the reader types. Both take the API's parameters with its validation.
 */
export default async function searchPages(fastify: FastifyInstance): Promise<void> {
  const options = { schema: { querystring: searchQuerystring } };

  fastify.get('/zoeken', options, async (request: SearchRequest, reply) => {
    const ctx = loaderContext(fastify, request);
    // A query that names one question by its id (as the engine looks ids up, whatever their
    // scheme) opens that question; its back link carries list=1 to show the list instead.
    // The search is computed once per request and handed to the view: a new query is not cached
    // until it is asked again, so loading it twice here would compute it twice.
    const q = request.query.q?.trim();
    const res = q ? loadSearch(ctx, { ...request.query, q, group: pageGroup(request.query) }) : undefined;
    if (q && res?.named && request.query.list !== 1 && (request.query.page ?? 1) === 1) {
      return reply.redirect(questionHref(res.named, { ...request.query, q, list: 1 }), 303);
    }
    const view = searchView(ctx, request.query, res);
    const description = view.state === 'intro' ? 'Zoek in de vragen en antwoorden uit de Nota\'s van Inlichtingen van de Wlz-zorginkoop.' : `${view.summary}.`;
    return reply.view('search', { ...view, description, section: 'search', hideHeaderSearch: true });
  });

  fastify.get('/zoeken/resultaten', options, async (request: SearchRequest, reply) => {
    const view = searchView(loaderContext(fastify, request), request.query);
    reply.header('cache-control', 'no-cache');
    return reply.fragment('_partials/search-results', view);
  });
}
