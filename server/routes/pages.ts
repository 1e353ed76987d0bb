import type { FastifyInstance } from 'fastify';
import browsePages from './pages/browse.ts';
import homePage from './pages/home.ts';
import questionPages from './pages/question.ts';
import searchPages from './pages/search.ts';

/**
 * The HTML pages. Each group renders what a loader returns (the JSON API calls the same loaders),
 * adding only presentation: links for facets, pages and exports, breadcrumbs.
 */
export default async function pageRoutes(fastify: FastifyInstance): Promise<void> {
  await fastify.register(homePage);
  await fastify.register(searchPages);
  await fastify.register(browsePages);
  await fastify.register(questionPages);
}
