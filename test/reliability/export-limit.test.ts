import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../helpers/app.ts';

const LIMIT = 4;

describe('the export rate limit', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildTestApp({ exportRateLimit: LIMIT });
  });
  afterAll(async () => {
    await app.close();
  });

  it('counts every export of a client together, whatever the format or method, and says in Dutch when to try again', async () => {
    const allowed = [
      await app.inject('/export.csv?nota=nvi-2021-2023'),
      await app.inject({ method: 'HEAD', url: '/export.csv?nota=nvi-2021-2023' }),
      await app.inject('/export.json?q=zorg'),
      await app.inject('/export.jsonl?q=tarief'),
    ];
    expect(allowed.map((r) => r.statusCode)).toEqual([200, 200, 200, 200]);
    // The limit is reached: the next export is refused in any format and with HEAD.
    for (const request of [{ url: '/export.json?q=zorg' }, { url: '/export.csv?q=zorg' }, { method: 'HEAD' as const, url: '/export.jsonl' }]) {
      const res = await app.inject(request);
      expect(res.statusCode, request.url).toBe(429);
      const retryAfter = Number(res.headers['retry-after']);
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(60);
      if (request.method !== 'HEAD') {
        const body = res.json<{ statusCode: number; message: string; retryAfter: number }>();
        expect(body.statusCode).toBe(429);
        expect(body.retryAfter).toBe(retryAfter);
        expect(body.message).toMatch(/Probeer het over \d+ (seconden|seconde|minuut|minuten) opnieuw/);
        expect(body.message).toContain(String(LIMIT));
      }
    }
    // Other routes are not limited.
    expect((await app.inject('/api/search?q=zorg')).statusCode).toBe(200);
    expect((await app.inject('/healthz')).statusCode).toBe(200);
  });

  it('shows a person who clicked a download link a Dutch page', async () => {
    const res = await app.inject({ url: '/export.csv?q=zorg', headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } });
    expect(res.statusCode).toBe(429);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toContain('Even wachten met exporteren');
    expect(res.body).toMatch(/Probeer het over \d+ \w+ opnieuw/);
  });

  it('counts clients apart', async () => {
    const other = await app.inject({ url: '/export.json?q=zorg', remoteAddress: '10.1.2.3' });
    expect(other.statusCode).toBe(200);
  });
});
