import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_PATHS, INGEST_LIMITS } from '../core/config.ts';

export { indexPathFor, ROOT } from '../core/config.ts';

/** Everything that can be configured, with its default. Env vars override defaults; CLI flags override env. */
export interface Config {
  host: string;
  port: number;
  /** SQLite database; the search index is stored next to it (`<db>.search.json`). */
  dbPath: string;
  /** Directory with the bundled NvI PDFs, ingested at start when the database lacks them. */
  dataDir: string;
  /** Ingest the PDFs in dataDir at start when the database is missing or out of date. */
  autoIngest: boolean;
  /** How often the server checks whether an ingest changed the data (0 = never; SIGHUP always works). */
  reloadIntervalMs: number;
  logLevel: string;
  /** Public base URL for absolute links in exports (e.g. https://nvi.example.nl); derived from the request when empty. */
  publicUrl: string;
  /** Behind a reverse proxy: trust X-Forwarded-* headers. */
  trustProxy: boolean;
  requestTimeoutMs: number;
  /** Exports per client per minute. */
  exportRateLimit: number;
  /** Memory for cached search and question results, in MB (approximate; all caches share it). */
  cacheMaxMb: number;
  /** Time limit for parsing one PDF. */
  ingestTimeoutMs: number;
  maxPages: number;
}

export const DEFAULTS: Config = {
  host: '127.0.0.1',
  port: 3000,
  ...DEFAULT_PATHS,
  autoIngest: true,
  reloadIntervalMs: 2000,
  logLevel: 'info',
  publicUrl: '',
  trustProxy: false,
  requestTimeoutMs: 15_000,
  exportRateLimit: 30,
  cacheMaxMb: 64,
  ...INGEST_LIMITS,
};

export class ConfigError extends Error {
  override name = 'ConfigError';
}

function int(name: string, value: string, min: number, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got "${value}"`);
  }
  return n;
}

function bool(name: string, value: string): boolean {
  if (/^(1|true|yes|on)$/i.test(value)) return true;
  if (/^(0|false|no|off)$/i.test(value)) return false;
  throw new ConfigError(`${name} must be true or false, got "${value}"`);
}

/** Reads the config from env and argv. Throws ConfigError naming the variable or flag that is wrong. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, argv: string[] = process.argv.slice(2)): Config {
  const c: Config = { ...DEFAULTS };
  if (env.HOST) c.host = env.HOST;
  if (env.PORT) c.port = int('PORT', env.PORT, 0, 65535);
  if (env.DB_PATH) c.dbPath = path.resolve(env.DB_PATH);
  if (env.DATA_DIR) c.dataDir = path.resolve(env.DATA_DIR);
  if (env.AUTO_INGEST) c.autoIngest = bool('AUTO_INGEST', env.AUTO_INGEST);
  if (env.RELOAD_INTERVAL_MS) c.reloadIntervalMs = int('RELOAD_INTERVAL_MS', env.RELOAD_INTERVAL_MS, 0, 3_600_000);
  if (env.LOG_LEVEL) c.logLevel = env.LOG_LEVEL;
  if (env.PUBLIC_URL) c.publicUrl = env.PUBLIC_URL.replace(/\/+$/, '');
  if (env.TRUST_PROXY) c.trustProxy = bool('TRUST_PROXY', env.TRUST_PROXY);
  if (env.REQUEST_TIMEOUT_MS) c.requestTimeoutMs = int('REQUEST_TIMEOUT_MS', env.REQUEST_TIMEOUT_MS, 1000, 600_000);
  if (env.EXPORT_RATE_LIMIT) c.exportRateLimit = int('EXPORT_RATE_LIMIT', env.EXPORT_RATE_LIMIT, 1, 100_000);
  if (env.CACHE_MAX_MB) c.cacheMaxMb = int('CACHE_MAX_MB', env.CACHE_MAX_MB, 1, 65_536);

  let flags;
  try {
    flags = parseArgs({
      args: argv,
      options: {
        host: { type: 'string' },
        port: { type: 'string' },
        db: { type: 'string' },
        'data-dir': { type: 'string' },
        'no-ingest': { type: 'boolean' },
        'log-level': { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (err) {
    throw new ConfigError((err as Error).message);
  }
  if (flags.host) c.host = flags.host;
  if (flags.port) c.port = int('--port', flags.port, 0, 65535);
  if (flags.db) c.dbPath = path.resolve(flags.db);
  if (flags['data-dir']) c.dataDir = path.resolve(flags['data-dir']);
  if (flags['no-ingest']) c.autoIngest = false;
  if (flags['log-level']) c.logLevel = flags['log-level'];
  return c;
}
