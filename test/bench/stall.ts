/**
 * Does anything stall the server? A server on 100,000 synthetic records (its own process, as in
 * production) under a steady search load, and a probe on /healthz, in three runs: the load alone
 * (baseline); the load while an ingest is published and the server swaps in the new data; the
 * load while ten whole-database exports are read as fast as the client can. p99 of /healthz and
 * of search per run, side by side. Target: p99 < 100 ms during both.
 *
 *   npx tsx test/bench/stall.ts [--records 100000] [--seconds 20] [--phases baseline,ingest,exports] [--profile DIR]
 *
 * --phases runs only the named runs; --profile DIR has the server write a CPU profile of its whole
 * life (node --cpu-prof) into DIR, to read with any .cpuprofile viewer.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ROOT } from '../../server/config.ts';
import { readGold } from '../helpers/gold.ts';
import { makeNviPdf } from '../helpers/nvi-pdf.ts';
import { makeDb } from './export.ts';
import { startServerProcess } from '../helpers/server-process.ts';

/** Requests per second of the steady load: well below what the server can do, so queues do not build up on their own. */
const SEARCH_RATE = 40;
const HEALTH_RATE = 20;
/** After the new data is served, keep measuring this long (the old snapshot is let go meanwhile). */
const SETTLE_MS = 3000;
const TARGET_P99_MS = 100;
/** The ingest's scheduling priority (nice value), as advised for a host shared with the server. */
const INGEST_NICE = 10;

interface Phase {
  name: string;
  seconds: number;
  health: { p50: number; p99: number; max: number; requests: number; errors: number };
  search: { p50: number; p99: number; max: number; requests: number; errors: number };
  note: string;
}

/** Searches nobody made before (two words from the records), so each one is computed, never cached. */
function freshSearches(): () => string {
  const words = [...new Set(readGold().flatMap((r) => r.question.toLowerCase().match(/\p{L}{5,}/gu) ?? []))];
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  return () => `/api/search?q=${encodeURIComponent(`${words[Math.floor(random() * words.length)]} ${words[Math.floor(random() * words.length)]}`)}`;
}

/** Latencies of one paced stream of requests, measured from the moment each was due. */
interface Stream {
  stop(): void;
  done: Promise<{ p50: number; p99: number; max: number; requests: number; errors: number }>;
}

/**
 * Requests at evenly spaced moments (every 1/rate s), over at most `sockets` kept-alive
 * connections, whatever the answers take (an open load, like users arriving). Latency counts
 * from the moment a request was due, so time it waited for a free connection counts too.
 * (autocannon's overallRate is not this: each connection sends its share of a second back to
 * back at the start of the second, so all searches arrive in one burst per second, and its
 * correction for coordinated omission adds a sample for every millisecond of a slow answer.)
 */
function pacedStream(base: string, rate: number, sockets: number, nextPath: () => string): Stream {
  const agent = new http.Agent({ keepAlive: true, maxSockets: sockets });
  const latencies: number[] = [];
  const inFlight = new Set<Promise<void>>();
  let errors = 0;
  let stopped = false;
  const interval = 1000 / rate;
  const t0 = performance.now();
  let sent = 0;
  const send = (due: number) => {
    const request = new Promise<void>((resolve) => {
      const req = http.get(`${base}${nextPath()}`, { agent, timeout: 60_000 }, (res) => {
        res.resume();
        res.on('end', () => {
          if (res.statusCode === 200) latencies.push(performance.now() - due);
          else errors++;
          resolve();
        });
        res.on('error', () => (errors++, resolve()));
      });
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.on('error', () => (errors++, resolve()));
    });
    inFlight.add(request);
    void request.then(() => inFlight.delete(request));
  };
  let wake: () => void = () => {};
  const done = (async () => {
    while (!stopped) {
      const now = performance.now();
      while (t0 + sent * interval <= now) send(t0 + sent++ * interval);
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, Math.max(0, t0 + sent * interval - performance.now()));
      });
    }
    await Promise.all(inFlight);
    agent.destroy();
    latencies.sort((a, b) => a - b);
    const at = (q: number) => Math.round((latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN) * 10) / 10;
    return { p50: at(0.5), p99: at(0.99), max: at(1), requests: latencies.length + errors, errors };
  })();
  return {
    stop: () => ((stopped = true), wake()),
    done,
  };
}

/** Runs the steady load until `during` resolves (or for `seconds` when it is a number). */
async function measure(base: string, name: string, during: number | (() => Promise<string>)): Promise<Phase> {
  const nextSearch = freshSearches();
  const started = performance.now();
  const search = pacedStream(base, SEARCH_RATE, 8, nextSearch);
  const health = pacedStream(base, HEALTH_RATE, 2, () => '/healthz');
  const note = typeof during === 'number' ? (await new Promise((r) => setTimeout(r, during * 1000)), '') : await during();
  search.stop();
  health.stop();
  const [s, h] = await Promise.all([search.done, health.done]);
  return { name, seconds: (performance.now() - started) / 1000, search: s, health: h, note };
}

async function generation(base: string): Promise<number> {
  return ((await (await fetch(`${base}/healthz`)).json()) as { generation: number }).generation;
}

/** Ingests a new NvI with the ingest command, then waits until the server serves it. */
function publishIngest(base: string, dbPath: string, pdfPath: string): () => Promise<string> {
  return async () => {
    const before = await generation(base);
    const t0 = performance.now();
    const child = spawn(process.execPath, ['--import', 'tsx', 'ingest/cli/ingest.ts', '--db', dbPath, '--quiet', pdfPath], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    // At low priority, as docs/operations.md advises on a host the server shares: parsing and
    // indexing then take the CPU the server leaves.
    if (child.pid) os.setPriority(child.pid, INGEST_NICE);
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    if (code !== 0) throw new Error(`ingest failed (${code}): ${out}`);
    const committed = performance.now();
    while ((await generation(base)) === before) await new Promise((r) => setTimeout(r, 100));
    const served = performance.now();
    await new Promise((r) => setTimeout(r, SETTLE_MS));
    return `ingest ${((committed - t0) / 1000).toFixed(1)} s (parse, index of every record, commit), server serving it ${((served - committed) / 1000).toFixed(1)} s later`;
  };
}

/** Ten exports of every record at once, each read as fast as the client can. */
function tenExports(base: string): () => Promise<string> {
  return async () => {
    const t0 = performance.now();
    const sizes = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        new Promise<number>((resolve, reject) => {
          http.get(`${base}/export.${['csv', 'json'][i % 2]}?nota=synthetisch`, (res) => {
            if (res.statusCode !== 200) reject(new Error(`export: ${res.statusCode}`));
            let n = 0;
            res.on('data', (c: Buffer) => (n += c.length));
            res.on('end', () => resolve(n));
          }).on('error', reject);
        }),
      ),
    );
    const mib = sizes.reduce((a, b) => a + b, 0) / 2 ** 20;
    return `10 exports (CSV and JSON, every record), ${mib.toFixed(0)} MiB in ${((performance.now() - t0) / 1000).toFixed(1)} s`;
  };
}

const PHASES = ['baseline', 'ingest', 'exports'] as const;

export async function runStallBench(options: { records?: number; seconds?: number; phases?: string[]; profileDir?: string } = {}): Promise<string> {
  const records = options.records ?? 100_000;
  const seconds = options.seconds ?? 20;
  const phases = options.phases ?? [...PHASES];
  const unknown = phases.filter((p) => !(PHASES as readonly string[]).includes(p));
  if (unknown.length) throw new Error(`unknown phase ${unknown.join(', ')} (one of ${PHASES.join(', ')})`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nvi-bench-stall-'));
  try {
    process.stderr.write(`stall: building a database of ${records} records…\n`);
    const dbPath = makeDb(dir, records);
    const pdfPath = path.join(dir, 'nvi-nieuw.pdf');
    fs.writeFileSync(pdfPath, (await makeNviPdf({ seed: 5, rows: 200 })).pdf);
    const nodeOptions = options.profileDir ? ['--cpu-prof', '--cpu-prof-dir', path.resolve(options.profileDir)] : [];
    const server = await startServerProcess(dbPath, { NODE_ENV: 'production', EXPORT_RATE_LIMIT: '100000' }, { keepLog: false, nodeOptions });
    const base = server.base;
    try {
      // Warm up: first searches compile code paths.
      await measure(base, 'warm-up', 3);
      const runs: Phase[] = [];
      if (phases.includes('baseline')) {
        process.stderr.write('stall: baseline…\n');
        runs.push(await measure(base, 'steady load alone (baseline)', seconds));
      }
      if (phases.includes('ingest')) {
        process.stderr.write('stall: during an ingest…\n');
        runs.push(await measure(base, 'while an ingest is published and swapped in', publishIngest(base, dbPath, pdfPath)));
      }
      if (phases.includes('exports')) {
        process.stderr.write('stall: during ten exports…\n');
        runs.push(await measure(base, 'while ten exports run', tenExports(base)));
      }
      const ok = (p: Phase) => (p.health.p99 < TARGET_P99_MS && p.search.p99 < TARGET_P99_MS ? 'yes' : 'no');
      return [
        `${records.toLocaleString('en')} synthetic records; steady load: fresh two-word searches at ${SEARCH_RATE}/s (at most 8 connections) and /healthz at ${HEALTH_RATE}/s (at most 2), ` +
          `evenly spaced, latency from the moment each was due; load generator in the benchmark process, server in its own, both on this ${os.availableParallelism()}-core machine ` +
          `(load average ${os.loadavg().map((l) => l.toFixed(1)).join(', ')} at the end). The ingest runs at nice ${INGEST_NICE}. Target: p99 < ${TARGET_P99_MS} ms during both events.`,
        '',
        '| run | s | /healthz p50 ms | /healthz p99 ms | /healthz max ms | search p50 ms | search p99 ms | search max ms | requests | errors | p99 < 100 ms | what ran |',
        '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |',
        ...runs.map(
          (p) =>
            `| ${p.name} | ${p.seconds.toFixed(0)} | ${p.health.p50} | ${p.health.p99} | ${p.health.max} | ${p.search.p50} | ${p.search.p99} | ${p.search.max} | ${p.health.requests + p.search.requests} | ${p.health.errors + p.search.errors} | ${ok(p)} | ${p.note || '–'} |`,
        ),
      ].join('\n');
    } finally {
      await server.stop();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const { values } = parseArgs({ options: { records: { type: 'string' }, seconds: { type: 'string' }, phases: { type: 'string' }, profile: { type: 'string' } } });
  console.log(
    await runStallBench({
      records: Number(values.records ?? 100_000),
      seconds: Number(values.seconds ?? 20),
      phases: values.phases?.split(','),
      profileDir: values.profile,
    }),
  );
}
