/**
 * Memory of PDF downloads: a database holding one large source PDF, served by the real server;
 * 40 clients start downloading it and read nothing more (slow clients). The server's RSS is read
 * from /proc before and while they hang on.
 *
 *   npx tsx test/bench/pdf-memory.ts
 */
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../../core/store/database.ts';
import { writeNota } from '../../core/store/write-nota.ts';
import { refreshIndexFile } from '../../core/publish/publish.ts';
import { ROOT } from '../../server/config.ts';
import { synthetic } from './export.ts';

const PDF_MIB = 50;
const CLIENTS = 40;
/** How long the clients hang on before the server's memory is read. */
const HOLD_MS = 3000;

function rssMiB(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

export async function runPdfMemoryBench(): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nvi-bench-pdf-'));
  const dbPath = path.join(dir, 'nvi.db');
  const db = openDatabase(dbPath);
  const pdf = crypto.randomBytes(PDF_MIB * 2 ** 20);
  const records = synthetic(100);
  writeNota(db, { title: 'Groot', published: null, pageCount: 20, records, warnings: [], columns: [] }, { slug: 'groot', title: 'Groot', sourceFile: 'groot.pdf', sha256: 'bench-groot', pdf });
  refreshIndexFile(db, `${dbPath}.search.json`);
  db.close();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', '--port', '0', '--db', dbPath, '--no-ingest'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  const sockets: http.ClientRequest[] = [];
  try {
    const port = await new Promise<number>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /listening at http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
        if (m) resolve(Number(m[1]));
      });
      child.on('exit', (code) => reject(new Error(`server exited ${code}`)));
    });
    await new Promise((r) => setTimeout(r, 500));
    const before = rssMiB(child.pid!);
    let peak = before;
    const statuses = await Promise.all(
      Array.from({ length: CLIENTS }, () =>
        new Promise<number>((resolve, reject) => {
          const req = http.get(`http://127.0.0.1:${port}/bron/groot.pdf`, (res) => {
            res.pause(); // a slow client: takes the headers, then reads nothing
            resolve(res.statusCode ?? 0);
          });
          req.on('error', reject);
          sockets.push(req);
        }),
      ),
    );
    const until = Date.now() + HOLD_MS;
    while (Date.now() < until) {
      peak = Math.max(peak, rssMiB(child.pid!));
      await new Promise((r) => setTimeout(r, 50));
    }
    return [
      `One ${PDF_MIB} MiB source PDF; ${CLIENTS} clients start downloading /bron/groot.pdf (status ${[...new Set(statuses)].join(', ')}) and then read nothing; the server's RSS from /proc, sampled every 50 ms for ${HOLD_MS / 1000} s.`,
      '',
      '| server RSS before MiB | peak RSS with the clients hanging on MiB | growth MiB | growth per client MiB |',
      '| ---: | ---: | ---: | ---: |',
      `| ${before.toFixed(0)} | ${peak.toFixed(0)} | +${(peak - before).toFixed(0)} | ${((peak - before) / CLIENTS).toFixed(2)} |`,
    ].join('\n');
  } finally {
    for (const s of sockets) s.destroy();
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  console.log(await runPdfMemoryBench());
}
