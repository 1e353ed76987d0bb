import fs from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../helpers/app.ts';
import { startCli } from '../helpers/cli.ts';
import { makeNviPdf } from '../helpers/nvi-pdf.ts';

interface Listing {
  total: number;
  results: Array<{ vid: string; nota: string }>;
}

describe('an ingest while the server is serving', () => {
  let app: FastifyInstance;
  let newVids: Set<string>;
  let pdfPath: string;
  beforeAll(async () => {
    app = await buildTestApp({ reloadIntervalMs: 50, exportRateLimit: 100_000 });
    const generated = await makeNviPdf({ seed: 7, rows: 60, vidFormat: 'number' });
    newVids = new Set(generated.records.map((r) => r.vid));
    pdfPath = `${app.config.dbPath}.new.pdf`;
    fs.writeFileSync(pdfPath, generated.pdf);
  });
  afterAll(async () => {
    await app.close();
  });

  it('replaces a nota: every response shows the old edition or the new one, never a mix, and the new one is picked up without a restart', async () => {
    const listing = async (): Promise<Listing> => (await app.inject('/api/search?nota=nvi-2021-2023&limit=100')).json() as Listing;
    const before = await listing();
    const oldVids = new Set((await app.inject('/export.json?nota=nvi-2021-2023')).json<Array<{ vid: string }>>().map((r) => r.vid));
    expect(before.total).toBe(512);
    const generationBefore = (await app.inject('/healthz')).json<{ generation: number }>().generation;

    const child = startCli('ingest', ['--db', app.config.dbPath, '--slug', 'nvi-2021-2023', '--quiet', pdfPath]);
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    let done = false;
    void exited.then(() => (done = true));

    const seen = { old: 0, new: 0 };
    // Keep reading while the ingest runs and a little after, so the swap happens under load.
    const stopAt = () => done;
    while (!stopAt()) {
      // inject() can settle without a trip through the event loop; yield so the child's exit is seen.
      await new Promise((resolve) => setImmediate(resolve));
      const [page, search, exported] = await Promise.all([
        listing(),
        app.inject('/api/search?q=zorg&limit=100').then((r) => r.json() as Listing),
        app.inject('/export.json?nota=nvi-2021-2023').then((r) => {
          expect(r.statusCode).toBe(200);
          return r.json() as Array<{ vid: string }>;
        }),
      ]);
      for (const vids of [page.results.map((r) => r.vid), search.results.map((r) => r.vid), exported.map((r) => r.vid)]) {
        const fromOld = vids.filter((v) => oldVids.has(v) && !newVids.has(v)).length;
        const fromNew = vids.filter((v) => newVids.has(v) && !oldVids.has(v)).length;
        expect(fromOld === 0 || fromNew === 0, `mixed editions: ${fromOld} old and ${fromNew} new records`).toBe(true);
        if (fromOld) seen.old++;
        if (fromNew) seen.new++;
      }
      expect([512, newVids.size]).toContain(page.total);
      if (exported.length) expect([512, newVids.size]).toContain(exported.length);
    }
    expect(await exited).toBe(0);

    // Picked up by the reload timer, index included.
    const deadline = Date.now() + 10_000;
    let after = await listing();
    while (after.total !== newVids.size && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      after = await listing();
    }
    expect(after.total).toBe(newVids.size);
    expect(after.results.every((r) => newVids.has(r.vid))).toBe(true);
    const health = (await app.inject('/healthz')).json<{ generation: number; records: number }>();
    expect(health.generation).toBe(generationBefore + 1);
    expect(health.records).toBe(newVids.size);
    const firstNew = [...newVids][0]!;
    expect((await app.inject(`/api/search?q=${encodeURIComponent(firstNew)}`)).json<Listing>().results[0]?.vid).toBe(firstNew);
    expect(seen.old).toBeGreaterThan(0);
  });
});
