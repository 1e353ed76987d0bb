import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groupAnswers } from '../../core/store/group-answers.ts';
import type { SearchResponse } from '../../server/loaders/search.ts';
import { buildTestApp } from '../helpers/app.ts';
import { readRealGold, type RealGoldRecord } from '../helpers/gold.ts';
import { getJson } from '../helpers/inject.ts';
import { publishNota, type RecordInput } from '../helpers/records.ts';
import { openDatabase } from '../../core/store/database.ts';
import { rebuildSameQuestionLinks } from '../../core/store/same-question-links.ts';
import { DEFAULT_MATCH_SETTINGS, type CrossLink, type CrossRecord } from '../../core/crossnvi/same-question.ts';
import { everyPair, linkLines } from '../crossnvi/every-pair.ts';

/**
 * Across the bundled NvIs: the 2021-2023 NvI of the test database with the GGZ and GZ NvIs of
 * 2024-2026 beside it, their records as the gold files of test/fixtures/real hold them (the text
 * the parser is checked against), published as an ingest publishes.
 */
const DOCUMENTS = { GGZ: 'Inkoopbeleid Wlz Geestelijke gezondheidszorg 2024-2026', GZ: 'Inkoopbeleid Wlz Gehandicaptenzorg 2024-2026' } as const;
const SLUGS = { GGZ: 'nvi-ggz-2024-2026', GZ: 'nvi-gz-2024-2026' } as const;

function records(sector: 'GGZ' | 'GZ'): RecordInput[] {
  return readRealGold(sector).map((r: RealGoldRecord) => ({
    vid: String(r.seq),
    document: DOCUMENTS[sector],
    chapter: r.chapter,
    paragraph: r.paragraph,
    subparagraph: r.subparagraph,
    question: r.question,
    answer: r.answer,
    pageStart: r.pageStart,
    pageEnd: r.pageEnd,
  }));
}

let app: FastifyInstance;
beforeAll(async () => {
  app = await buildTestApp(
    {},
    {
      prepare: (db) => {
        for (const sector of ['GGZ', 'GZ'] as const) {
          publishNota(db, SLUGS[sector], records(sector), {
            title: `Nota van Inlichtingen ${sector} 2024-2026`,
            description: { publisher: 'Zilveren Kruis', sector, round: '2024-2026', sequence: 1 },
          });
        }
      },
    },
  );
}, 60_000);
afterAll(async () => {
  await app?.close();
});

const json = <T>(url: string) => getJson<T>(app, url);

describe('same answer, shown once, on the bundled NvIs', () => {
  it('counts as many results as the grouping rule makes groups, and every question once', async () => {
    const all = await json<Array<{ nota: string; vid: string; answer: string; answerGroup: string | null }>>('/export.json');
    expect(all).toHaveLength(512 + 304 + 382);
    // The rule applied here, independently of what was stored: groups over the three NvIs together.
    const ordered = [...all].sort((a, b) => (a.nota < b.nota ? -1 : a.nota > b.nota ? 1 : 0));
    const groups = groupAnswers(ordered.map((r) => r.answer));
    const expectedUnits = groups.filter((g, i) => g === null || g === i).length;
    const crossNvi = new Set<number>();
    const notasOf = new Map<number, Set<string>>();
    groups.forEach((g, i) => {
      if (g === null) return;
      const set = notasOf.get(g) ?? new Set();
      set.add(ordered[i]!.nota);
      notasOf.set(g, set);
      if (set.size > 1) crossNvi.add(g);
    });
    expect(crossNvi.size).toBeGreaterThan(10);

    // The export names the same groups: one name per group, the same partition.
    const exportUnits = new Set(all.map((r) => r.answerGroup ?? `${r.nota}/${r.vid}`)).size;
    expect(exportUnits).toBe(expectedUnits);

    // The search counts and pages them: every question in exactly one result.
    let questions = 0;
    let results = 0;
    let sawCross = false;
    const first = await json<SearchResponse>('/api/search?group=answer&limit=100');
    expect(first.total).toBe(expectedUnits);
    expect(first.questions).toBe(all.length);
    for (let page = 1; page <= first.pages; page++) {
      const body = page === 1 ? first : await json<SearchResponse>(`/api/search?group=answer&limit=100&page=${page}`);
      results += body.results.length;
      for (const r of body.results) {
        questions += r.group ? r.group.size : 1;
        if (r.group && new Set(r.group.members.map((m) => m.nota)).size > 1) {
          sawCross = true;
          expect(r.group.alsoIn.length).toBeGreaterThan(0);
        }
      }
    }
    expect(results).toBe(expectedUnits);
    expect(questions).toBe(all.length);
    expect(sawCross).toBe(true);
  });

  it('groups the answer GGZ and GZ gave alike to a search, and says where else it was given', async () => {
    const body = await json<SearchResponse>('/api/search?q=VG7%20tarief&group=answer&limit=100');
    const shared = body.results.filter((r) => r.group && r.group.members.some((m) => m.nota === SLUGS.GGZ) && r.group.members.some((m) => m.nota === SLUGS.GZ));
    expect(shared.length).toBeGreaterThan(0);
    for (const r of shared) expect(r.group!.alsoIn).toEqual([r.nota === SLUGS.GGZ ? 'GZ' : 'GGZ']);
  });
});

describe('the same paragraph in other NvIs, on the bundled NvIs', () => {
  const paragraphs = async (slug: string) => {
    const nota = await json<{ documents: Array<{ key: string; paragraphs: Array<{ key: string; label: string; url: string }> }> }>(`/api/notas/${slug}`);
    return nota.documents.flatMap((d) => d.paragraphs);
  };

  it('links GGZ and GZ paragraphs with the same number and title both ways, and nothing else', async () => {
    const ggz = await paragraphs(SLUGS.GGZ);
    const gz = await paragraphs(SLUGS.GZ);
    const gzByLabel = new Map(gz.map((p) => [p.label.toLowerCase(), p]));
    const expected = ggz.filter((p) => gzByLabel.has(p.label.toLowerCase()));
    // Sibling NvIs of one round share paragraphs: the procedure of chapter 6 among them.
    expect(expected.map((p) => p.label)).toContain('6.1 De inkoopprocedure kent een aantal beginselen');
    expect(expected.length).toBeGreaterThanOrEqual(8);

    for (const p of ggz) {
      const res = await app.inject(p.url);
      expect(res.statusCode, p.url).toBe(200);
      const twin = gzByLabel.get(p.label.toLowerCase());
      const start = res.body.indexOf('<section class="linked same-paragraph"');
      if (!twin) {
        expect(start, p.label).toBe(-1);
        continue;
      }
      expect(start, p.label).toBeGreaterThan(-1);
      const section = res.body.slice(start, res.body.indexOf('</section>', start));
      expect(section).toContain("Dezelfde paragraaf in andere NvI's");
      expect(section).toContain(`href="${twin.url}"`);
      expect(section).toContain('Zilveren Kruis · GZ · 2024-2026');
      // And back from GZ.
      const back = await app.inject(twin.url);
      expect(back.body).toContain(`href="${p.url}"`);
    }
  });

  it('never links paragraphs of one NvI, nor a 2021-2023 paragraph that only shares a number', async () => {
    const old = await paragraphs('nvi-2021-2023');
    for (const p of old.slice(0, 30)) {
      const res = await app.inject(p.url);
      expect(res.statusCode).toBe(200);
      expect(res.body, p.label).not.toContain('<section class="linked same-paragraph"');
    }
  });
});


describe('the same question in other NvIs, published one NvI at a time', () => {
  it('links the same pairs as one computation over every NvI', () => {
    const pairs = () => app.db.prepare(`SELECT from_qa || '>' || to_qa || ' ' || relation FROM qa_elsewhere ORDER BY 1`).pluck().all() as string[];
    const published = pairs();
    expect(published.length).toBeGreaterThan(100);
    const db = openDatabase(app.db.name);
    try {
      rebuildSameQuestionLinks(db);
    } finally {
      db.close();
    }
    expect(pairs()).toEqual(published);
  });

  it('computes them all at once exactly as a comparison of every pair, similarities included', () => {
    const db = openDatabase(app.db.name);
    try {
      expect(rebuildSameQuestionLinks(db)).toBeGreaterThan(100);
    } finally {
      db.close();
    }
    const stored = app.db.prepare(`SELECT from_qa AS "from", to_qa AS "to", relation, similarity FROM qa_elsewhere`).all() as CrossLink[];
    const records = app.db
      .prepare(`SELECT id AS key, nota_id AS nota, question, answer FROM qa WHERE nota_id IN (SELECT id FROM nota WHERE active = 1) ORDER BY id`)
      .all() as CrossRecord[];
    expect(new Set(records.map((r) => r.nota)).size).toBe(3);
    expect(linkLines(stored)).toEqual(linkLines(everyPair(records, DEFAULT_MATCH_SETTINGS)));
  });
});
