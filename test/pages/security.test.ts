import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { buildTestApp } from '../helpers/app.ts';

const SCRIPT = '<script>alert(1)</script>';
const ATTR = '"><img src=x onerror=alert(1)>';

let app: FastifyInstance;
let dir: string;
let paragraphUrl: string;

/** A copy of the test database in which one record, its paragraph and the NvI title are hostile. */
function hostileDatabase(): string {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nvi-hostile-'));
  const file = path.join(dir, 'nvi.db');
  fs.copyFileSync(inject('testDbPath'), file);
  const db = new Database(file);
  try {
    const row = db.prepare(`SELECT id, nota_id, document_key, paragraph_key FROM qa ORDER BY seq LIMIT 1`).get() as {
      id: number;
      nota_id: number;
      document_key: string;
      paragraph_key: string;
    };
    db.prepare(`UPDATE qa SET vid = 'VID-6666', question = ?, answer = ?, paragraph = ? WHERE id = ?`).run(
      `Mag dit? ${SCRIPT}\n- ${ATTR}`,
      `Nee. <b>vet</b> & ${SCRIPT}`,
      `0. <i>Inleiding</i>`,
      row.id,
    );
    db.prepare(`UPDATE paragraph SET label = ? WHERE nota_id = ? AND document_key = ? AND key = ?`).run(
      `0. <i>Inleiding</i> ${SCRIPT}`,
      row.nota_id,
      row.document_key,
      row.paragraph_key,
    );
    db.prepare(`UPDATE nota SET title = ? WHERE id = ?`).run(`Nota van Inlichtingen ${SCRIPT}`, row.nota_id);
    const slug = db.prepare(`SELECT slug FROM nota WHERE id = ?`).pluck().get(row.nota_id) as string;
    paragraphUrl = `/documenten/${slug}/${row.document_key}/${row.paragraph_key}`;
  } finally {
    db.close();
  }
  // No index file beside it: the app builds the index from the changed records.
  return file;
}

beforeAll(async () => {
  app = await buildTestApp({ dbPath: hostileDatabase() });
});
afterAll(async () => {
  await app.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** No markup from data or input survives: only our own tags, and no inline script at all. */
function expectInert(html: string) {
  expect(html).not.toContain(SCRIPT);
  expect(html).not.toContain('<img src=x');
  expect(html).not.toContain('<i>Inleiding');
  expect(html).not.toContain('<b>vet');
  expect(html).not.toMatch(/<script(?! src="\/static\/site\.js" defer><\/script>)/);
}

describe('escaping', () => {
  it.each([SCRIPT, ATTR])('a search for %s shows it as text', async (q) => {
    for (const url of [`/zoeken?q=${encodeURIComponent(q)}`, `/zoeken/resultaten?q=${encodeURIComponent(q)}`]) {
      const res = await app.inject(url);
      expect(res.statusCode).toBe(200);
      expectInert(res.body);
    }
    const page = (await app.inject(`/zoeken?q=${encodeURIComponent(q)}`)).body;
    expect(page).toContain(q === SCRIPT ? '&lt;script&gt;alert(1)&lt;/script&gt;' : '&quot;&gt;&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;');
  });

  it('a record containing markup renders it as text on every page that shows it', async () => {
    const pages = ['/vraag/VID-6666', '/vraag/VID-6666?q=alert', paragraphUrl, '/zoeken?q=alert', '/zoeken?q=VID-6666', '/', '/documenten'];
    for (const url of pages) {
      const res = await app.inject(url);
      expect(res.statusCode, url).toBe(200);
      expectInert(res.body);
    }
    const question = (await app.inject('/vraag/VID-6666')).body;
    expect(question).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(question).toContain('&lt;b&gt;vet&lt;/b&gt; &amp;');
  });

  it('an unknown path is echoed as text on the 404 page', async () => {
    const res = await app.inject(`/${encodeURIComponent(SCRIPT)}`);
    expect(res.statusCode).toBe(404);
    expectInert(res.body);
  });
});

describe('headers', () => {
  it('pages carry a CSP without inline script or style and without upgrade-insecure-requests', async () => {
    for (const url of ['/', '/zoeken?q=zorg', '/zoeken/resultaten?q=zorg', '/vraag/VID-6666', '/bestaat-niet']) {
      const csp = (await app.inject(url)).headers['content-security-policy'];
      expect(csp, url).toContain("script-src 'self'");
      expect(csp, url).toContain("style-src 'self'");
      expect(csp, url).not.toContain('unsafe-inline');
      expect(csp, url).not.toContain('upgrade-insecure-requests');
    }
  });
});
