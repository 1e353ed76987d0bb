import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { indexPathFor } from '../../core/config.ts';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.ts';

/**
 * Overwrites the last leaf page of the qa table with garbage, as a bad sector or a torn copy
 * would: the records stored there can no longer be read, the others can. Returns a VID stored on it.
 */
function damageLastQaPage(dbPath: string): string {
  const db = new Database(dbPath);
  let page: number;
  let pageSize: number;
  let vid: string;
  try {
    db.pragma('journal_mode = DELETE');
    pageSize = db.pragma('page_size', { simple: true }) as number;
    page = db.prepare(`SELECT max(pageno) FROM dbstat WHERE name = 'qa' AND pagetype = 'leaf'`).pluck().get() as number;
    vid = db.prepare(`SELECT vid FROM qa ORDER BY id DESC LIMIT 1`).pluck().get() as string;
  } finally {
    db.close();
  }
  const fd = fs.openSync(dbPath, 'r+');
  try {
    fs.writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, (page - 1) * pageSize);
  } finally {
    fs.closeSync(fd);
  }
  return vid;
}

describe('an error in the middle of an export', () => {
  let dir: string;
  let server: ServerProcess;
  let damagedVid: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nvi-export-error-'));
    const dbPath = path.join(dir, 'nvi.db');
    fs.copyFileSync(inject('testDbPath'), dbPath);
    fs.copyFileSync(indexPathFor(inject('testDbPath')), indexPathFor(dbPath));
    damagedVid = damageLastQaPage(dbPath);
    server = await startServerProcess(dbPath, { AUTO_INGEST: 'false' });
  });
  afterAll(async () => {
    await server?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it.each(['csv', 'json', 'jsonl'])('ends only that response (%s): the download is cut off, the error logged, the process lives', async (format) => {
    const res = await fetch(`${server.base}/export.${format}?nota=nvi-2021-2023`);
    // The first rows were fine, so the response had started.
    expect(res.status).toBe(200);
    await expect(res.text()).rejects.toThrow();
    const health = await fetch(`${server.base}/healthz`);
    expect(health.status).toBe(200);
    expect(server.exitCode()).toBeUndefined();
    expect(server.log()).toMatch(/export failed midway/);
    expect(server.log()).toMatch(/malformed|corrupt/i);
    expect(server.log()).not.toMatch(/fatal error, shutting down/);
  });

  it('gives other routes that hit the damage an error page, not a crash', async () => {
    const page = await fetch(`${server.base}/vraag/${damagedVid}`);
    expect(page.status).toBe(500);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toContain('Er ging iets mis');
    const api = await fetch(`${server.base}/api/search?q=${damagedVid}`);
    expect(api.status).toBe(500);
    expect(await api.json()).toMatchObject({ statusCode: 500 });
    expect((await fetch(`${server.base}/healthz`)).status).toBe(200);
    expect(server.exitCode()).toBeUndefined();
  });
});
