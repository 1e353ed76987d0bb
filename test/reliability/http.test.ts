import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import Database from 'better-sqlite3';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import app from '../../server/app.ts';
import { DEFAULTS } from '../../server/config.ts';
import { serverOptions } from '../../server/server-options.ts';
import { ROOT } from '../helpers/cli.ts';

function copyDb(dir: string): string {
  const dbPath = path.join(dir, 'nvi.db');
  fs.copyFileSync(inject('testDbPath'), dbPath);
  fs.copyFileSync(`${inject('testDbPath')}.search.json`, `${dbPath}.search.json`);
  return dbPath;
}

describe('errors', () => {
  let fastify: FastifyInstance;
  let dir: string;
  const logs: string[] = [];
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nvi-http-'));
    const stream = new Writable({ write: (chunk, _enc, cb) => (logs.push(String(chunk)), cb()) });
    fastify = Fastify({ logger: { level: 'error', stream } });
    await fastify.register(app, { config: { ...DEFAULTS, dbPath: copyDb(dir), autoIngest: false, reloadIntervalMs: 0 } });
    // A route that fails the way a real bug would: with internals in the message.
    fastify.get('/api/kapot', async () => {
      throw new Error('SQLITE_ERROR: no such column: secret_column in SELECT * FROM qa');
    });
    fastify.get('/kapot', async () => {
      throw new Error('SQLITE_ERROR: no such column: secret_column in SELECT * FROM qa');
    });
    await fastify.ready();
  });
  afterAll(async () => {
    await fastify.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('logs a 5xx with the request and shows no internals, as JSON under /api', async () => {
    const res = await fastify.inject('/api/kapot?x=1');
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({ statusCode: 500, error: 'Internal Server Error', message: expect.any(String) });
    expect(res.body).not.toMatch(/SQL|secret|at .*\.ts/);
    const logged = logs.join('');
    expect(logged).toContain('secret_column');
    expect(logged).toContain('/api/kapot?x=1');
  });

  it('shows a friendly page without internals elsewhere', async () => {
    const res = await fastify.inject('/kapot');
    expect(res.statusCode).toBe(500);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toContain('Er ging iets mis');
    expect(res.body).not.toMatch(/SQL|secret/);
  });

  it('passes 4xx through: unknown paths, methods without a route', async () => {
    expect((await fastify.inject('/api/onbekend')).json()).toMatchObject({ statusCode: 404 });
    const post = await fastify.inject({ method: 'POST', url: '/api/search', payload: { q: 'x' } });
    expect(post.statusCode).toBe(404);
    expect(post.json()).toMatchObject({ statusCode: 404 });
  });
});

describe('a running server', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nvi-srv-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('sets request and connection timeouts and a body limit', () => {
    const options = serverOptions({ ...DEFAULTS, requestTimeoutMs: 15_000 });
    expect(options).toMatchObject({ requestTimeout: 15_000, connectionTimeout: 30_000, bodyLimit: 16 * 1024 });
  });

  it('drops a client that never finishes its request (slowloris) at the request timeout', async () => {
    const fastify = Fastify(serverOptions({ ...DEFAULTS, requestTimeoutMs: 1000, logLevel: 'silent' }));
    await fastify.register(app, { config: { ...DEFAULTS, dbPath: copyDb(dir), autoIngest: false, reloadIntervalMs: 0, logLevel: 'silent' } });
    await fastify.listen({ port: 0, host: '127.0.0.1' });
    try {
      const port = (fastify.server.address() as net.AddressInfo).port;
      const reply = await new Promise<string>((resolve) => {
        const socket = net.connect(port, '127.0.0.1', () => socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\n'));
        let data = '';
        socket.on('data', (d) => (data += d.toString()));
        socket.on('close', () => resolve(data));
      });
      // Closed by the idle timeout, or answered 408 by the request timeout, whichever Node checks first.
      // That the socket closed at all is the point; how soon depends on how busy the machine is.
      expect(reply === '' || reply.startsWith('HTTP/1.1 408')).toBe(true);
    } finally {
      await fastify.close();
    }
  });

  it('on SIGTERM lets in-flight requests finish, then closes the database and exits 0', async () => {
    const dbPath = copyDb(dir);
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', '--port', '0', '--db', dbPath, '--no-ingest'], {
      cwd: ROOT,
      env: { ...process.env, EXPORT_RATE_LIMIT: '1000', LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    const port = await new Promise<number>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        log += d.toString();
        const m = /listening at http:\/\/127\.0\.0\.1:(\d+)/.exec(log);
        if (m) resolve(Number(m[1]));
      });
      child.on('exit', (code) => reject(new Error(`server exited (${code}): ${log}`)));
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    const url = `http://127.0.0.1:${port}/export.csv?nota=nvi-2021-2023`;
    // In flight: every response has started (headers received), none has been read to the end.
    const started = await Promise.all(Array.from({ length: 12 }, () => fetch(url)));
    child.kill('SIGTERM');
    const responses = await Promise.all(started.map(async (r) => ({ status: r.status, body: await r.text() })));
    for (const r of responses) {
      expect(r.status).toBe(200);
      expect(r.body.split('\r\n').filter((l) => /^VID-\d{4};/.test(l)).length).toBeGreaterThan(500);
    }
    expect(await exited).toBe(0);
    expect(log).toMatch(/shutting down/);
    const db = new Database(dbPath, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
    // New connections are refused once it has gone.
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
  });
});
