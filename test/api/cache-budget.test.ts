import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loaderCache } from '../../server/loaders/lru.ts';
import { loadConfig } from '../../server/config.ts';
import { buildTestApp } from '../helpers/app.ts';

let app: FastifyInstance;
const MB = 1024 * 1024;

beforeAll(async () => {
  app = await buildTestApp({ cacheMaxMb: 1 });
});
afterAll(() => app.close());

describe('the result cache', () => {
  it('stays within CACHE_MAX_MB however many distinct searches of 100 results are made', async () => {
    const words = ['zorg', 'budget', 'client', 'zorgkantoor', 'declaratie', 'indicatie', 'tarief', 'kwaliteit', 'contract', 'wlz'];
    let searches = 0;
    for (const a of words) {
      for (const b of words) {
        // Twice: a result is kept from its second request on.
        for (const _ of [1, 2]) {
          const res = await app.inject(`/api/search?q=${a}%20${b}&limit=100`);
          expect(res.statusCode).toBe(200);
        }
        searches++;
      }
    }
    const cache = loaderCache(app.snapshots.current);
    expect(cache.bytes).toBeLessThanOrEqual(MB);
    // The budget, not the number of searches, decided what was kept.
    expect(cache.size).toBeGreaterThan(0);
    expect(cache.size).toBeLessThan(searches);
  });

  it('is configured in MB, 64 by default', () => {
    expect(loadConfig({}, []).cacheMaxMb).toBe(64);
    expect(loadConfig({ CACHE_MAX_MB: '8' }, []).cacheMaxMb).toBe(8);
    expect(() => loadConfig({ CACHE_MAX_MB: '0' }, [])).toThrow(/CACHE_MAX_MB/);
  });
});
