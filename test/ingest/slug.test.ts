import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slugCollisions, slugForFile, slugProblem, SLUG_RULE } from '../../core/text/keys.ts';
import { runCli } from '../helpers/cli.ts';

describe('a slug given by hand', () => {
  it.each(['', '<b>x</b>', 'a b/c?d#e', '-start', '.start', 'x'.repeat(SLUG_RULE.maxLength + 1), 'nvi\u0000'])('%j is refused with a reason', (slug) => {
    expect(slugProblem(slug)).toEqual(expect.any(String));
  });

  it.each(['nvi-2024-2026', 'NvI_GGZ.2024', 'zörg-1'])('%j is accepted', (slug) => {
    expect(slugProblem(slug)).toBeNull();
  });

  it('a slug made from any file name is accepted', () => {
    for (const name of ['NvI 2024–2026 (def).pdf', '<b>.pdf', '....pdf', '#?.pdf', `${'lang '.repeat(60)}.pdf`, 'ÉÉN.PDF']) {
      expect(slugProblem(slugForFile(name)), name).toBeNull();
    }
  });
});

describe('ingest --slug', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nvi-slug-'));
    fs.writeFileSync(path.join(dir, 'a.pdf'), '%PDF-1.4 not really');
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it.each(['', '<b>', 'a b/c?d#e'])('%j is a usage error naming the flag, before anything is written', (slug) => {
    const dbPath = path.join(dir, 'nvi.db');
    const r = runCli('ingest', ['--db', dbPath, '--slug', slug, path.join(dir, 'a.pdf')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: --slug /);
    expect(fs.existsSync(dbPath)).toBe(false);
  });
});

describe('files whose names give one slug', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nvi-clash-'));
    for (const name of ['NvI 2024.pdf', 'nvi-2024.pdf', 'other.pdf']) fs.writeFileSync(path.join(dir, name), 'not a pdf');
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('are found, in name order', () => {
    const files = ['nvi-2024.pdf', 'other.pdf', 'NvI 2024.pdf'].map((f) => path.join(dir, f));
    expect(slugCollisions(files)).toEqual([{ slug: 'nvi-2024', files: [path.join(dir, 'NvI 2024.pdf'), path.join(dir, 'nvi-2024.pdf')] }]);
  });

  it('are reported by the ingest with both names; the second is skipped, not silently', () => {
    const [first, second, other] = ['NvI 2024.pdf', 'nvi-2024.pdf', 'other.pdf'].map((f) => path.join(dir, f));
    const r = runCli('ingest', ['--db', path.join(dir, 'nvi.db'), '--quiet', second!, other!, first!]);
    expect(r.code).toBe(1);
    const clash = r.stderr.split('\n').filter((l) => l.includes('nvi-2024'));
    expect(clash).toHaveLength(1);
    expect(clash[0]).toContain(first);
    expect(clash[0]).toContain(second);
    expect(clash[0]).toMatch(/skipped/);
    // The first of the two and the unrelated file were still tried (they are no PDFs: one error each).
    expect(r.stderr).toContain(`error: ${first}:`);
    expect(r.stderr).toContain(`error: ${other}:`);
  });
});
