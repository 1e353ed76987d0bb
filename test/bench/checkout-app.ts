/**
 * The app of another checkout of this repository (its node_modules linked), on its own copy of a
 * database and its index: what the before/after benchmarks and output comparisons run side by side.
 */
import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance, type FastifyPluginAsync } from 'fastify';

export async function appFrom(root: string, source: string, dir: string): Promise<FastifyInstance> {
  const dbPath = path.join(dir, `${path.basename(root)}-${Math.random().toString(36).slice(2)}.db`);
  fs.copyFileSync(source, dbPath);
  fs.copyFileSync(`${source}.search.json`, `${dbPath}.search.json`);
  const app = ((await import(path.join(root, 'server/app.ts'))) as { default: FastifyPluginAsync<{ config: unknown }> }).default;
  const { DEFAULTS } = (await import(path.join(root, 'server/config.ts'))) as { DEFAULTS: object };
  const fastify = Fastify({ logger: false });
  await fastify.register(app, { config: { ...DEFAULTS, dbPath, dataDir: dir, autoIngest: false, reloadIntervalMs: 0, logLevel: 'silent' } });
  await fastify.ready();
  return fastify;
}
