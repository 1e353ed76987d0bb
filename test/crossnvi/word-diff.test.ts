import { describe, expect, it } from 'vitest';
import { diffWords, hasChanges, MAX_DIFF_CELLS, type DiffPart } from '../../core/text/word-diff.ts';

/** The text each side reads back from the parts: what was kept plus its own words. */
const side = (parts: DiffPart[], own: 'removed' | 'added') => parts.filter((p) => p.op === 'same' || p.op === own).map((p) => p.text).join(' ');

describe('word diff', () => {
  it('marks one replaced word as removed and added, and keeps the rest', () => {
    expect(diffWords('De termijn sluit op 1 maart.', 'De termijn sluit op 15 maart.')).toEqual([
      { op: 'same', text: 'De termijn sluit op' },
      { op: 'removed', text: '1' },
      { op: 'added', text: '15' },
      { op: 'same', text: 'maart.' },
    ]);
  });

  it('marks inserted and deleted runs of words', () => {
    expect(diffWords('Ja, dat is toegestaan.', 'Ja, dat is onder voorwaarden toegestaan.')).toEqual([
      { op: 'same', text: 'Ja, dat is' },
      { op: 'added', text: 'onder voorwaarden' },
      { op: 'same', text: 'toegestaan.' },
    ]);
    expect(diffWords('Nee, dat is helaas niet mogelijk.', 'Nee, dat is niet mogelijk.')).toEqual([
      { op: 'same', text: 'Nee, dat is' },
      { op: 'removed', text: 'helaas' },
      { op: 'same', text: 'niet mogelijk.' },
    ]);
  });

  it('finds edits in the middle apart from each other, and ignores line breaks and spacing', () => {
    const parts = diffWords('Het zorgkantoor  maakt over\ndagbesteding afspraken per aanbieder per jaar.', 'Het zorgkantoor maakt over vervoer afspraken per regio per jaar.');
    expect(parts).toEqual([
      { op: 'same', text: 'Het zorgkantoor maakt over' },
      { op: 'removed', text: 'dagbesteding' },
      { op: 'added', text: 'vervoer' },
      { op: 'same', text: 'afspraken per' },
      { op: 'removed', text: 'aanbieder' },
      { op: 'added', text: 'regio' },
      { op: 'same', text: 'per jaar.' },
    ]);
  });

  it('says nothing changed for the same words, and reads back both texts', () => {
    expect(hasChanges(diffWords('Zie paragraaf 2.3.', 'Zie  paragraaf 2.3.'))).toBe(false);
    expect(diffWords('', 'Nieuw antwoord.')).toEqual([{ op: 'added', text: 'Nieuw antwoord.' }]);
    const a = 'a b c d e f g';
    const b = 'x b c y e g z';
    const parts = diffWords(a, b);
    expect(side(parts, 'removed')).toBe(a);
    expect(side(parts, 'added')).toBe(b);
    // b c, e and g are common: the longest common subsequence is 4 words.
    expect(parts.filter((p) => p.op === 'same').flatMap((p) => p.text.split(' '))).toEqual(['b', 'c', 'e', 'g']);
  });

  it('past the cost bound, shows the differing middle as removed then added, still true to both texts', () => {
    const n = Math.ceil(Math.sqrt(MAX_DIFF_CELLS)) + 10;
    const a = ['Begin', ...Array.from({ length: n }, (_, i) => `a${i}`), 'eind.'].join(' ');
    const b = ['Begin', ...Array.from({ length: n }, (_, i) => (i % 2 ? `a${i}` : `b${i}`)), 'eind.'].join(' ');
    const parts = diffWords(a, b);
    expect(parts.map((p) => p.op)).toEqual(['same', 'removed', 'added', 'same']);
    expect(side(parts, 'removed')).toBe(a);
    expect(side(parts, 'added')).toBe(b);
  });
});
