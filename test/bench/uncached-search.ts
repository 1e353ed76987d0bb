/**
 * CPU per uncached search page, in process (app.inject: no sockets, no load generator on the
 * same cores): every request is a query nobody asked before, two words drawn from the questions'
 * words with a seeded PRNG, as `npm run load` draws its "every query new" searches.
 *
 *   npx tsx test/bench/uncached-search.ts [--requests 2000] [--repeats 5] [--url /zoeken] [--compare DIR] [--profile FILE]
 *     [--db PATH | --records N] [--extra 'sector=GGZ&group=none']
 *
 * The data is the 2021-2023 fixture unless --db names a database (its index file beside it, e.g.
 * one `npm run ingest -- --db PATH data/*.pdf` wrote) or --records asks for N synthetic records
 * (test/bench/export.ts). --extra adds parameters to every request (filters, sort, grouping).
 *
 * --url takes any search route: /zoeken, /zoeken/resultaten, /api/search (with parameters, e.g.
 * `/api/search?limit=5&fields=full`, the query is added).
 * --compare DIR builds a second app from the checkout in DIR (another commit of this repository,
 * its node_modules linked) on the same database, and alternates the two repeat by repeat, so
 * both see the same machine load. --profile FILE writes a CPU profile of the measured requests
 * (of this checkout's app) and prints the functions with the most self time.
 */
import fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { openDatabase } from '../../core/store/database.ts';
import { writeFixtureDatabase } from '../helpers/fixture-db.ts';
import { prng } from '../helpers/prng.ts';
import { appFrom } from './checkout-app.ts';
import { makeDb } from './export.ts';

const arg = (name: string, fallback: string) => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? (process.argv[at + 1] ?? fallback) : fallback;
};
const REQUESTS = Number(arg('requests', '2000'));
const REPEATS = Number(arg('repeats', '5'));
const URL_BASE = arg('url', '/zoeken');
const COMPARE = process.argv.includes('--compare') ? path.resolve(arg('compare', '')) : null;
const PROFILE = process.argv.includes('--profile') ? path.resolve(arg('profile', 'uncached-search.cpuprofile')) : null;
const DB = process.argv.includes('--db') ? path.resolve(arg('db', '')) : null;
const RECORDS = process.argv.includes('--records') ? Number(arg('records', '100000')) : null;
const EXTRA = arg('extra', '');
/** Per app, so that the words' caches (stems, forms) are as warm as on a server that has run a while. */
const WARM_UP = 1000;

async function database(dir: string): Promise<string> {
  if (RECORDS !== null) return makeDb(dir, RECORDS);
  if (DB === null) return writeFixtureDatabase(path.join(dir, 'nvi.db'));
  const copy = path.join(dir, 'nvi.db');
  const db = openDatabase(DB, { readonly: true });
  try {
    await db.backup(copy);
  } finally {
    db.close();
  }
  fs.copyFileSync(`${DB}.search.json`, `${copy}.search.json`);
  return copy;
}

function vocabulary(dbPath: string): string[] {
  const db = openDatabase(dbPath);
  try {
    const questions = db.prepare('SELECT question FROM qa').pluck().all() as string[];
    return [...new Set(questions.flatMap((q) => q.toLowerCase().match(/\p{L}{3,}/gu) ?? []))].sort();
  } finally {
    db.close();
  }
}

/** CPU milliseconds (user + system) per request over `urls`, answered one after another. */
async function cpuPerRequest(app: FastifyInstance, urls: readonly string[]): Promise<number> {
  const started = process.cpuUsage();
  for (const url of urls) {
    const res = await app.inject(url);
    if (res.statusCode !== 200) throw new Error(`${url}: status ${res.statusCode}`);
  }
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1000 / urls.length;
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

/** Self time per function (by name, file and line), as a share of the profile, largest first. */
function topSelfTime(profile: { nodes: ProfileNode[]; samples?: number[]; timeDeltas?: number[] }, top = 30): string {
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  let total = 0;
  (profile.samples ?? []).forEach((id, i) => {
    const frame = byNode.get(id)?.callFrame;
    const dt = profile.timeDeltas?.[i] ?? 0;
    const file = frame?.url.replace(/^file:\/\//, '').replace(/^.*\/node_modules\//, '').replace(/^.*\/(core|server|views)\//, '$1/') ?? '';
    const key = `${frame?.functionName || '(anonymous)'} ${file}${file ? `:${(frame?.lineNumber ?? 0) + 1}` : ''}`;
    self.set(key, (self.get(key) ?? 0) + dt);
    total += dt;
  });
  return [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([key, us]) => `${((100 * us) / total).toFixed(1).padStart(5)}%  ${key}`)
    .join('\n');
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nvi-bench-uncached-'));
try {
  const source = DB ?? (await database(dir));
  const words = vocabulary(source);
  const random = prng(15);
  const fresh = new Set<string>();
  // Every query of the run is distinct, over both apps: nothing is answered from a cache.
  while (fresh.size < (WARM_UP + REQUESTS * REPEATS) * (COMPARE ? 2 : 1)) {
    fresh.add(`${words[Math.floor(random() * words.length)]} ${words[Math.floor(random() * words.length)]}`);
  }
  const urls = [...fresh].map((q) => `${URL_BASE}${URL_BASE.includes('?') ? '&' : '?'}q=${encodeURIComponent(q)}${EXTRA ? `&${EXTRA}` : ''}`);
  const here = path.resolve(import.meta.dirname, '../..');
  const apps = [{ name: 'this checkout', app: await appFrom(here, source, dir), runs: [] as number[] }];
  if (COMPARE) apps.unshift({ name: COMPARE, app: await appFrom(COMPARE, source, dir), runs: [] });
  let next = 0;
  const take = (n: number) => urls.slice(next, (next += n));
  for (const a of apps) await cpuPerRequest(a.app, take(WARM_UP));
  const session = PROFILE ? new Session() : null;
  for (let r = 0; r < REPEATS; r++) {
    for (const a of apps) {
      const profiled = session !== null && a === apps[apps.length - 1];
      if (profiled) {
        session.connect();
        await session.post('Profiler.enable');
        await session.post('Profiler.start');
      }
      a.runs.push(await cpuPerRequest(a.app, take(REQUESTS)));
      if (profiled) {
        const { profile } = await session.post('Profiler.stop');
        session.disconnect();
        if (r === 0) {
          fs.writeFileSync(PROFILE!, JSON.stringify(profile));
          console.log(topSelfTime(profile));
        }
      }
    }
  }
  console.log(`${REQUESTS} new queries per repeat, ${REPEATS} repeats, ${URL_BASE}${EXTRA ? ` with ${EXTRA}` : ''}, ${words.length} words, load ${os.loadavg()[0]?.toFixed(1)}; CPU ms per request:`);
  for (const a of apps) console.log(`${a.name}: median ${median(a.runs).toFixed(2)} (${a.runs.map((v) => v.toFixed(2)).join(', ')})`);
  if (COMPARE) {
    // Each repeat's two runs are neighbours in time, so their ratio is less exposed to the machine's load than the two medians.
    const ratios = apps[1]!.runs.map((v, i) => v / apps[0]!.runs[i]!);
    console.log(`this checkout / ${COMPARE}, median of the repeats' ratios: ${median(ratios).toFixed(3)}`);
  }
  for (const a of apps) await a.app.close();
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
