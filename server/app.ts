import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from './config.ts';
import { setLoaderCacheBudget } from './loaders/lru.ts';
import database from './plugins/database.ts';
import errors from './plugins/errors.ts';
import security from './plugins/security.ts';
import snapshot from './plugins/snapshot.ts';
import views from './plugins/views.ts';
import apiRoutes from './routes/api.ts';
import assetRoutes from './routes/assets.ts';
import exportRoutes from './routes/export.ts';
import healthRoutes from './routes/health.ts';
import pageRoutes from './routes/pages.ts';
import sourceRoutes from './routes/source.ts';
import { rejectRepeatedParameters } from './routes/schemas.ts';

export interface AppOptions {
  config: Config;
}

/**
 * The whole application as a plugin; it never listens (main.ts does), so tests build it and use
 * inject. Layers: infrastructure (config, database, views, security, errors), then services
 * (repository and search snapshot), then routes.
 */
async function app(fastify: FastifyInstance, opts: AppOptions): Promise<void> {
  fastify.decorate('config', opts.config);
  setLoaderCacheBudget(opts.config.cacheMaxMb * 1024 * 1024);
  await fastify.register(security);
  await fastify.register(errors);
  await fastify.register(views);
  await fastify.register(database);
  await fastify.register(snapshot);
  fastify.addHook('preValidation', rejectRepeatedParameters);

  await fastify.register(healthRoutes);
  await fastify.register(assetRoutes);
  await fastify.register(apiRoutes, { prefix: '/api' });
  await fastify.register(exportRoutes);
  await fastify.register(sourceRoutes);
  await fastify.register(pageRoutes);
}

export default fp(app, { name: 'nvi-app' });

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
  }
}
