import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../helpers/app.ts';
import { prng } from '../helpers/prng.ts';
import { sample, type Sample, everyRoute } from './sample.ts';

/**
 * Query strings no browser sends, on every route: whatever the combination, the answer is a page
 * or a 4xx, never a 500. Seeded, so a failure names a request that fails again.
 */
const SEED = 20261202;
const REQUESTS = 600;

let app: FastifyInstance;
let s: Sample;

beforeAll(async () => {
  // The export limit per minute is not what is tested here.
  app = await buildTestApp({ exportRateLimit: 100_000 });
  s = sample(app);
});
afterAll(() => app.close());

const routes = () => everyRoute(s);

const NAMES = ['q', 'nota', 'round', 'sector', 'publisher', 'document', 'paragraph', 'sort', 'page', 'limit', 'delimiter', 'x', '', 'q[]', '__proto__', 'constructor', 'Q'];

/** Raw (already encoded) values: each kind the issue lists, and malformed encodings. */
const VALUE_KINDS: Record<string, (r: () => number) => string> = {
  empty: () => '',
  plain: () => 'zorg',
  number: (r) => String(Math.floor(r() * 20) - 5),
  huge: (r) => 'a'.repeat(400 + Math.floor(r() * 20_000)),
  hugeNumber: () => '9'.repeat(400),
  markup: () => encodeURIComponent('<script>alert(1)</script>"\'&<b>'),
  control: (r) => encodeURIComponent(String.fromCharCode(Math.floor(r() * 32)) + 'x' + '\u007f\u0085'),
  nul: () => '%00',
  unicode: () => encodeURIComponent('zörg 😀 مرحبا ﬁ İ \u200b\u202e\ufeff'),
  loneSurrogate: () => '%ED%A0%80',
  badPercent: () => '%',
  badHex: () => '%zz%4',
  overlong: () => '%C0%AF',
  slugish: () => encodeURIComponent(s.nota),
  delimiterValue: () => 'comma',
  operators: () => encodeURIComponent('"unclosed AND OR NOT ( * ~ -'),
};
const KINDS = Object.keys(VALUE_KINDS);

function pick<T>(r: () => number, items: readonly T[]): T {
  return items[Math.floor(r() * items.length)]!;
}

function randomQuery(r: () => number): string {
  const parts: string[] = [];
  const count = Math.floor(r() * 5);
  for (let i = 0; i < count; i++) {
    const name = pick(r, NAMES);
    const value = VALUE_KINDS[pick(r, KINDS)]!(r);
    parts.push(r() < 0.1 ? encodeURIComponent(name) : `${encodeURIComponent(name)}=${value}`);
    // Repeated parameters, the case that answered 500.
    if (r() < 0.25) parts.push(`${encodeURIComponent(name)}=${VALUE_KINDS[pick(r, KINDS)]!(r)}`);
  }
  return parts.join(r() < 0.9 ? '&' : ';');
}

describe('query-string fuzz over every route', () => {
  it(`answers no 500 to ${REQUESTS} seeded requests`, async () => {
    const r = prng(SEED);
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    for (let i = 0; i < REQUESTS; i++) {
      const url = `${pick(r, routes())}?${randomQuery(r)}`;
      const res = await app.inject(url);
      statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
      if (res.statusCode >= 500) failures.push(`${res.statusCode} ${url.slice(0, 200)}`);
    }
    expect(failures).toEqual([]);
    // The fuzz reached both the handlers and the validation.
    expect(statuses.get(200)).toBeGreaterThan(0);
    expect(statuses.get(400)).toBeGreaterThan(0);
  });

  it('answers no 500 to every value kind given twice, on every route', async () => {
    const failures: string[] = [];
    for (const route of routes()) {
      for (const kind of KINDS) {
        const value = VALUE_KINDS[kind]!(prng(SEED));
        // Parameters given once (the facets with several values take a repeated key on searches).
        for (const name of ['q', 'paragraph', 'page']) {
          const url = `${route}?${name}=${value}&${name}=${value}`;
          const res = await app.inject(url);
          if (res.statusCode >= 500) failures.push(`${res.statusCode} ${url.slice(0, 200)}`);
          else expect(res.statusCode, url.slice(0, 200)).toBe(400);
        }
      }
    }
    expect(failures).toEqual([]);
  });
});
