import type { FastifyInstance } from 'fastify';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indexPathFor } from '../../core/config.ts';
import { openDatabase } from '../../core/store/database.ts';
import { createQaRepository } from '../../core/store/qa-repository.ts';
import { groupKeyOf } from '../../server/loaders/answer-groups.ts';
import type { SearchResponse, SearchResult } from '../../server/loaders/search.ts';
import { loadSnapshot, loadSnapshotOffThread, type Snapshot } from '../../server/snapshot/snapshot.ts';
import { buildTestApp } from '../helpers/app.ts';
import { getJson } from '../helpers/inject.ts';
import { publishNota, type RecordInput } from '../helpers/records.ts';

/**
 * "Same answer, shown once" on a small constructed data set beside the bundled NvI: three sibling
 * NvIs (GGZ, GZ, VV) whose questions all contain a word the bundled NvI lacks. One answer is given
 * to three questions and, with its last word changed, to a fourth; another to two; three stand alone.
 */
const WORD = 'zwaluwstaartverbinding';
const STANDARD =
  'Het zorgkantoor beoordeelt elke aanvraag afzonderlijk en neemt daarbij de regionale situatie, de beschikbare ' +
  'contracteerruimte, de kwaliteit van de geleverde zorg en de afspraken uit het inkoopbeleid mee; een vooraf ' +
  'vastgesteld maximum is er niet, en wij maken de uitkomst binnen zes weken schriftelijk bekend aan de zorgaanbieder';
const STANDARD_EDITED = STANDARD.replace(/zorgaanbieder$/, 'aanbieder');
const SECOND = 'Deze vraag is beantwoord in paragraaf 3.4 van het inkoopbeleid, waar de voorwaarden voor onderaanneming staan beschreven.';

const THIRD = 'Ja, de regeling geldt voor alle vormen van zorg die in de overeenkomst met het zorgkantoor zijn opgenomen.';

const q = (text: string) => `${text} (${WORD})`;
const GGZ: RecordInput[] = [
  { vid: 'G-1', question: q(`Hoe beoordeelt u een aanvraag voor extra ${WORD} plekken?`), answer: STANDARD },
  { vid: 'G-2', question: q('Is er een maximum aan de groei?'), answer: STANDARD },
  { vid: 'G-3', question: q('Wanneer verschijnt de zorgatlas?'), answer: 'De zorgatlas verschijnt in het voorjaar op onze website voor alle zorgaanbieders in de regio.' },
];
const GZ: RecordInput[] = [
  { vid: 'Z-1', question: q('Hoe lang duurt de beoordeling van een aanvraag?'), answer: STANDARD },
  { vid: 'Z-2', question: q('Mag ik onderaannemers inzetten?'), answer: SECOND },
  { vid: 'Z-3', question: q('Hoe vaak is er overleg met het zorgkantoor?'), answer: 'Wij spreken elke zorgaanbieder ten minste één keer per jaar over de gemaakte afspraken en de voortgang.' },
];
const VV: RecordInput[] = [
  { vid: 'V-1', question: q('Welke criteria gelden voor uitbreiding?'), answer: STANDARD_EDITED },
  { vid: 'V-2', question: q('Welke voorwaarden gelden voor onderaanneming?'), answer: SECOND },
  { vid: 'V-3', question: q('Komt er een nieuwe tariefsystematiek?'), answer: 'Nee, de tariefsystematiek blijft in de hele looptijd van het inkoopbeleid ongewijzigd van kracht.' },
];
const description = (sector: string) => ({ description: { publisher: 'Zorgkantoor Test', sector, round: '2024-2026', sequence: 1 } });

let app: FastifyInstance;
beforeAll(async () => {
  app = await buildTestApp(
    {},
    {
      prepare: (db) => {
        publishNota(db, 'nvi-a-ggz', GGZ, description('GGZ'));
        publishNota(db, 'nvi-b-gz', GZ, description('GZ'));
        publishNota(db, 'nvi-c-vv', VV, description('VV'));
        // A slug and ids whose group key a spreadsheet would read as a date ("2025/4").
        publishNota(db, '2025', [
          { vid: '4', question: 'Geldt de regeling ook voor logeeropvang?', answer: THIRD },
          { vid: '5', question: 'Geldt de regeling ook voor dagbesteding?', answer: THIRD },
        ]);
      },
    },
  );
});
afterAll(async () => {
  await app?.close();
});

const search = (qs: string) => getJson<SearchResponse>(app, `/api/search?${qs}`);

const ids = (results: SearchResult[]) => results.map((r) => `${r.nota}/${r.vid}`);

describe('same answer, shown once: API', () => {
  it('keeps the API as it was without group: one result per question, no group field', async () => {
    const body = await search(`q=${WORD}`);
    expect(body.group).toBe('none');
    expect(body.total).toBe(9);
    expect(body.questions).toBe(9);
    expect(body.results).toHaveLength(9);
    for (const r of body.results) expect(r).not.toHaveProperty('group');
  });

  it('collapses identical and nearly identical answers into one result, counting groups', async () => {
    const plain = await search(`q=${WORD}`);
    const body = await search(`q=${WORD}&group=answer`);
    expect(body.group).toBe('answer');
    // 4 questions with the standard answer, 2 with the second, 3 alone: 5 results for 9 questions.
    expect(body.total).toBe(5);
    expect(body.questions).toBe(9);
    expect(body.questionsAllWords).toBe(9);
    expect(body.allWords).toBe(5);
    expect(body.pages).toBe(1);
    const standard = body.results.find((r) => r.group && r.group.size === 4)!;
    expect(standard.group).toMatchObject({ key: 'nvi-a-ggz/G-1', size: 4, answers: 2, alsoIn: expect.arrayContaining(['GZ', 'VV']) });
    expect(standard.group!.members.map((m) => `${m.nota}/${m.id}`).sort()).toEqual(['nvi-a-ggz/G-1', 'nvi-a-ggz/G-2', 'nvi-b-gz/Z-1', 'nvi-c-vv/V-1']);
    for (const m of standard.group!.members) expect(m.url).toBe(`/vraag/${m.nota}/${m.id}`);
    const second = body.results.find((r) => r.group && r.group.size === 2)!;
    expect(second.group).toMatchObject({ size: 2, answers: 1 });
    expect(body.results.filter((r) => r.group === null)).toHaveLength(3);
    // The representative is the best-ranked member, in its own place in the ranking.
    const plainOrder = ids(plain.results);
    const firstOf = (members: string[]) => plainOrder.find((id) => members.includes(id));
    expect(`${standard.nota}/${standard.vid}`).toBe(firstOf(standard.group!.members.map((m) => `${m.nota}/${m.id}`)));
    const representatives = ids(body.results);
    expect(representatives).toEqual(plainOrder.filter((id) => representatives.includes(id)));
    // Its own group lists it first.
    expect(`${standard.group!.members[0]!.nota}/${standard.group!.members[0]!.id}`).toBe(`${standard.nota}/${standard.vid}`);
  });

  it('pages through groups: every group once, every question in exactly one of them', async () => {
    const seen: string[] = [];
    const members: string[] = [];
    for (let page = 1; page <= 3; page++) {
      const body = await search(`q=${WORD}&group=answer&limit=2&page=${page}`);
      expect(body.total).toBe(5);
      expect(body.pages).toBe(3);
      expect(body.results.length).toBe(page < 3 ? 2 : 1);
      seen.push(...ids(body.results));
      for (const r of body.results) members.push(...(r.group ? r.group.members.map((m) => `${m.nota}/${m.id}`) : [`${r.nota}/${r.vid}`]));
    }
    expect(new Set(seen).size).toBe(5);
    expect(members.sort()).toEqual(ids((await search(`q=${WORD}`)).results).sort());
  });

  it('groups only among the results: a filter to one NvI leaves its own same-answer questions', async () => {
    const body = await search(`q=${WORD}&group=answer&nota=nvi-a-ggz`);
    expect(body.questions).toBe(3);
    expect(body.total).toBe(2);
    const grouped = body.results.find((r) => r.group)!;
    expect(grouped.group).toMatchObject({ size: 2, answers: 1, alsoIn: [] });
  });

  it('groups a list without a query too, in table order', async () => {
    const body = await search('nota=nvi-c-vv&group=answer');
    expect(body.mode).toBe('browse');
    // VV alone: no two of its answers are the same.
    expect(body.total).toBe(3);
    expect(body.results.every((r) => r.group === null)).toBe(true);
    const all = await search('group=answer&limit=100');
    const none = await search('limit=100');
    expect(all.questions).toBe(none.total);
    expect(all.total).toBeLessThan(none.total);
  });

  it('refuses an unknown grouping with a 400 naming the parameter', async () => {
    const res = await app.inject(`/api/search?q=${WORD}&group=question`);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ parameter: 'group' });
    const page = await app.inject(`/zoeken?q=${WORD}&group=question`);
    expect(page.statusCode).toBe(400);
  });
});

describe('same answer, shown once: search page', () => {
  it('groups by default, says how many questions and answers, and lists the members in a details element', async () => {
    const res = await app.inject(`/zoeken?q=${WORD}`);
    expect(res.statusCode).toBe(200);
    const html = res.body;
    expect(html).toContain('9 vragen, 5 verschillende antwoorden');
    expect(html).toMatch(/<summary>Zelfde antwoord op 4 vragen, ook in (GZ, VV|VV, GZ)<\/summary>/);
    expect(html).toContain('<summary>Zelfde antwoord op 2 vragen');
    expect(html).toContain('2 licht verschillende antwoordteksten.');
    expect(html).toContain('1–5 van 5');
    expect((html.match(/<li class="result">/g) ?? []).length).toBe(5);
    // The way to every question apart, and back.
    expect(html).toContain(`href="/zoeken?q&#x3D;${WORD}&amp;group&#x3D;none"`);
  });

  it('lists every question apart with group=none, and keeps that choice in its links and form', async () => {
    const res = await app.inject(`/zoeken?q=${WORD}&group=none`);
    expect(res.statusCode).toBe(200);
    expect((res.body.match(/<li class="result">/g) ?? []).length).toBe(9);
    expect(res.body).not.toContain('class="answer-group"');
    expect(res.body).toContain('Zelfde antwoorden samenvoegen');
    expect(res.body).toMatch(/<input type="hidden" name="group" value="none"/);
  });
});

describe('same answer: export', () => {
  it('keeps a group key a spreadsheet would read as a date as text', async () => {
    const res = await app.inject('/export.csv?nota=2025');
    const rows = parse(res.body.replace(/^\ufeff/, ''), { columns: true, delimiter: ';' }) as Array<Record<string, string>>;
    expect(rows.map((r) => r['Antwoordgroep'])).toEqual(["'2025/4", "'2025/4"]);
    const json = (await app.inject('/export.json?nota=2025')).json<Array<{ answerGroup: string | null }>>();
    expect(json.map((r) => r.answerGroup)).toEqual(['2025/4', '2025/4']);
  });

  it('lists every question, each with its answer group (empty when the answer stands alone)', async () => {
    const res = await app.inject(`/export.csv?q=${WORD}`);
    expect(res.statusCode).toBe(200);
    const rows = parse(res.body.replace(/^\ufeff/, ''), { columns: true, delimiter: ';' }) as Array<Record<string, string>>;
    expect(rows).toHaveLength(9);
    const groupOf = new Map(rows.map((r) => [r['VraagID'], r['Antwoordgroep']]));
    for (const vid of ['G-1', 'G-2', 'Z-1', 'V-1']) expect(groupOf.get(vid)).toBe('nvi-a-ggz/G-1');
    expect(groupOf.get('Z-2')).toBe(groupOf.get('V-2'));
    expect(groupOf.get('Z-2')).toBe('nvi-b-gz/Z-2');
    for (const vid of ['G-3', 'Z-3', 'V-3']) expect(groupOf.get(vid)).toBe('');
    const json = (await app.inject(`/export.json?q=${WORD}`)).json<Array<{ vid: string; answerGroup: string | null }>>();
    expect(json).toHaveLength(9);
    expect(json.find((r) => r.vid === 'V-1')!.answerGroup).toBe('nvi-a-ggz/G-1');
    expect(json.find((r) => r.vid === 'V-3')!.answerGroup).toBeNull();
  });
});

describe('same answer, shown once: loaded with the snapshot', () => {
  it('reads the group keys (and the facet cells) when the snapshot loads, the same on the calling thread and in the index worker', async () => {
    const dbPath = app.config.dbPath;
    const db = openDatabase(dbPath, { readonly: true });
    try {
      const repo = createQaRepository(db);
      const quiet = { info: () => {}, warn: () => {} };
      const here = loadSnapshot(repo, indexPathFor(dbPath), quiet, { persist: false });
      const offThread = await loadSnapshotOffThread(repo, dbPath, indexPathFor(dbPath), quiet);
      const keysOf = (s: Snapshot) => Array.from(s.answerGroups.ofPosition, (g) => (g < 0 ? null : s.answerGroups.keys[g]));
      expect(keysOf(offThread)).toEqual(keysOf(here));
      const stored = repo.answerGroupKeys(here.notaIds);
      expect(stored.length).toBeGreaterThan(0);
      for (const r of stored) expect(groupKeyOf(here, r.id)).toBe(r.key);
      expect(keysOf(here).filter((k) => k !== null)).toHaveLength(stored.length);
      // The worker also hands over the tables facets count in: the same counts as built here.
      const cells = (s: Snapshot) => s.engine.search(WORD, { notaIds: s.notaIds }).ranked.cells();
      expect(cells(offThread)).toEqual(cells(here));
      expect(cells(here).reduce((sum, c) => sum + c.count, 0)).toBe(9);
    } finally {
      db.close();
    }
  });
});
