import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { indexPathFor } from '../../core/config.ts';
import { publishChange } from '../../core/publish/publish.ts';
import { MIGRATIONS, openDatabase, type Db } from '../../core/store/database.ts';
import { createQaRepository } from '../../core/store/qa-repository.ts';
import { diffWords } from '../../core/text/word-diff.ts';
import { publishNota, type RecordInput } from '../helpers/records.ts';

/**
 * Two sibling NvIs of one round (GGZ and GZ), as the care office writes them: some questions
 * copied with the same answer, one copied with an edited answer, the rest each NvI's own.
 */
const TARIFF_ANSWER = 'De tariefpercentages zijn bepaald volgens de methodiek die in bijlage 7 van het inkoopbeleid is toegelicht.';
const PUBLISH_BEFORE = 'Het voorschrift wordt in december gepubliceerd op de website van het zorgkantoor.';
const PUBLISH_AFTER = 'Het voorschrift wordt in maart gepubliceerd op de website van de NZa.';

const GGZ: RecordInput[] = [
  { vid: 'G-1', question: 'Hoe is het tarief voor Wlz-Wonen in de GGZ tot stand gekomen?', answer: TARIFF_ANSWER },
  { vid: 'G-2', question: 'Wanneer wordt Bijlage 6 Voorschrift zorgtoewijzing gepubliceerd?', answer: PUBLISH_BEFORE },
  { vid: 'G-3', question: 'Mag een aanbieder ambulante begeleiding in onderaanneming laten uitvoeren?', answer: 'Ja, mits de hoofdaannemer verantwoordelijk blijft voor de kwaliteit van de zorg.' },
  // The same question twice in one NvI: never a link, that is what the answer groups are for.
  { vid: 'G-4', question: 'Hoe verloopt de declaratie van logeeropvang in het nieuwe jaar?', answer: 'Via het declaratieprotocol van de zorgkantoren, zoals in voorgaande jaren.' },
  { vid: 'G-5', question: 'Hoe verloopt de declaratie van logeeropvang in het nieuwe jaar?', answer: 'Via het declaratieprotocol van de zorgkantoren, zoals in voorgaande jaren.' },
];
const GZ: RecordInput[] = [
  { vid: 'Z-1', question: 'Hoe is het tarief voor Wlz-Wonen in de gehandicaptenzorg tot stand gekomen?', answer: TARIFF_ANSWER },
  { vid: 'Z-2', question: 'Wanneer wordt Bijlage 6 Voorschrift zorgtoewijzing gepubliceerd?', answer: PUBLISH_AFTER },
  { vid: 'Z-3', question: 'Welke eisen gelden voor de personeelssamenstelling bij logeerzorg voor kinderen?', answer: 'Die staan in het kwaliteitskader gehandicaptenzorg, hoofdstuk 3.' },
];
const series = (sector: string) => ({ description: { publisher: 'Zilveren Kruis', sector, round: '2024-2026', sequence: 1 } });

let dir: string;
let dbPath: string;
let db: Db;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nvi-elsewhere-'));
  dbPath = path.join(dir, 'nvi.db');
  publishNota(dbPath, 'nvi-ggz-1', GGZ, series('GGZ'));
  publishNota(dbPath, 'nvi-gz-1', GZ, series('GZ'));
  db = openDatabase(dbPath);
});
afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

interface Link {
  from: string;
  to: string;
  relation: string;
  fromNota: string;
  toNota: string;
}

/** Every stored link, by slug and id, so the assertions read like the fixture. */
function links(): Link[] {
  return db
    .prepare(
      `SELECT f.vid AS "from", t.vid AS "to", e.relation, fn.slug AS fromNota, tn.slug AS toNota
       FROM qa_elsewhere e JOIN qa f ON f.id = e.from_qa JOIN qa t ON t.id = e.to_qa
       JOIN nota fn ON fn.id = f.nota_id JOIN nota tn ON tn.id = t.nota_id ORDER BY f.vid, t.vid`,
    )
    .all() as Link[];
}

const pairs = (ls: Link[]) => ls.map((l) => `${l.from}→${l.to} ${l.relation}`);

describe('the same question elsewhere, stored at publish', () => {
  it('links a copied question with the same answer and one with an edited answer, both ways, never inside one NvI', () => {
    expect(pairs(links())).toEqual([
      'G-1→Z-1 same-answer',
      'G-2→Z-2 different-answer',
      'Z-1→G-1 same-answer',
      'Z-2→G-2 different-answer',
    ]);
    expect(links().every((l) => l.fromNota !== l.toNota)).toBe(true);
  });

  it('is read through the store, among the notas a snapshot serves, and the diff marks exactly the edited words', () => {
    const repo = createQaRepository(db);
    const notas = repo.activeNotas();
    const ids = notas.map((n) => n.id);
    const ggz = notas.find((n) => n.slug === 'nvi-ggz-1')!;
    const gz = notas.find((n) => n.slug === 'nvi-gz-1')!;
    const g2 = repo.byVid([ggz.id], 'G-2')[0]!;
    const [other, ...rest] = repo.elsewhere(g2.id, ids);
    expect(rest).toEqual([]);
    expect(other).toMatchObject({ vid: 'Z-2', notaId: gz.id, relation: 'different-answer', answer: PUBLISH_AFTER });
    expect(other!.similarity).toBeGreaterThan(0.99);
    expect(diffWords(g2.answer, other!.answer).filter((p) => p.op !== 'same')).toEqual([
      { op: 'removed', text: 'december' },
      { op: 'added', text: 'maart' },
      { op: 'removed', text: 'het zorgkantoor.' },
      { op: 'added', text: 'de NZa.' },
    ]);
    // A snapshot that does not serve the GZ NvI sees no link into it.
    expect(repo.elsewhere(g2.id, [ggz.id])).toEqual([]);
  });

  it('recomputes the links when an NvI is replaced by a new edition', () => {
    const before = db.prepare(`SELECT id FROM qa WHERE vid = 'Z-1'`).pluck().get() as number;
    db.close();
    // The new GZ edition drops the copied tariff question and answers the publication question as GGZ does.
    const result = publishNota(dbPath, 'nvi-gz-1', [{ ...GZ[1]!, answer: PUBLISH_BEFORE }, GZ[2]!], series('GZ'));
    expect(result.result.status).toBe('replaced');
    expect(result.sameQuestionLinks).toBe(2);
    db = openDatabase(dbPath);
    expect(pairs(links())).toEqual(['G-2→Z-2 same-answer', 'Z-2→G-2 same-answer']);
    // Only the active edition is linked; the retired one keeps its rows but has no links.
    expect(links().every((l) => l.toNota === 'nvi-ggz-1' || l.fromNota === 'nvi-ggz-1')).toBe(true);
    expect(db.prepare(`SELECT count(*) FROM qa_elsewhere WHERE from_qa = ? OR to_qa = ?`).pluck().get(before, before)).toBe(0);
  });

  it('recomputes the links when an NvI is taken out, and a deleted record takes its links with it', () => {
    const published = publishChange(db, indexPathFor(dbPath), () => {
      db.prepare(`UPDATE nota SET active = 0 WHERE slug = 'nvi-gz-1'`).run();
      db.prepare(`UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'generation'`).run();
    });
    expect(published.sameQuestionLinks).toBe(0);
    expect(links()).toEqual([]);

    // Back in, then deleted outright: the cascade removes the links without a publish.
    publishChange(db, indexPathFor(dbPath), () => {
      db.prepare(`UPDATE nota SET active = 1 WHERE slug = 'nvi-gz-1'`).run();
      db.prepare(`UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'generation'`).run();
    });
    expect(links()).toHaveLength(4);
    db.prepare(`DELETE FROM nota WHERE slug = 'nvi-gz-1'`).run();
    expect(links()).toEqual([]);
  });

  it('leaves the links alone when a publish changes no data', () => {
    const before = links();
    const published = publishChange(db, indexPathFor(dbPath), () => undefined);
    expect(published.sameQuestionLinks).toBeNull();
    expect(links()).toEqual(before);
  });

  it('fills the links of a database made before they were stored, when it is upgraded', () => {
    const expected = links();
    db.exec('DROP TABLE qa_elsewhere');
    // Version 3: the last one before the links were stored (later steps run again too).
    db.pragma('user_version = 3');
    db.close();
    db = openDatabase(dbPath);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(links()).toEqual(expected);
  });
});
