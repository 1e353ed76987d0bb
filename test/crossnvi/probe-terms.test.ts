import { describe, expect, it } from 'vitest';
import { DEFAULT_MATCH_SETTINGS, findSameQuestions, prefixTerms, rarestFirst, type CrossRecord, type MatchSettings } from '../../core/crossnvi/same-question.ts';
import { cosine, TermWeights } from '../../core/crossnvi/similarity.ts';
import { contentTerms } from '../../core/crossnvi/terms.ts';
import { readGold } from '../helpers/gold.ts';
import { prng } from '../helpers/prng.ts';
import { siblingRecords } from '../helpers/sibling-records.ts';
import { everyPair, linkLines } from './every-pair.ts';

describe('the terms a match must share (prefix filtering)', () => {
  // Questions recombined from the fixture's words, so many pairs share common words and some
  // are near-identical: every pair at or above the threshold must share a term of both prefixes.
  const random = prng(77);
  const words = readGold().flatMap((r) => r.question.split(/\s+/u));
  const texts = Array.from({ length: 400 }, (_, i) =>
    Array.from({ length: 4 + Math.floor(random() * 12) }, () => words[Math.floor(random() * Math.min(words.length, 200 + i * 5))]).join(' '),
  );
  // And near-copies, for pairs at the highest thresholds.
  texts.push(...texts.slice(0, 40).map((t) => `${t} ${words[Math.floor(random() * words.length)]}`));
  const weights = new TermWeights();
  const terms = texts.map((t) => contentTerms(t));
  terms.forEach((t) => weights.add(t));
  const vectors = terms.map((t) => weights.vector(t));

  it.each([0.25, 0.5, 0.8, 0.9])('never misses a pair at cosine ≥ %s, and leaves common terms out', (threshold) => {
    const prefixes = vectors.map((v) => new Set(prefixTerms(v, threshold, rarestFirst(weights))));
    let pairs = 0;
    let leftOut = 0;
    for (let i = 0; i < vectors.length; i++) {
      leftOut += vectors[i]!.size - prefixes[i]!.size;
      for (let j = i + 1; j < vectors.length; j++) {
        if (cosine(vectors[i]!, vectors[j]!) < threshold) continue;
        pairs++;
        expect([...prefixes[j]!].some((t) => prefixes[i]!.has(t)), `${texts[i]} ~ ${texts[j]}`).toBe(true);
      }
    }
    expect(pairs).toBeGreaterThan(0);
    expect(leftOut).toBeGreaterThan(0);
  });

  it('keeps every term at a threshold of zero or below', () => {
    for (const v of vectors.slice(0, 20)) expect(prefixTerms(v, 0, rarestFirst(weights)).sort()).toEqual([...v.keys()].sort());
  });
});

describe('the same question elsewhere: candidates from the prefix indexes', () => {
  const records = siblingRecords(700, 6, 3);
  const SETTINGS: Array<[string, MatchSettings]> = [
    ['the default settings', DEFAULT_MATCH_SETTINGS],
    ['every match kept', { ...DEFAULT_MATCH_SETTINGS, maxPerNota: Number.POSITIVE_INFINITY }],
    ['other thresholds', { ...DEFAULT_MATCH_SETTINGS, sameQuestion: 0.5, sameAnswer: 0.7, sameQuestionWithSameAnswer: 0.1 }],
  ];

  it.each(SETTINGS)('links exactly the pairs a comparison of every pair links (%s)', (_name, settings) => {
    const links = findSameQuestions(records, settings);
    expect(linkLines(links)).toEqual(linkLines(everyPair(records, settings)));
    // Both ways to a match occur: by the question, and by the same answer under a lower bar.
    expect(links.some((l) => l.similarity >= settings.sameQuestion)).toBe(true);
    expect(links.some((l) => l.similarity < settings.sameQuestion && l.relation === 'same-answer')).toBe(true);
    expect(links.some((l) => l.relation === 'different-answer')).toBe(true);
  });

  it('for a publish, links the added NvI exactly as a comparison of its records with every other', () => {
    const added = (r: CrossRecord) => r.nota === 4;
    const links = findSameQuestions(records, DEFAULT_MATCH_SETTINGS, added);
    expect(links.length).toBeGreaterThan(20);
    expect(linkLines(links)).toEqual(linkLines(everyPair(records, DEFAULT_MATCH_SETTINGS, added)));
  });
});
