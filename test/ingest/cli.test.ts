import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { emptyPdf, encryptedPdf, htmlAsPdf, imageOnlyPdf, manyPagesPdf, noTablePdf, truncatedPdf, zeroedXrefPdf } from '../helpers/bad-pdfs.ts';
import { CSV_COLUMNS } from '../../server/export/format.ts';
import { runCli } from '../helpers/cli.ts';
import { BORDERED_PDF, readGold } from '../helpers/gold.ts';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nvi-cli-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function file(name: string, data: Buffer | string): string {
  const p = path.join(dir, name);
  fs.writeFileSync(p, data);
  return p;
}

/** Everything a failed ingest must not touch, byte for byte where it matters. */
function state(dbPath: string) {
  const db = new Database(dbPath, { readonly: true });
  try {
    return {
      notas: db.prepare('SELECT * FROM nota ORDER BY id').all(),
      qa: db.prepare('SELECT count(*) AS n, sum(length(answer)) AS len FROM qa').get(),
      generation: db.prepare(`SELECT value FROM meta WHERE key = 'generation'`).pluck().get(),
      index: fs.existsSync(`${dbPath}.search.json`) ? fs.statSync(`${dbPath}.search.json`).mtimeMs : null,
    };
  } finally {
    db.close();
  }
}

describe('npm run parse', () => {
  it('prints one JSON object per record on stdout and writes nothing', () => {
    const before = fs.readdirSync(dir);
    const r = runCli('parse', [BORDERED_PDF]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(readGold().length);
    expect(Object.keys(lines[0]!)).toEqual(['vid', 'document', 'paragraph', 'question', 'answer', 'pageStart', 'pageEnd', 'seq', 'documentKey', 'paragraphKey']);
    expect(lines[0]).toMatchObject({ vid: 'VID-0012', pageStart: 2, seq: 1 });
    expect(fs.readdirSync(dir)).toEqual(before);
  });

  it('fails with one line naming the file and the reason', () => {
    const bad = file('page.pdf', htmlAsPdf());
    const r = runCli('parse', [bad]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toEqual([`error: ${bad}: not a PDF: no %PDF- signature at the start of the file`]);
  });

  it('gives up at the time limit', () => {
    const r = runCli('parse', ['--timeout', '0.05', BORDERED_PDF]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/parsing took longer than 0\.1 s|parsing took longer than 0\.0 s/);
  });

  it('rejects wrong usage with exit code 2', () => {
    expect(runCli('parse', []).code).toBe(2);
    expect(runCli('parse', ['--frobnicate', BORDERED_PDF]).stderr).toMatch(/Unknown option '--frobnicate'/);
  });
});

describe('npm run ingest', () => {
  let dbPath: string;
  beforeAll(() => {
    dbPath = path.join(dir, 'nvi.db');
    fs.copyFileSync(inject('testDbPath'), dbPath);
    fs.copyFileSync(`${inject('testDbPath')}.search.json`, `${dbPath}.search.json`);
  });

  it('ingests into a new database and prints a summary; the same file again is a no-op', () => {
    const fresh = path.join(dir, 'fresh.db');
    const first = runCli('ingest', ['--db', fresh, BORDERED_PDF]);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/nvi-2021-2023\.pdf: created "nvi-2021-2023" — 512 records, 117 pages, \d+\.\d s \(parse \d+\.\d\d s, store \d+\.\d\d s, search index \d+\.\d\d s\)\n/);
    expect(first.stdout).toMatch(/search index: 512 records/);
    const before = state(fresh);
    const again = runCli('ingest', ['--db', fresh, BORDERED_PDF]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/unchanged \(already ingested as "nvi-2021-2023", 512 records\)/);
    expect(state(fresh)).toEqual(before);
  });

  it.each([
    ['an empty file', 'empty.pdf', () => emptyPdf(), 'not a PDF: the file is empty'],
    ['a web page saved as .pdf', 'html.pdf', () => htmlAsPdf(), 'not a PDF: no %PDF- signature'],
    ['a truncated PDF', 'truncated.pdf', () => truncatedPdf(200_000), 'truncated or corrupt'],
    ['a PDF with a zeroed xref table', 'xref.pdf', () => zeroedXrefPdf(), null],
    ['a password-protected PDF', 'locked.pdf', () => encryptedPdf(), 'password-protected'],
    ['a scan without a text layer', 'scan.pdf', () => imageOnlyPdf(), 'no text layer'],
    ['a PDF without an NvI table', 'letter.pdf', () => noTablePdf(), 'no NvI table found'],
    ['a PDF with too many pages', 'huge.pdf', () => manyPagesPdf(6000), 'too many pages: 6000'],
  ])('refuses %s with a clear error, exit code 1 and the database untouched', async (_name, name, make, reason) => {
    const bad = file(name, await make());
    const before = state(dbPath);
    const r = runCli('ingest', ['--db', dbPath, bad]);
    const after = state(dbPath);
    expect(after).toEqual(before);
    if (reason === null) {
      // pdf.js may rebuild a damaged xref from the objects; then the file parses in full.
      if (r.code === 0) return;
    }
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^error: ${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?: \\(page \\d+\\))?: `));
    if (reason) expect(lines[0]).toContain(reason);
  });

  it('says which file does not exist', () => {
    const r = runCli('ingest', ['--db', dbPath, path.join(dir, 'nope.pdf')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${path.join(dir, 'nope.pdf')}: no such file`);
  });

  it('rejects wrong usage with exit code 2', () => {
    expect(runCli('ingest', ['--db', dbPath]).code).toBe(2);
    expect(runCli('ingest', ['--db', dbPath, '--timeout', 'soon', BORDERED_PDF]).stderr).toMatch(/--timeout must be a number of seconds/);
  });
});

describe('npm run export', () => {
  it('writes the same CSV as the web export, to a file or stdout', () => {
    const db = inject('testDbPath');
    const out = path.join(dir, 'out.csv');
    const r = runCli('export', ['--db', db, '--q', 'kwaliteitsbudget', '--out', out]);
    expect(r.code).toBe(0);
    const csv = fs.readFileSync(out, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.split('\r\n')[0]).toBe(`\ufeff${CSV_COLUMNS.join(';')}`);
    const json = runCli('export', ['--db', db, '--document', 'bijlage-4-addendum-kwaliteitsbudget', '--format', 'json']);
    expect((JSON.parse(json.stdout) as unknown[]).length).toBe(14);
    // Facet flags repeat as the web's keys do: OR within one.
    const two = runCli('export', ['--db', db, '--document', 'bijlage-4-addendum-kwaliteitsbudget', '--document', 'bijlage-5-declaratieprotocol-wlz', '--format', 'json', '--sort', 'table']);
    const records = JSON.parse(two.stdout) as Array<{ document: string }>;
    expect(records.length).toBeGreaterThan(14);
    expect(new Set(records.map((r) => r.document)).size).toBe(2);
  });

  it('names the flag that is wrong', () => {
    const r = runCli('export', ['--db', inject('testDbPath'), '--document', 'onbekend']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: --document: unknown document "onbekend"/);
    expect(runCli('export', ['--db', inject('testDbPath'), '--format', 'xlsx']).stderr).toMatch(/--format must be csv, json or jsonl/);
    expect(runCli('export', ['--db', inject('testDbPath'), '--sort', 'oldest']).stderr).toMatch(/--sort must be relevance, newest or table/);
    expect(runCli('export', ['--db', inject('testDbPath'), '--sector', 'XX']).stderr).toMatch(/^error: --sector: unknown sector "XX"/);
  });
});
