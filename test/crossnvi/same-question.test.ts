import { describe, expect, it } from 'vitest';
import { findSameQuestions, type CrossRecord } from '../../core/crossnvi/same-question.ts';
import { half, readPairs, readRecords } from './judged.ts';

const rec = (key: number, nota: number, question: string, answer: string): CrossRecord => ({ key, nota, question, answer });

const ANSWER = 'De tariefpercentages zijn bepaald volgens de methodiek die in bijlage 7 van het inkoopbeleid is toegelicht.';

describe('the same question elsewhere', () => {
  it('links a question copied into a sibling NvI both ways, with the same answer', () => {
    const links = findSameQuestions([
      rec(1, 1, 'Hoe is het tarief voor Wlz-Wonen in de GGZ tot stand gekomen?', ANSWER),
      rec(2, 2, 'Hoe is het tarief voor Wlz-Wonen in de gehandicaptenzorg tot stand gekomen?', ANSWER),
    ]);
    expect(links.map((l) => [l.from, l.to, l.relation])).toEqual([
      [1, 2, 'same-answer'],
      [2, 1, 'same-answer'],
    ]);
  });

  it('says when the answer to the same question differs', () => {
    const links = findSameQuestions([
      rec(1, 1, 'Wanneer wordt Bijlage 6 Voorschrift zorgtoewijzing gepubliceerd?', 'Het voorschrift wordt in december gepubliceerd op de website van het zorgkantoor.'),
      rec(2, 2, 'Wanneer wordt Bijlage 6 Voorschrift zorgtoewijzing gepubliceerd?', 'Daar kunnen wij nu nog niets over zeggen; de planning volgt na overleg met de NZa en het ministerie.'),
    ]);
    expect(links).toHaveLength(2);
    expect(links.every((l) => l.relation === 'different-answer')).toBe(true);
  });

  it('never links records of one NvI, nor different questions that share a short answer', () => {
    const links = findSameQuestions([
      rec(1, 1, 'Hoe is het tarief voor Wlz-Wonen tot stand gekomen?', ANSWER),
      rec(2, 1, 'Hoe is het tarief voor Wlz-Wonen tot stand gekomen?', ANSWER),
      rec(3, 2, 'Mag de cliënt zelf een zorgaanbieder kiezen voor logeeropvang?', 'Nee.'),
      rec(4, 3, 'Is de meerjarige overeenkomst ook van toepassing op nieuwe aanbieders?', 'Nee.'),
    ]);
    expect(links).toEqual([]);
  });

  it('keeps precision at least 0.95 on the held-out half of the judged pairs', () => {
    const records = readRecords();
    const key = new Map(records.map((r, i) => [r.name, i]));
    const notas = [...new Set(records.map((r) => r.nota))];
    const links = findSameQuestions(records.map((r, i) => rec(i, notas.indexOf(r.nota), r.question, r.answer)));
    const found = new Set(links.map((l) => `${l.from}>${l.to}`));
    const holdout = readPairs().filter((p) => half(p) === 'holdout');
    const predicted = holdout.filter((p) => found.has(`${key.get(p.a)}>${key.get(p.b)}`));
    const right = predicted.filter((p) => p.same);
    expect(predicted.length).toBeGreaterThan(20);
    expect(right.length / predicted.length).toBeGreaterThanOrEqual(0.95);
  });
});
