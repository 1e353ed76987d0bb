import { describe, expect, it } from 'vitest';
import { probeTerms } from '../../core/crossnvi/same-question.ts';
import { cosine, TermWeights } from '../../core/crossnvi/similarity.ts';
import { contentTerms } from '../../core/crossnvi/terms.ts';
import { readGold } from '../helpers/gold.ts';
import { prng } from '../helpers/prng.ts';

describe('the terms a match must share (prefix filtering)', () => {
  // Questions recombined from the fixture's words, so many pairs share common words and some
  // are near-identical: every pair at or above the threshold must share one of the probe terms.
  const random = prng(77);
  const words = readGold().flatMap((r) => r.question.split(/\s+/u));
  const texts = Array.from({ length: 400 }, (_, i) =>
    Array.from({ length: 4 + Math.floor(random() * 12) }, () => words[Math.floor(random() * Math.min(words.length, 200 + i * 5))]).join(' '),
  );
  const weights = new TermWeights();
  const terms = texts.map((t) => contentTerms(t));
  terms.forEach((t) => weights.add(t));
  const vectors = terms.map((t) => weights.vector(t));

  it.each([0.25, 0.5, 0.8])('never misses a pair at cosine ≥ %s, and leaves common terms out', (threshold) => {
    let pairs = 0;
    let leftOut = 0;
    for (let i = 0; i < vectors.length; i++) {
      const probe = new Set(probeTerms(vectors[i]!, threshold));
      leftOut += vectors[i]!.size - probe.size;
      for (let j = 0; j < vectors.length; j++) {
        if (i === j || cosine(vectors[i]!, vectors[j]!) < threshold) continue;
        pairs++;
        expect([...vectors[j]!.keys()].some((t) => probe.has(t)), `${texts[i]} ~ ${texts[j]}`).toBe(true);
      }
    }
    expect(pairs).toBeGreaterThan(0);
    expect(leftOut).toBeGreaterThan(0);
  });
});
