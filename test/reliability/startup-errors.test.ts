import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openDatabase } from '../../core/store/database.ts';
import { BORDERED_PDF } from '../helpers/gold.ts';
import { ROOT } from '../helpers/cli.ts';

/** Starts the server and returns as soon as it fails (or after the timeout, when it did not). */
function startServer(env: NodeJS.ProcessEnv, asUser?: number) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'server/main.ts', '--port', '0'], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'warn', HOME: os.tmpdir(), ...env },
    encoding: 'utf8',
    timeout: 50_000,
    ...(asUser === undefined ? {} : { uid: asUser, gid: asUser }),
  });
  return { code: r.status, stderr: r.stderr, stdout: r.stdout };
}

/** Stack frames ("    at fn (file:1:2)") mean a raw trace reached the operator. */
const STACK_FRAME = /^\s+at /m;

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nvi-start-'));
  // Readable (and enterable) by the unprivileged user the read-only case runs as.
  fs.chmodSync(dir, 0o755);
});
afterAll(() => {
  fs.chmodSync(dir, 0o755);
  for (const sub of fs.readdirSync(dir)) fs.chmodSync(path.join(dir, sub), 0o755);
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('a database made by a newer program', () => {
  const newer = () => {
    const dbPath = path.join(fs.mkdtempSync(path.join(dir, 'newer-')), 'nvi.db');
    fs.copyFileSync(inject('testDbPath'), dbPath);
    const db = new Database(dbPath);
    const version = db.pragma('user_version', { simple: true }) as number;
    db.pragma(`user_version = ${version + 5}`);
    db.close();
    return dbPath;
  };

  it('says to upgrade the program, read-only and writable alike', () => {
    const dbPath = newer();
    for (const readonly of [true, false]) {
      let message = '';
      try {
        openDatabase(dbPath, { readonly }).close();
      } catch (err) {
        message = (err as Error).message;
      }
      expect(message).toContain(dbPath);
      expect(message).toMatch(/newer than this program/);
      expect(message).toMatch(/upgrade the program/);
      expect(message).not.toMatch(/run an ingest/);
    }
  });

  it('stops the server with that one line', () => {
    const r = startServer({ DB_PATH: newer(), AUTO_INGEST: 'false' });
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^error: .*newer than this program.*upgrade the program/);
    expect(r.stderr).not.toMatch(STACK_FRAME);
  });
});

describe('a read-only data directory with auto-ingest', () => {
  it('stops the server with one line naming the directory and what to do', () => {
    const dataDir = path.join(dir, 'readonly-data');
    fs.mkdirSync(dataDir);
    fs.copyFileSync(BORDERED_PDF, path.join(dataDir, 'nvi.pdf'));
    fs.chmodSync(path.join(dataDir, 'nvi.pdf'), 0o644);
    fs.chmodSync(dataDir, 0o555);
    // Permissions do not bind root: the server then runs as an unprivileged user.
    const asUser = process.getuid?.() === 0 ? 65534 : undefined;
    const r = startServer({ DATA_DIR: dataDir, DB_PATH: path.join(dataDir, 'nvi.db'), AUTO_INGEST: 'true' }, asUser);
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`error: cannot ingest the PDFs in ${dataDir}: ${dataDir} is read-only`);
    expect(lines[0]).toMatch(/AUTO_INGEST=false/);
    expect(r.stderr + r.stdout).not.toMatch(STACK_FRAME);
  });
});
