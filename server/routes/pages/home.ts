import type { FastifyInstance } from 'fastify';
import { notasByRound } from '../../loaders/rounds.ts';
import { loadSearch } from '../../loaders/search.ts';
import { quoteQuery } from '../../plugins/view-helpers.ts';
import { loaderContext } from '../api.ts';
import { searchHref } from './links.ts';

/** Example searches under the home page's search box: a word, two words, a phrase. */
const EXAMPLE_QUERIES = ['kwaliteitsbudget', 'tarief ggz', '"extra personeel"'];

/** The home page: the search box first (focused), then what is loaded to search in, by round. */
export default async function homePage(fastify: FastifyInstance): Promise<void> {
  fastify.get('/', async (request, reply) => {
    const rounds = notasByRound(request.snapshot);
    // The id example is a real one, whatever id scheme the loaded NvIs use.
    const first = loadSearch(loaderContext(fastify, request), { limit: 1 }).results[0];
    const queries = first ? [...EXAMPLE_QUERIES, first.vid] : EXAMPLE_QUERIES;
    const examples = queries.map((q) => ({ label: q.includes('"') ? quoteQuery(q) : q, href: searchHref({ q }) }));
    return reply.view('home', { rounds, section: 'home', hideHeaderSearch: true, examples });
  });
}
