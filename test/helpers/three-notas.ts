import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, inject } from 'vitest';
import { buildTestApp } from './app.ts';
import { INGEST_LIMITS } from '../../core/config.ts';
import { openDatabase } from '../../core/store/database.ts';
import { ingestFile } from '../../ingest/ingest.ts';
import { BORDERED_PDF, BORDERLESS_PDF } from './gold.ts';
import { makeNviPdf } from './nvi-pdf.ts';

/**
 * A database with three NvIs from two rounds, three sectors and two publishers, for searches
 * across NvIs: the test fixture (ZN, VV, 2021-2023), its borderless edition as a GGZ NvI of
 * 2024-2026 and a generated NvI as a GZ one of 2024-2026, published a month later. threeNotaDb
 * returns the database path in a new directory (the caller removes it).
 */
export const THREE = {
  vv: { slug: 'nvi-2021-2023', publisher: 'ZN', sector: 'VV', round: '2021-2023' },
  ggz: { slug: 'nvi-ggz-test', publisher: 'Zilveren Kruis', sector: 'GGZ', round: '2024-2026', published: '2023-06-01' },
  gz: { slug: 'nvi-gz-test', publisher: 'Zilveren Kruis', sector: 'GZ', round: '2024-2026', published: '2023-07-01' },
} as const;

export async function threeNotaDb(): Promise<{ dir: string; dbPath: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nvi-three-'));
  const dbPath = path.join(dir, 'nvi.db');
  fs.copyFileSync(inject('testDbPath'), dbPath);
  await addThreeNotas(dbPath);
  return { dir, dbPath };
}

/**
 * The app on a new three-NvI database for the file's tests (built before them, removed after);
 * call at the top of a test file and read the app from the returned function.
 */
export function useThreeNotaApp(): () => FastifyInstance {
  let app: FastifyInstance | undefined;
  let dir: string | undefined;
  beforeAll(async () => {
    const db = await threeNotaDb();
    dir = db.dir;
    app = await buildTestApp({ dbPath: db.dbPath });
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    if (!app) throw new Error('the three-NvI app is built in beforeAll');
    return app;
  };
}

/** Turns a copy of the test database into the three NvIs above (the fixture is the first). */
export async function addThreeNotas(dbPath: string): Promise<void> {
  const generated = path.join(path.dirname(dbPath), 'gz.pdf');
  fs.writeFileSync(generated, (await makeNviPdf({ rows: 40, seed: 11 })).pdf);
  const limits = { timeoutMs: INGEST_LIMITS.ingestTimeoutMs, maxPages: INGEST_LIMITS.maxPages };
  const db = openDatabase(dbPath);
  try {
    const { slug: _vv, ...vv } = THREE.vv;
    await ingestFile(db, BORDERED_PDF, { ...limits, slug: THREE.vv.slug, description: vv });
    const { slug: _ggz, ...ggz } = THREE.ggz;
    await ingestFile(db, BORDERLESS_PDF, { ...limits, slug: THREE.ggz.slug, title: 'Nota van Inlichtingen GGZ test', description: ggz });
    const { slug: _gz, ...gz } = THREE.gz;
    await ingestFile(db, generated, { ...limits, slug: THREE.gz.slug, title: 'Nota van Inlichtingen GZ test', description: gz });
  } finally {
    db.close();
  }
}
