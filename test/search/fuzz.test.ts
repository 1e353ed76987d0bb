import { beforeAll, describe, expect, it } from 'vitest';
import type { SearchEngine, SearchFilter } from '../../core/search/types.ts';
import { goldEngine, type GoldEngine } from './gold-engine.ts';
import { prng } from '../helpers/prng.ts';

let gold: GoldEngine;
let engine: SearchEngine;

beforeAll(() => {
  gold = goldEngine();
  engine = gold.engine;
});

const FRAGMENTS = [
  '"', '""', '-', '--', '-"', '§', '§ ', 'vid', 'VID-', 'vid ', '#', '2.7', '4.2.10.', '.', 'paragraaf ', 'par. ',
  'artikel ', 'hoofdstuk ', 'kwaliteitsbudget', 'zorg', 'cliënt', 'clie\u0308nt', '(.*)+', '[', '\\', '$&', '<b>',
  '&amp;', '&lt;', '*', '~', '~budget', 'ﬁ', 'İ', '\u200b', '\u0000', '\uD800', '\uDC00', '😀', 'مرحبا', '\t', '\n',
  ' ', '0', '000', '99999999999999999999', '1e999', 'NaN', '-1', 'de', 'het', 'niet', 'ggz', 'Wlz-indicatie',
];

function randomQuery(random: () => number): string {
  let query = '';
  const target = Math.floor(random() ** 2 * 520);
  while (query.length < target) {
    const r = random();
    if (r < 0.4) query += FRAGMENTS[Math.floor(random() * FRAGMENTS.length)];
    else if (r < 0.7) query += String.fromCharCode(32 + Math.floor(random() * 95));
    else if (r < 0.9) query += String.fromCharCode(Math.floor(random() * 0xffff));
    else query += String.fromCodePoint(0x10000 + Math.floor(random() * 0xfffff));
  }
  return query;
}

const EDGE_CASES = [
  '', ' ', '"', '""', '"""', '-', '--', '- -', '-"', '-""', '§', '§§§', 'vid', 'vid-', 'VID-', '#', '0', '00000',
  '999999999999', 'paragraaf', 'artikel', '2.', '.2', '1.2.3.4.5.6.7.8.9', 'a'.repeat(500), 'kwaliteit'.repeat(60),
  'zorg '.repeat(200), '\u0000', '\uD800', '😀'.repeat(100), 'x'.repeat(100_000), `"${'zorg '.repeat(40)}"`,
  '-zorg -wlz -"extra personeel"', 'VID-1 VID-2 VID-3 paragraaf 2.7 artikel 3 hoofdstuk 5 §4.2',
];

function exercise(query: string, filter?: SearchFilter): void {
  const outcome = engine.search(query, filter);
  expect(['all', 'some', 'none']).toContain(outcome.match);
  expect(outcome.match === 'none').toBe(outcome.hits.length === 0);
  expect(new Set(outcome.hits.map((h) => h.id)).size).toBe(outcome.hits.length);
  const sample = gold.records[outcome.hits[0] ? outcome.hits[0].id - 1 : 0]!;
  for (const highlighter of [outcome.highlighter, engine.highlighter(query)]) {
    for (const text of [sample.question, sample.answer, query]) {
      const html = highlighter.full(text);
      expect(html.replace(/<\/?mark>/g, '')).not.toMatch(/[<>"']/);
      const snippet = highlighter.snippet(text, 120);
      expect(snippet.replace(/<\/?mark>/g, '').replace(/&(amp|lt|gt|quot|#39);/g, '_').length).toBeLessThanOrEqual(120);
    }
  }
}

describe('never throws', () => {
  it.each(EDGE_CASES.map((q) => [q.length > 40 ? `${q.slice(0, 40)}… (${q.length})` : q, q]))('edge case %j', (_, query) => {
    exercise(query);
  });

  it('handles 400 random queries of up to 500 characters', () => {
    const random = prng(20210615);
    for (let i = 0; i < 400; i++) exercise(randomQuery(random));
  });

  it('handles odd filters, ids and limits', () => {
    const filters: SearchFilter[] = [
      {},
      { notaIds: [] },
      { notaIds: [Number.NaN, -1, 1] },
      { documentKey: '' },
      { paragraphKey: '\uD800' },
      { documentKey: 'x', paragraphKey: 'y', notaIds: [1] },
    ];
    for (const filter of filters) {
      exercise('kwaliteitsbudget', filter);
      exercise('VID-1879', filter);
      expect(Array.isArray(engine.related(1, 5, filter))).toBe(true);
    }
    for (const [id, limit] of [[Number.NaN, 5], [-1, 5], [1e20, 5], [1, Number.NaN], [1, -3], [1, 1e9], [1, 2.5]] as const) {
      expect(Array.isArray(engine.related(id, limit))).toBe(true);
    }
    expect(engine.related(1, 2.5)).toHaveLength(2);
  });

  it('tolerates non-string input from untyped callers', () => {
    for (const value of [undefined, null, 42, {}, ['zorg']]) {
      expect(engine.search(value as unknown as string).match).toBe('none');
      expect(engine.highlighter(value as unknown as string).full('zorg')).toBe('zorg');
    }
  });
});
