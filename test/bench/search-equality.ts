/**
 * Fingerprints of search answers, to prove a change to the search path gives the same results:
 * run it on two checkouts and compare the outputs (`diff` or `cmp`). Seeded random queries (one to
 * three words from the records' questions, with phrases, exclusions, references and typos mixed
 * in), each asked with random filters, sort, grouping and page of /api/search, /zoeken and
 * /export.csv; then the engine alone (every hit: id, score, flags, order, and related records) on
 * synthetic records.
 *
 *   npx tsx test/bench/search-equality.ts --root DIR --db PATH [--queries 400] [--records 20000] > OUT
 *
 * --root is the checkout whose app and engine answer (default: this one); --db a database with
 * its index file beside it (e.g. the bundled NvIs, `npm run ingest -- --db PATH data/*.pdf`).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Fastify, { type FastifyPluginAsync } from 'fastify';
import { openDatabase } from '../../core/store/database.ts';
import type { IndexRecord, SearchEngine, SearchFilter, TextSource } from '../../core/search/types.ts';
import { readGold } from '../helpers/gold.ts';
import { prng } from '../helpers/prng.ts';
import { textSource, toIndexRecords } from '../search/gold-engine.ts';
import { syntheticRecords } from './search.ts';

const arg = (name: string, fallback: string) => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? (process.argv[at + 1] ?? fallback) : fallback;
};
const ROOT = path.resolve(arg('root', path.resolve(import.meta.dirname, '../..')));
const DB = path.resolve(arg('db', ''));
const QUERIES = Number(arg('queries', '400'));
const RECORDS = Number(arg('records', '20000'));

const sha = (text: string | Buffer) => crypto.createHash('sha256').update(text).digest('hex').slice(0, 16);

interface Facts {
  words: string[];
  notas: Array<{ slug: string; sector: string | null; round: string | null; publisher: string | null }>;
  documents: string[];
  paragraphs: string[];
}

function facts(dbPath: string): Facts {
  const db = openDatabase(dbPath, { readonly: true });
  try {
    const questions = db.prepare('SELECT question FROM qa').pluck().all() as string[];
    return {
      words: [...new Set(questions.flatMap((q) => q.toLowerCase().match(/\p{L}{3,}/gu) ?? []))].sort(),
      notas: db.prepare('SELECT slug, sector, round, publisher FROM nota WHERE active = 1 ORDER BY id').all() as Facts['notas'],
      documents: db.prepare('SELECT DISTINCT document_key FROM qa ORDER BY 1').pluck().all() as string[],
      paragraphs: db.prepare('SELECT DISTINCT paragraph_key FROM qa ORDER BY 1').pluck().all() as string[],
    };
  } finally {
    db.close();
  }
}

/** Queries of the shapes users type: words, typos, phrases, exclusions, ids and paragraph references. */
function queries(words: readonly string[], count: number, random: () => number): string[] {
  const word = () => words[Math.floor(random() * words.length)]!;
  const typo = (w: string) => (w.length > 4 ? w.slice(0, 2) + w[3] + w[2] + w.slice(4) : w);
  const out: string[] = ['zorg', 'kwaliteitsbudget', 'vraag 12', '12', 'VID-1879', 'paragraaf 2.7', '"extra personeel"', 'personeel -extra', 'de het een'];
  while (out.length < count) {
    const r = random();
    const n = 1 + Math.floor(random() * 3);
    const ws = Array.from({ length: n }, word);
    if (r < 0.6) out.push(ws.join(' '));
    else if (r < 0.7) out.push([typo(ws[0]!), ...ws.slice(1)].join(' '));
    else if (r < 0.78) out.push(`"${ws.join(' ')}"`);
    else if (r < 0.86) out.push(`${ws.join(' ')} -${word()}`);
    else if (r < 0.93) out.push(`${word()} ${Math.floor(random() * 60)}`);
    else out.push(ws[0]!.slice(0, 3 + Math.floor(random() * 3)));
  }
  return out;
}

function listParams(f: Facts, q: string, random: () => number): URLSearchParams {
  const p = new URLSearchParams({ q });
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  if (random() < 0.35) p.append('nota', pick(f.notas).slug);
  if (random() < 0.2) p.append('nota', pick(f.notas).slug);
  if (random() < 0.2) p.append('sector', pick(f.notas.flatMap((n) => n.sector ?? [])));
  if (random() < 0.15) p.append('round', pick(f.notas.flatMap((n) => n.round ?? [])));
  if (random() < 0.1) p.append('publisher', pick(f.notas.flatMap((n) => n.publisher ?? [])));
  if (random() < 0.15) p.append('document', pick(f.documents));
  if (random() < 0.05) p.append('paragraph', pick(f.paragraphs));
  const sort = random();
  if (sort < 0.2) p.set('sort', 'newest');
  else if (sort < 0.4) p.set('sort', 'table');
  return p;
}

async function appAnswers(f: Facts, dir: string): Promise<void> {
  const dbPath = path.join(dir, 'nvi.db');
  const db = openDatabase(DB, { readonly: true });
  await db.backup(dbPath);
  db.close();
  fs.copyFileSync(`${DB}.search.json`, `${dbPath}.search.json`);
  const app = ((await import(path.join(ROOT, 'server/app.ts'))) as { default: FastifyPluginAsync<{ config: unknown }> }).default;
  const { DEFAULTS } = (await import(path.join(ROOT, 'server/config.ts'))) as { DEFAULTS: object };
  const fastify = Fastify({ logger: false });
  const config = { ...DEFAULTS, dbPath, dataDir: dir, autoIngest: false, reloadIntervalMs: 0, logLevel: 'silent', exportRateLimit: 100_000 };
  await fastify.register(app, { config });
  await fastify.ready();
  const random = prng(42);
  for (const q of queries(f.words, QUERIES, random)) {
    const urls: string[] = [];
    const api = listParams(f, q, random);
    if (random() < 0.4) api.set('group', 'answer');
    if (random() < 0.3) api.set('page', String(1 + Math.floor(random() * 3)));
    if (random() < 0.3) api.set('limit', String([5, 50, 100][Math.floor(random() * 3)]));
    urls.push(`/api/search?${api}`);
    const page = listParams(f, q, random);
    if (random() < 0.3) page.set('group', 'none');
    if (random() < 0.3) page.set('page', String(1 + Math.floor(random() * 3)));
    urls.push(`/zoeken?${page}`);
    if (random() < 0.3) {
      const ex = listParams(f, q, random);
      if (random() < 0.5) ex.set('match', 'some');
      urls.push(`/export.csv?${ex}`);
    }
    for (const url of urls) {
      const res = await fastify.inject(url);
      console.log(`${res.statusCode} ${sha(res.rawPayload)} ${url}`);
    }
  }
  await fastify.close();
}

async function engineAnswers(): Promise<void> {
  const { buildSearchEngine } = (await import(path.join(ROOT, 'core/search/engine.ts'))) as {
    buildSearchEngine: (records: IndexRecord[], texts: TextSource) => SearchEngine;
  };
  const gold = toIndexRecords(readGold());
  const records = syntheticRecords(gold, RECORDS);
  const engine = buildSearchEngine(records, textSource(records));
  const words = [...new Set(gold.flatMap((r) => r.question.toLowerCase().match(/\p{L}{3,}/gu) ?? []))].sort();
  const random = prng(7);
  for (const q of queries(words, Math.ceil(QUERIES / 2), random)) {
    const r = random();
    const filter: SearchFilter | undefined =
      r < 0.6 ? undefined : r < 0.8 ? { notaIds: [1, 3, 5, 7, 9, 11] } : { documentKeys: [records[Math.floor(random() * records.length)]!.documentKey] };
    const outcome = engine.search(q, filter);
    const hits = outcome.hits.map((h) => `${h.id}:${h.score}:${h.matchedAll ? 1 : 0}${h.idLookup ? 'v' : ''}:${h.notaId}:${h.documentKey}:${h.paragraphKey}`);
    console.log(`engine ${outcome.match} ${hits.length} ${sha(hits.join('\n'))} ${sha(JSON.stringify(outcome.corrections))} ${JSON.stringify(q)} ${JSON.stringify(filter ?? null)}`);
  }
  for (let i = 0; i < 50; i++) {
    const id = 1 + Math.floor(random() * records.length);
    const related = engine.related(id, 6, random() < 0.5 ? undefined : { notaIds: [2, 4, 6] });
    console.log(`related ${id} ${sha(related.map((h) => `${h.id}:${h.score}:${h.matchedAll}`).join('\n'))}`);
  }
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nvi-equality-'));
try {
  await appAnswers(facts(DB), dir);
  await engineAnswers();
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
