import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pdfsIn } from '../core/config.ts';
import { ROOT, type Config } from './config.ts';

interface Log {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/** The server cannot start as configured; the message is one line saying what to do. */
export class StartupError extends Error {
  override name = 'StartupError';
}

/** The directory a file will be created in, or its nearest ancestor that exists. */
function existingDirOf(file: string): string {
  let dir = path.dirname(path.resolve(file));
  while (!fs.existsSync(dir) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

/**
 * The start-up ingest writes the database (and SQLite its journal beside it): on a read-only
 * directory it cannot run, and the server says so in one line instead of failing deep in SQLite.
 */
function assertWritable(config: Config): void {
  const dir = existingDirOf(config.dbPath);
  const writable = (target: string) => {
    try {
      fs.accessSync(target, fs.constants.W_OK);
      return true;
    } catch {
      return false;
    }
  };
  if (writable(dir) && (!fs.existsSync(config.dbPath) || writable(config.dbPath))) return;
  throw new StartupError(
    `cannot ingest the PDFs in ${config.dataDir}: ${dir} is read-only, and the database ${config.dbPath} is written there; ` +
      'make it writable, set DB_PATH to a writable place, or start with AUTO_INGEST=false (--no-ingest) and a database made beforehand',
  );
}

/** The ingest command, run as a child process: the server and the ingest share only the core. */
const INGEST_CLI = path.join(ROOT, 'ingest', 'cli', 'ingest.ts');

/**
 * Brings the database up to date with the PDFs in the data directory before the server starts,
 * so a fresh clone serves its bundled NvIs at once. The ingest runs in its own process (parsing
 * never shares the server's thread); files already ingested (same sha256) cost a hash each; a
 * file that fails is logged and skipped, the others are still served. Files whose names give one
 * slug are reported by the ingest, both names, and only the first of them is ingested: otherwise
 * they would replace each other as editions of one NvI on every start.
 */
export async function ensureData(config: Config, log: Log): Promise<void> {
  const files = pdfsIn(config.dataDir);
  if (files.length === 0) return;
  assertWritable(config);
  const args = ['--import', 'tsx', INGEST_CLI, '--db', config.dbPath, '--quiet', '--timeout', String(config.ingestTimeoutMs / 1000), ...files];
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const forward = (stream: NodeJS.ReadableStream, level: 'info' | 'error') => {
    let rest = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      const lines = (rest + chunk).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) if (line.trim() && !/: unchanged \(/.test(line)) log[level]({ line }, 'ingest');
    });
    stream.on('end', () => rest.trim() && log[level]({ line: rest }, 'ingest'));
  };
  forward(child.stdout, 'info');
  forward(child.stderr, 'error');
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  // 1: some file failed and was skipped (already logged); anything else is an ingest that could not run.
  if (code !== 0 && code !== 1) throw new Error(`startup ingest of ${config.dataDir} failed (exit ${code})`);
}
