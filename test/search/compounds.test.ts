import { describe, expect, it } from 'vitest';
import { Analyzer, partTerm } from '../../core/search/analyzer.ts';
import { partRuns, splitCompound, type PartTests } from '../../core/search/compounds.ts';
import { stem } from '../../core/search/dutch.ts';

const WORDS = ['kwaliteit', 'budget', 'basis', 'tarief', 'percentage', 'verpleeghuis', 'zorg', 'aanbieders', 'bestuur', 'verklaring', 'uurs', 'best'];
const words = new Set(WORDS);
const stems = new Set(WORDS.map((w) => stem(w)));
const tests: PartTests = {
  isWord: (p) => words.has(p),
  isHead: (p) => words.has(p) || stems.has(stem(p)),
};
const parts = (word: string) => splitCompound(word, tests).map((s) => word.slice(s.start, s.end));

describe('splitCompound', () => {
  it('splits into known words, with linking s or en', () => {
    expect(parts('kwaliteitsbudget')).toEqual(['kwaliteit', 'budget']);
    expect(parts('basistariefpercentage')).toEqual(['basis', 'tarief', 'percentage']);
    expect(parts('verpleeghuiszorg')).toEqual(['verpleeghuis', 'zorg']);
  });

  it('accepts an inflected head', () => {
    expect(parts('zorgaanbieder')).toEqual(['zorg', 'aanbieder']);
  });

  it('prefers few long parts to many short ones', () => {
    // best|uurs|verklaring would also fit the vocabulary.
    expect(parts('bestuursverklaring')).toEqual(['bestuur', 'verklaring']);
  });

  it('does not split words that are no compound of known words', () => {
    expect(parts('overeenkomst')).toEqual([]);
    expect(parts('zorg')).toEqual([]);
    expect(parts('budget2021')).toEqual([]);
  });
});

describe('partRuns', () => {
  it('lists every run of adjacent parts except the whole word', () => {
    const word = 'basistariefpercentage';
    expect(partRuns(word, splitCompound(word, tests)).sort()).toEqual(
      ['basis', 'basistarief', 'percentage', 'tarief', 'tariefpercentage'].sort(),
    );
  });
});

describe('Analyzer.indexTerms', () => {
  const analyzer = new Analyzer({ words, isKnownStem: (s) => stems.has(s) || s === stem('basistarief') });

  it('indexes a compound under its stem and its marked parts', () => {
    expect(analyzer.indexTerms('kwaliteitsbudget')).toEqual([
      stem('kwaliteitsbudget'),
      partTerm(stem('kwaliteit')),
      partTerm(stem('budget')),
    ]);
  });

  it('indexes known runs of parts too', () => {
    expect(analyzer.indexTerms('basistariefpercentage')).toContain(partTerm(stem('basistarief')));
  });

  it('indexes nothing for stopwords and single letters', () => {
    expect(analyzer.indexTerms('de')).toEqual([]);
    expect(analyzer.indexTerms('s')).toEqual([]);
    expect(analyzer.indexTerms('6')).toEqual(['6']);
  });

  it('can switch compounds off (to measure them)', () => {
    const plain = new Analyzer({ words, isKnownStem: (s) => stems.has(s) }, { repairs: true, compounds: false });
    expect(plain.indexTerms('kwaliteitsbudget')).toEqual([stem('kwaliteitsbudget')]);
  });
});
