import { describe, expect, it } from 'vitest';
import { paragraphHrefs, searchHref, type ListParams } from '../../server/routes/pages/links.ts';

describe('paragraph facet links', () => {
  const lists: ListParams[] = [
    {},
    { q: 'tarief ggz' },
    { q: '"extra personeel" -vv & <b>', sort: 'newest', group: 'none' },
    { q: '', sort: '' },
    { q: 'zorg', round: ['2024-2026', '2021-2023', '2024-2026'], sector: 'GGZ', publisher: ['Zilveren Kruis'], nota: ['b', 'a'], document: ['x'], paragraph: 'p' },
    { nota: 'nvi-2021-2023', group: 'answer' },
  ];
  const choices: Array<[string[], string | null]> = [
    [['inkoopkader-langdurige-zorg'], '2.2-hoe-ziet-de-inkoopsystematiek'],
    [['b doc', 'a&doc', 'b doc'], 'ü=ö?#'],
    [[], null],
    [['d'], null],
    [[], '3.1'],
  ];

  it('are the links searchHref writes, for any list and choice', () => {
    for (const list of lists) {
      const href = paragraphHrefs(list);
      for (const [document, paragraph] of choices) expect(href(document, paragraph)).toBe(searchHref({ ...list, document, paragraph }));
    }
  });
});
