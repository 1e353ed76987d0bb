import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, parseTrustProxy, type Config } from '../../server/config.ts';
import { safeBase } from '../../server/loaders/urls.ts';
import { buildTestApp } from '../helpers/app.ts';
import { hrefs } from './sample.ts';

describe('TRUST_PROXY', () => {
  it.each([
    ['1', 1],
    ['2', 2],
    ['0', false],
    ['false', false],
    ['true', true],
    ['127.0.0.1', ['127.0.0.1']],
    ['127.0.0.1, 10.0.0.0/8', ['127.0.0.1', '10.0.0.0/8']],
    ['::1,fd00::/8,loopback', ['::1', 'fd00::/8', 'loopback']],
  ] as const)('%j is %j', (value, expected) => {
    expect(parseTrustProxy('TRUST_PROXY', value)).toEqual(expected);
    expect(loadConfig({ TRUST_PROXY: value }, []).trustProxy).toEqual(expected);
  });

  it.each(['yes please', '10.0.0.0/33', '300.1.1.1', 'nginx', '1.2.3.4/8/8', ','])('%j is a config error naming the variable', (value) => {
    expect(() => parseTrustProxy('TRUST_PROXY', value)).toThrow(ConfigError);
    expect(() => parseTrustProxy('TRUST_PROXY', value)).toThrow(/^TRUST_PROXY /);
  });

  it.each(['javascript:alert(1)', 'ftp://x', 'https://user:pw@x.nl', 'https://x.nl/?a=1', 'nvi.example.nl'])('PUBLIC_URL %j is refused', (value) => {
    expect(() => loadConfig({ PUBLIC_URL: value }, [])).toThrow(/^PUBLIC_URL /);
  });
});

/** The app as main.ts builds it behind one proxy, the export limit low enough to reach. */
const behindProxy = (overrides: Partial<Config> = {}) => buildTestApp({ trustProxy: 1, exportRateLimit: 2, ...overrides }, { asServer: true });

describe('behind one proxy (TRUST_PROXY=1)', () => {
  it('a client cannot escape its export limit by writing its own X-Forwarded-For entries', async () => {
    const app = await behindProxy();
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) {
        // The proxy appends the address it saw (203.0.113.9); what comes before is the client's own.
        const res = await app.inject({ url: '/export.json?q=zorgkantoor', headers: { 'x-forwarded-for': `198.51.100.${i}, 203.0.113.9` } });
        statuses.push(res.statusCode);
      }
      expect(statuses).toEqual([200, 200, 429, 429]);
      // Another client, as the proxy reports it, has its own limit.
      const other = await app.inject({ url: '/export.json?q=zorgkantoor', headers: { 'x-forwarded-for': '203.0.113.10' } });
      expect(other.statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });

  it.each([
    ['javascript', 'evil.example'],
    ['https', 'evil.example"><script>alert(1)</script>'],
    ['data', 'x'],
    ['https', 'user@evil.example'],
    ['https', 'a b'],
  ])('forwarded proto %j and host %j never reach a link', async (proto, host) => {
    const app = await behindProxy({ exportRateLimit: 1000 });
    try {
      const headers = { 'x-forwarded-proto': proto, 'x-forwarded-host': host };
      const records = (await app.inject({ url: '/export.json?q=zorgkantoor', headers })).json() as Array<{ url: string }>;
      expect(records.length).toBeGreaterThan(0);
      for (const r of records) expect(r.url).toMatch(/^\/vraag\//);
      const vid = records[0]!.url.split('/').pop()!;
      const page = await app.inject({ url: `/vraag/${vid}`, headers });
      expect(page.statusCode).toBe(200);
      expect(page.body).not.toContain('<script>alert');
      for (const href of hrefs(page.body)) expect(href).not.toMatch(/^(javascript|data):|evil\.example/i);
    } finally {
      await app.close();
    }
  });

  it('a plain forwarded scheme and host make the links absolute', async () => {
    const app = await behindProxy({ exportRateLimit: 1000 });
    try {
      const headers = { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'nvi.example.nl' };
      const records = (await app.inject({ url: '/export.json?q=zorgkantoor', headers })).json() as Array<{ url: string }>;
      for (const r of records) expect(r.url).toMatch(/^https:\/\/nvi\.example\.nl\/vraag\//);
    } finally {
      await app.close();
    }
  });
});

describe('safeBase', () => {
  it.each(['http://localhost:80', 'https://nvi.example.nl', 'https://nvi.example.nl/kennisbank', 'http://[::1]:3000', 'http://10.0.0.1'])('keeps %j', (base) => {
    expect(safeBase(base)).toBe(base);
  });
  it.each(['javascript://x', 'https://x"><b>', 'https://a b', 'https://u@x', 'https://x/?q', '//x', ''])('drops %j', (base) => {
    expect(safeBase(base)).toBe('');
  });
});
