import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { VIEWS_DIR } from '../plugins/views.ts';

/**
 * CSS, JavaScript and icons. File names carry no hash, so caching is a day with revalidation by
 * ETag rather than forever.
 */
export default async function assetRoutes(fastify: FastifyInstance): Promise<void> {
  await fastify.register(fastifyStatic, {
    root: path.join(VIEWS_DIR, 'assets'),
    prefix: '/static/',
    cacheControl: true,
    maxAge: '1d',
    etag: true,
    lastModified: true,
    decorateReply: false,
  });
}
