import type { FastifyInstance } from 'fastify';
import { loadNotas } from '../../loaders/browse.ts';

/** The home page: the search box first, then what is loaded to search in. */
export default async function homePage(fastify: FastifyInstance): Promise<void> {
  fastify.get('/', async (request, reply) => {
    const { notas } = loadNotas(request.snapshot);
    return reply.view('home', { notas, section: 'home', hideHeaderSearch: true });
  });
}
