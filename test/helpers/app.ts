import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { inject } from 'vitest';
import app from '../../server/app.ts';
import { DEFAULTS, type Config } from '../../server/config.ts';
import { serverOptions } from '../../server/server-options.ts';

/**
 * The app as the server runs it, on a copy of the test database (ingested once per run from the
 * bundled fixture by test/global-setup.ts), so tests can't disturb each other.
 */
export async function buildTestApp(
  overrides: Partial<Config> = {},
  options: {
    prepare?: (dbPath: string) => void | Promise<void>;
    /** Build with the running server's Fastify options (trustProxy, limits), as main.ts does. */
    asServer?: boolean;
  } = {},
): Promise<FastifyInstance> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nvi-app-'));
  const dbPath = path.join(dir, 'nvi.db');
  const source = inject('testDbPath');
  fs.copyFileSync(source, dbPath);
  if (fs.existsSync(`${source}.search.json`)) fs.copyFileSync(`${source}.search.json`, `${dbPath}.search.json`);
  // E.g. add records with hostile content before the app reads the database.
  await options.prepare?.(dbPath);
  const config: Config = { ...DEFAULTS, dbPath, dataDir: dir, autoIngest: false, reloadIntervalMs: 0, logLevel: 'silent', ...overrides };
  const fastify = Fastify(options.asServer ? serverOptions(config) : { logger: { level: config.logLevel } });
  // Hooks can't be added once the instance is ready.
  fastify.addHook('onClose', async () => fs.rmSync(dir, { recursive: true, force: true }));
  await fastify.register(app, { config });
  await fastify.ready();
  return fastify;
}

declare module 'vitest' {
  export interface ProvidedContext {
    testDbPath: string;
  }
}
