import net from 'node:net';
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
  /**
   * Behind a reverse proxy: which X-Forwarded-* entries to trust (Fastify's trustProxy). A number
   * is how many proxies stand in front (1: the one nginx; its entry is the client), a list the
   * proxies' addresses or networks; false trusts none. true trusts every entry, also the ones a
   * client writes itself, so any client can pose as any other: discouraged.
   */
  trustProxy: TrustProxy;
  requestTimeoutMs: number;
  /** Exports per client per minute, all formats and methods together (see docs/operations.md). */
  exportRateLimit: number;
  /** Memory for cached search and question results, in MB (approximate; all caches share it). */
  cacheMaxMb: number;
  /** Time limit for parsing one PDF. */
  ingestTimeoutMs: number;
  maxPages: number;
}

export type TrustProxy = boolean | number | string[];

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
  // An office of 50 behind one address, all exporting in the same minute, some twice: about 100.
  exportRateLimit: 200,
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

/** Names proxy-addr (Fastify's) knows for address ranges. */
const PROXY_RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isAddressOrNetwork(entry: string): boolean {
  if (PROXY_RANGE_NAMES.has(entry)) return true;
  const [address, bits, ...rest] = entry.split('/');
  const family = net.isIP(address ?? '');
  if (family === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  const n = Number(bits);
  return /^\d+$/.test(bits) && n <= (family === 4 ? 32 : 128);
}

/** TRUST_PROXY: a hop count ("1"), addresses and networks ("127.0.0.1,10.0.0.0/8"), or true/false. */
export function parseTrustProxy(name: string, value: string): TrustProxy {
  const v = value.trim();
  if (/^(true|yes|on)$/i.test(v)) return true;
  if (/^(false|no|off)$/i.test(v)) return false;
  if (/^\d+$/.test(v)) {
    const hops = int(name, v, 0, 100);
    return hops === 0 ? false : hops;
  }
  const entries = v.split(',').map((e) => e.trim()).filter(Boolean);
  const bad = entries.find((e) => !isAddressOrNetwork(e));
  if (entries.length === 0 || bad !== undefined) {
    throw new ConfigError(
      `${name} must be a number of proxies (e.g. 1), a list of proxy addresses or networks (e.g. 127.0.0.1,10.0.0.0/8), or false, got "${value}"` +
        (bad !== undefined ? ` ("${bad}" is no address or network)` : ''),
    );
  }
  return entries;
}

/** PUBLIC_URL: an http(s) address to put before every link, without query, fragment or credentials. */
function publicUrl(name: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`${name} must be an absolute http or https URL (e.g. https://nvi.example.nl), got "${value}"`);
  }
  if (!['http:', 'https:'].includes(url.protocol) || url.username || url.password || url.search || url.hash) {
    throw new ConfigError(`${name} must be an http or https URL without user, query or fragment (e.g. https://nvi.example.nl), got "${value}"`);
  }
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
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
  if (env.PUBLIC_URL) c.publicUrl = publicUrl('PUBLIC_URL', env.PUBLIC_URL);
  if (env.TRUST_PROXY) c.trustProxy = parseTrustProxy('TRUST_PROXY', env.TRUST_PROXY);
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
