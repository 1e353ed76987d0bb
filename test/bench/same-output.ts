/**
 * Do two checkouts answer searches byte for byte the same? Both apps run in this process on
 * copies of one database; every URL is asked of both, and status, content type and body compared.
 * For changes meant to speed up rendering without changing what is sent.
 *
 *   npx tsx test/bench/same-output.ts --compare DIR [--queries 300] [--seed 7] [--db PATH]
 *
 * Queries: one to three words drawn with a seeded PRNG from the records' questions and answers,
 * some with a typo, as a quoted phrase, with a word excluded, a prefix, or a record id; each asked
 * as the search page, its results fragment and the API in their variants (full answers, a small
 * page, page 2, another grouping and sort, a facet filter), and lists without a query. --db takes
 * a database with its index beside it (e.g. several NvIs); by default the bundled fixture.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../core/store/database.ts';
import { writeFixtureDatabase } from '../helpers/fixture-db.ts';
import { prng } from '../helpers/prng.ts';
import { appFrom } from './checkout-app.ts';

const arg = (name: string, fallback: string) => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? (process.argv[at + 1] ?? fallback) : fallback;
};
const COMPARE = path.resolve(arg('compare', ''));
const QUERIES = Number(arg('queries', '300'));
const SEED = Number(arg('seed', '7'));
const DB = process.argv.includes('--db') ? path.resolve(arg('db', '')) : null;

interface Corpus {
  words: string[];
  vids: string[];
  facets: Array<[string, string]>;
  paragraphs: Array<{ document: string; paragraph: string }>;
}

function corpus(dbPath: string): Corpus {
  const db = openDatabase(dbPath);
  try {
    const rows = db.prepare('SELECT question, answer, vid FROM qa JOIN nota ON nota.id = qa.nota_id WHERE nota.active = 1').all() as Array<{ question: string; answer: string; vid: string }>;
    const words = [...new Set(rows.flatMap((r) => `${r.question} ${r.answer}`.toLowerCase().match(/\p{L}{3,}/gu) ?? []))].sort();
    const notas = db.prepare('SELECT slug, round, sector, publisher FROM nota WHERE active = 1').all() as Array<Record<string, string>>;
    const facets = notas.flatMap((n) => [['nota', n.slug], ['round', n.round], ['sector', n.sector], ['publisher', n.publisher]] as Array<[string, string]>);
    const paragraphs = db.prepare('SELECT DISTINCT document_key AS document, paragraph_key AS paragraph FROM qa LIMIT 50').all() as Corpus['paragraphs'];
    return { words, vids: rows.map((r) => r.vid), facets: facets.filter(([, v]) => v), paragraphs };
  } finally {
    db.close();
  }
}

function urlsFor(c: Corpus, n: number, seed: number): string[] {
  const random = prng(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const typo = (w: string) => (w.length > 4 ? w.slice(0, 2) + w[3] + w[2] + w.slice(4) : w);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const words = Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(c.words));
    const shape = random();
    let q = words.join(' ');
    if (shape < 0.1) q = `${typo(words[0]!)} ${words.slice(1).join(' ')}`.trim();
    else if (shape < 0.2 && words.length > 1) q = `"${q}"`;
    else if (shape < 0.27 && words.length > 1) q = `${words[0]} -${words[1]}`;
    else if (shape < 0.35) q = words[0]!.slice(0, 4);
    else if (shape < 0.4) q = pick(c.vids);
    else if (shape < 0.42) q = `<b>"${words[0]}&amp;`;
    const e = encodeURIComponent(q);
    const [facet, value] = pick(c.facets);
    const f = `${facet}=${encodeURIComponent(value)}`;
    out.push(
      `/zoeken?q=${e}`,
      `/zoeken/resultaten?q=${e}`,
      `/api/search?q=${e}`,
      `/api/search?q=${e}&fields=full`,
      `/api/search?limit=5&q=${e}`,
    );
    const variant = random();
    if (variant < 0.25) out.push(`/zoeken?q=${e}&group=none&list=1`, `/api/search?q=${e}&group=answer`);
    else if (variant < 0.5) out.push(`/zoeken?q=${e}&page=2`, `/api/search?q=${e}&page=2&sort=newest`);
    else if (variant < 0.75) out.push(`/zoeken?q=${e}&${f}&sort=table`, `/api/search?q=${e}&${f}`);
    else out.push(`/zoeken/resultaten?q=${e}&${f}&group=none`, `/api/search?q=${e}&limit=100&fields=full`);
  }
  for (const [facet, value] of c.facets) {
    const f = `${facet}=${encodeURIComponent(value)}`;
    out.push(`/zoeken?${f}`, `/zoeken?${f}&page=3&group=none`, `/api/search?${f}`, `/api/search?${f}&group=answer&fields=full`);
  }
  for (const p of c.paragraphs.slice(0, 10)) {
    const f = `document=${encodeURIComponent(p.document)}&paragraph=${encodeURIComponent(p.paragraph)}`;
    out.push(`/zoeken?${f}`, `/zoeken/resultaten?${f}`, `/api/search?${f}`);
  }
  out.push('/zoeken', '/zoeken/resultaten', '/api/search', '/zoeken?page=999&sector=x', '/api/search?limit=0');
  return out;
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nvi-same-output-'));
try {
  const source = DB ?? (await writeFixtureDatabase(path.join(dir, 'nvi.db')));
  const urls = urlsFor(corpus(source), QUERIES, SEED);
  const here = path.resolve(import.meta.dirname, '../..');
  const [before, after] = [await appFrom(COMPARE, source, dir), await appFrom(here, source, dir)];
  let differ = 0;
  let bytesBefore = 0;
  let bytesAfter = 0;
  const byRoute = new Map<string, { n: number; before: number; after: number }>();
  const statuses = new Map<number, number>();
  for (const url of urls) {
    const [a, b] = [await before.inject(url), await after.inject(url)];
    const route = url.replace(/\?.*$/, '');
    const sizes = byRoute.get(route) ?? { n: 0, before: 0, after: 0 };
    byRoute.set(route, { n: sizes.n + 1, before: sizes.before + a.rawPayload.length, after: sizes.after + b.rawPayload.length });
    statuses.set(a.statusCode, (statuses.get(a.statusCode) ?? 0) + 1);
    bytesBefore += a.rawPayload.length;
    bytesAfter += b.rawPayload.length;
    const same = a.statusCode === b.statusCode && a.headers['content-type'] === b.headers['content-type'] && a.headers.location === b.headers.location && a.body === b.body;
    if (!same && ++differ <= 5) {
      let at = 0;
      while (at < a.body.length && a.body[at] === b.body[at]) at++;
      console.log(`DIFFERS ${url}: status ${a.statusCode}/${b.statusCode}, at ${at}:\n  before …${a.body.slice(Math.max(0, at - 80), at + 120)}\n  after  …${b.body.slice(Math.max(0, at - 80), at + 120)}`);
    }
  }
  console.log(`${urls.length} responses compared (${QUERIES} queries, seed ${SEED}, ${DB ?? 'fixture'}): ${differ} differ; statuses ${[...statuses].map(([s, n]) => `${s}: ${n}`).join(', ')}.`);
  for (const [route, s] of byRoute) {
    console.log(`  ${route}: ${s.n} responses, mean ${(s.before / s.n / 1024).toFixed(1)} KiB before, ${(s.after / s.n / 1024).toFixed(1)} KiB after`);
  }
  console.log(`  all: ${(bytesBefore / 1024 / 1024).toFixed(2)} MiB before, ${(bytesAfter / 1024 / 1024).toFixed(2)} MiB after`);
  await before.close();
  await after.close();
  if (differ > 0) process.exitCode = 1;
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
