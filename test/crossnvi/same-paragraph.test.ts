import { describe, expect, it } from 'vitest';
import { findSameParagraphs, SIMILAR_TITLE, splitParagraphLabel } from '../../core/crossnvi/same-paragraph.ts';

const p = (nota: number, round: string | null, label: string) => ({ nota, round, label });

/** The matches of each paragraph as "index:relation", for short assertions. */
const pairs = (paragraphs: ReturnType<typeof p>[]) => findSameParagraphs(paragraphs).map((list) => list.map((m) => `${m.index}:${m.relation}`));

describe('the same paragraph in other NvIs', () => {
  it('reads number and folded title words from a label', () => {
    expect(splitParagraphLabel('2.7. Duurzaamheid')).toEqual({ number: '2.7', words: ['duurzaamheid'] });
    expect(splitParagraphLabel('Leeswijzer')).toEqual({ number: '', words: ['leeswijzer'] });
    expect(splitParagraphLabel('7.2 Zorgaanbieders met minder dan 10 Wlz cliënten')).toEqual({
      number: '7.2',
      words: ['zorgaanbieders', 'met', 'minder', 'dan', '10', 'wlz', 'clienten'],
    });
  });

  it('links the same number and title in sibling NvIs, whatever case, accents and punctuation', () => {
    expect(
      pairs([
        p(1, '2024-2026', '6.1 De inkoopprocedure kent een aantal beginselen'),
        p(2, '2024-2026', '6.1. De Inkoopprocedure kent een aantal beginselen'),
        p(3, '2024-2026', '6.1 De inkoopprocedure kent een aantal nieuwe beginselen'),
        p(2, '2024-2026', 'Leeswijzer'),
        p(1, '2024-2026', 'Leeswijzer'),
      ]),
    ).toEqual([['1:same'], ['0:same'], [], ['4:same'], ['3:same']]);
  });

  it('never links paragraphs of one NvI, nor the same title under another number', () => {
    expect(
      pairs([
        p(1, '2024-2026', '2.5 Sectorvreemde zorg'),
        p(1, '2024-2026', '2.5 Sectorvreemde zorg'),
        p(2, '2024-2026', '3.9 Sectorvreemde zorg'),
      ]),
    ).toEqual([[], [], []]);
  });

  it('in another round, also links the same number with a similar title', () => {
    const old = p(1, '2021-2023', '3.7 Welk tijdpad geldt voor het inkoopproces 2021?');
    const next = p(2, '2024-2026', '3.7 Welk tijdpad geldt voor het inkoopproces 2024?');
    const sibling = p(3, '2021-2023', '3.7 Welk tijdpad geldt voor het inkoopproces 2022?');
    const unknown = p(4, null, '3.7 Welk tijdpad geldt voor het inkoopproces 2025?');
    // 6 of 8 words shared: 0.75 ≥ the threshold. In the same round, or with an unknown one, a reworded title is another paragraph.
    expect(SIMILAR_TITLE).toBeLessThanOrEqual(0.75);
    expect(pairs([old, next, sibling, unknown])).toEqual([['1:similar'], ['0:similar', '2:similar'], ['1:similar'], []]);
  });

  it('keeps short titles that differ in their subject apart', () => {
    expect(
      pairs([
        p(1, '2021-2023', '3.2 Tariefafspraken voor complexe zorg'),
        p(2, '2024-2026', '3.2 Tariefafspraken voor reguliere zorg'),
      ]),
    ).toEqual([[], []]);
  });
});
