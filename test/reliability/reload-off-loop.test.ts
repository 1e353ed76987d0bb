import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../helpers/app.ts';
import { readGold } from '../helpers/gold.ts';
import { addNota } from '../helpers/records.ts';

interface Health {
  status: string;
  generation: number;
  records: number;
}

/** Enough records that building their index takes a while (the real NvI's texts, recombined). */
const EXTRA_RECORDS = 4000;

describe('reloading new data', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildTestApp();
  });
  afterAll(async () => {
    await app.close();
  });

  it('keeps answering from the old snapshot while the new index is built off the event loop, then swaps it in whole', async () => {
    const before = (await app.inject('/healthz')).json<Health>();
    const gold = readGold();
    // Written without publishing an index: the server has to build one itself, the slow path.
    addNota(
      app.config.dbPath,
      'groot',
      Array.from({ length: EXTRA_RECORDS }, (_, i) => ({
        vid: `VID-${90_001 + i}`,
        question: `${gold[i % gold.length]!.question} ${gold[(i * 7) % gold.length]!.question}`,
        answer: gold[(i * 13) % gold.length]!.answer,
      })),
    );

    const reloaded = app.reloadData();
    expect(app.snapshots.loading).toBe(true);
    const during: Health[] = [];
    while (app.snapshots.loading) {
      const res = await app.inject('/healthz');
      expect(res.statusCode).toBe(200);
      during.push(res.json<Health>());
      // Let the worker's reply in.
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(await reloaded).toBe(true);

    // Answered while the reload ran, from the old data, whole.
    expect(during.length).toBeGreaterThan(0);
    for (const h of during) expect(h).toMatchObject({ status: 'ok', generation: before.generation, records: before.records });
    const after = (await app.inject('/healthz')).json<Health & { index: string }>();
    expect(after).toMatchObject({ generation: before.generation + 1, records: before.records + EXTRA_RECORDS, index: 'built' });
    const hit = (await app.inject('/api/search?q=VID-90017')).json<{ results: Array<{ vid: string }> }>();
    expect(hit.results[0]?.vid).toBe('VID-90017');
  });

  it('a reload that finds nothing new changes nothing', async () => {
    const before = (await app.inject('/healthz')).json<Health>();
    expect(await app.reloadData()).toBe(false);
    expect((await app.inject('/healthz')).json<Health>()).toEqual(before);
  });
});
