import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { ingestFile } from '../../ingest/ingest.ts';
import { openDatabase } from '../../core/store/database.ts';
import { buildTestApp } from '../helpers/app.ts';
import { BORDERLESS_PDF } from '../helpers/gold.ts';
import { hrefs } from './sample.ts';
import { INGEST_LIMITS } from '../../core/config.ts';

/**
 * With two NvIs loaded the same VIDs exist twice (the fixture's borderless edition is ingested as
 * a second NvI): permalinks carry the NvI, and the short form becomes a choice.
 */
let app: FastifyInstance;
let dir: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nvi-two-'));
  const dbPath = path.join(dir, 'nvi.db');
  fs.copyFileSync(inject('testDbPath'), dbPath);
  const db = openDatabase(dbPath);
  try {
    await ingestFile(db, BORDERLESS_PDF, { slug: 'nvi-tweede', title: 'Nota van Inlichtingen Tweede', timeoutMs: INGEST_LIMITS.ingestTimeoutMs, maxPages: INGEST_LIMITS.maxPages });
  } finally {
    db.close();
  }
  app = await buildTestApp({ dbPath });
});
afterAll(async () => {
  await app?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('two NvIs', () => {
  it('the short permalink lets the reader choose the NvI', async () => {
    const res = await app.inject('/vraag/VID-0318?q=verzekeringsrecht');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('VID-0318 staat in meer dan één NvI');
    const links = hrefs(res.body);
    expect(links).toContain('/vraag/nvi-2021-2023/VID-0318?q=verzekeringsrecht');
    expect(links).toContain('/vraag/nvi-tweede/VID-0318?q=verzekeringsrecht');
  });

  it('the long permalink is one question, and results link to it', async () => {
    expect((await app.inject('/vraag/nvi-tweede/VID-0318')).statusCode).toBe(200);
    const search = hrefs((await app.inject('/zoeken?q=verzekeringsrecht')).body);
    expect(search.some((l) => l.startsWith('/vraag/nvi-tweede/VID-'))).toBe(true);
    expect(search.some((l) => l.startsWith('/vraag/nvi-2021-2023/VID-'))).toBe(true);
  });

  it('home and /documenten list both, and a search can be limited to one', async () => {
    const home = (await app.inject('/')).body;
    expect(home).toContain('Nota van Inlichtingen Tweede');
    const res = await app.inject('/zoeken?q=verzekeringsrecht&nota=nvi-tweede');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<input type="checkbox" form="form-zoeken" name="nota" value="nvi-tweede" checked>');
    expect(res.body).toMatch(/class="chip"[^>]*>NvI Tweede/);
    expect(hrefs(res.body).filter((l) => l.startsWith('/vraag/')).every((l) => l.startsWith('/vraag/nvi-tweede/'))).toBe(true);
  });
});
