import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QuestionPage } from '../../server/loaders/question.ts';
import { buildTestApp } from '../helpers/app.ts';
import { getJson, getOk } from '../helpers/inject.ts';
import { publishNota, type RecordInput } from '../helpers/records.ts';
import { decode, hrefs } from './sample.ts';

/**
 * "The same question elsewhere" on the question page and in its JSON twin: two sibling NvIs
 * published beside the bundled one, with a question copied with the same answer and one copied
 * with an edited answer (whose edit holds markup, which must come out as text).
 */
const TARIFF_ANSWER = 'De tariefpercentages zijn bepaald volgens de methodiek die in bijlage 7 van het inkoopbeleid is toegelicht.';
const GGZ: RecordInput[] = [
  { vid: 'G-1', question: 'Hoe is het tarief voor Wlz-Wonen in de GGZ tot stand gekomen?', answer: TARIFF_ANSWER },
  { vid: 'G-2', question: 'Wanneer wordt Bijlage 6 Voorschrift zorgtoewijzing gepubliceerd?', answer: 'Het voorschrift wordt in december gepubliceerd op de website van het zorgkantoor.' },
  { vid: 'G-3', question: 'Mag een aanbieder ambulante begeleiding in onderaanneming laten uitvoeren?', answer: 'Ja, mits de hoofdaannemer verantwoordelijk blijft.' },
];
const GZ: RecordInput[] = [
  { vid: 'Z-1', question: 'Hoe is het tarief voor Wlz-Wonen in de gehandicaptenzorg tot stand gekomen?', answer: TARIFF_ANSWER },
  { vid: 'Z-2', question: 'Wanneer wordt Bijlage 6 Voorschrift zorgtoewijzing gepubliceerd?', answer: 'Het voorschrift wordt in maart gepubliceerd op de website van <b>de NZa</b>.' },
];
const series = (sector: string, title: string) => ({ title, description: { publisher: 'Zilveren Kruis', sector, round: '2024-2026', sequence: 1 } });

let app: FastifyInstance;
beforeAll(async () => {
  app = await buildTestApp(
    {},
    {
      prepare: (db) => {
        publishNota(db, 'nvi-ggz-1', GGZ, series('GGZ', 'Nota van Inlichtingen GGZ 1'));
        publishNota(db, 'nvi-gz-1', GZ, series('GZ', 'Nota van Inlichtingen GZ 1'));
      },
    },
  );
});
afterAll(async () => {
  await app?.close();
});

const question = (url: string) => getJson<QuestionPage>(app, url);

/** The section of a question page, as HTML. */
async function section(url: string): Promise<string | null> {
  const res = await getOk(app, url);
  const start = res.body.indexOf('<section class="linked elsewhere"');
  return start < 0 ? null : res.body.slice(start, res.body.indexOf('</section>', start));
}

describe('the same question elsewhere: API', () => {
  it('gives the copied question with the same answer, with the other NvI to show', async () => {
    const body = await question('/api/notas/nvi-gz-1/questions/Z-1');
    expect(body.elsewhere).toEqual([
      {
        nota: 'nvi-ggz-1',
        id: 'G-1',
        url: expect.stringContaining('G-1'),
        question: GGZ[0]!.question,
        relation: 'same-answer',
        similarity: expect.any(Number),
        title: 'Nota van Inlichtingen GGZ 1',
        shortTitle: 'NvI GGZ 1',
        sector: 'GGZ',
        round: '2024-2026',
        descriptionLabel: 'Zilveren Kruis · GGZ · 2024-2026 · NvI 1',
        answerDiff: null,
      },
    ]);
    const [link] = body.elsewhere;
    expect(link!.similarity).toBeGreaterThan(0);
    expect(link!.similarity).toBeLessThanOrEqual(1);
    // The link leads to the other record, the way back leads here.
    const page = await app.inject(link!.url);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<span class="vid">G-1</span>');
    const there = await question(`/api/notas/${link!.nota}/questions/${link!.id}`);
    expect(there.record.vid).toBe('G-1');
    expect(there.elsewhere.map((e) => [e.nota, e.id, e.relation])).toEqual([['nvi-gz-1', 'Z-1', 'same-answer']]);
  });

  it('gives the copied question with an edited answer, with the word changes from this answer to that one', async () => {
    const body = await question('/api/questions/G-2');
    expect(body.elsewhere).toHaveLength(1);
    const [link] = body.elsewhere;
    expect(link).toMatchObject({ nota: 'nvi-gz-1', id: 'Z-2', relation: 'different-answer', sector: 'GZ', round: '2024-2026' });
    expect(link!.answerDiff!.filter((p) => p.op !== 'same')).toEqual([
      { op: 'removed', text: 'december' },
      { op: 'added', text: 'maart' },
      { op: 'removed', text: 'het zorgkantoor.' },
      { op: 'added', text: '<b>de NZa</b>.' },
    ]);
  });

  it('gives an empty list for a question asked in one NvI only, and never a record of the same NvI', async () => {
    expect((await question('/api/questions/G-3')).elsewhere).toEqual([]);
    for (const [nota, vid] of [['nvi-ggz-1', 'G-1'], ['nvi-ggz-1', 'G-2'], ['nvi-gz-1', 'Z-2']] as const) {
      const body = await question(`/api/notas/${nota}/questions/${vid}`);
      expect(body.elsewhere.every((e) => e.nota !== nota), `${nota} ${vid}`).toBe(true);
    }
  });
});

describe('the same question elsewhere: page', () => {
  it('lists the match with its NvI and "Zelfde antwoord", and no comparison', async () => {
    const html = await section('/vraag/nvi-gz-1/Z-1');
    expect(html).not.toBeNull();
    expect(html).toContain("Dezelfde vraag in andere NvI's");
    expect(decode(html!)).toContain('Zilveren Kruis · GGZ · 2024-2026');
    expect(hrefs(html!).some((h) => h.includes('G-1'))).toBe(true);
    expect(html).toContain('Zelfde antwoord');
    expect(html).not.toContain('<details');
    // Listed once: not again under the related questions.
    const body = await question('/api/notas/nvi-gz-1/questions/Z-1');
    expect(body.related.map((r) => `${r.nota} ${r.vid}`)).not.toContain('nvi-ggz-1 G-1');
  });

  it('shows where the answer differs, word by word, in a <details> that works without script, escaped', async () => {
    const html = (await section('/vraag/G-2'))!;
    expect(html).toContain('Ander antwoord');
    expect(html).toMatch(/<details class="answer-diff">\s*<summary>/);
    const shown = (tag: string) => [...html.matchAll(new RegExp(`<${tag}>(.*?)</${tag}>`, 'g'))].map((m) => decode(m[1]!.replace(/<span class="visually-hidden">[^<]*<\/span>/g, '')));
    expect(shown('del')).toEqual(['december', 'het zorgkantoor.']);
    expect(shown('ins')).toEqual(['maart', '<b>de NZa</b>.']);
    // Read without colour or styles: each change says what it is.
    expect(html).toContain('<del><span class="visually-hidden">[verwijderd: </span>december<span class="visually-hidden">]</span></del>');
    expect(html).toContain('<ins><span class="visually-hidden">[toegevoegd: </span>maart<span class="visually-hidden">]</span></ins>');
    // The answer's markup is text, never markup.
    expect(html).not.toContain('<b>');
    expect(html).toContain('&lt;b&gt;de NZa&lt;/b&gt;.');
  });

  it('has no section for a question asked in one NvI only', async () => {
    expect(await section('/vraag/G-3')).toBeNull();
  });
});
