import { beforeAll, describe, expect, it } from 'vitest';
import { buildSearchEngine, loadSearchEngine } from '../../core/search/engine.ts';
import { stem } from '../../core/search/dutch.ts';
import { normalizeToken, tokenize } from '../../core/search/text.ts';
import type { IndexRecord, SearchEngine } from '../../core/search/types.ts';
import { goldEngine, textSource, type GoldEngine } from './gold-engine.ts';

let gold: GoldEngine;
let engine: SearchEngine;
let byVid: Map<string, IndexRecord>;

beforeAll(() => {
  gold = goldEngine();
  engine = gold.engine;
  byVid = new Map(gold.records.map((r) => [r.vid, r]));
});

const vids = (query: string, n = Infinity) => engine.search(query).hits.slice(0, n).map((h) => gold.vidOf(h.id));
const record = (id: number) => gold.records[id - 1]!;
const text = (r: IndexRecord) => `${r.question}\n${r.answer}`;
const stems = (s: string) => tokenize(s).map((t) => stem(normalizeToken(t.text)));
/** Phrases match on stems in order ("extra personele" matches "extra personeel"). */
const containsPhrase = (s: string, phrase: string) => {
  const words = ` ${stems(s).join(' ')} `;
  return words.includes(` ${stems(phrase).join(' ')} `);
};

describe('Dutch word forms', () => {
  it('folds diacritics in queries and records alike', () => {
    expect(vids('cliënten')).toEqual(vids('clienten'));
    expect(vids('reele vergoeding', 3)).toContain('VID-0467');
  });

  it('finds other inflections of the same word', () => {
    const all = (q: string) => engine.search(q).hits.filter((h) => h.matchedAll).map((h) => h.id).sort();
    expect(all('tarieven')).toEqual(all('tarief'));
    expect(vids('initiatief opslag', 1)).toEqual(['VID-0888']); // the record says "initiatieven"
  });
});

describe('compounds', () => {
  it('finds a word inside compounds, after records with the word itself', () => {
    const hits = engine.search('budget').hits;
    expect(hits.some((h) => /kwaliteitsbudget/i.test(text(record(h.id))) && !/\bbudget\b/i.test(text(record(h.id))))).toBe(true);
    expect(text(record(hits[0]!.id))).toMatch(/\bbudget\b/i);
  });

  it('matches split compounds and unknown joined compounds', () => {
    const split = engine.search('kwaliteits budget');
    expect(split.match).toBe('all');
    expect(text(record(split.hits[0]!.id))).toMatch(/kwaliteitsbudget/i);
    expect(vids('kwaliteitsbudgetvoorschot', 3).sort()).toEqual(['VID-0510', 'VID-0562', 'VID-0684']);
  });
});

describe('typos and search as you type', () => {
  it('tolerates typos in longer words', () => {
    expect(engine.search('kwaliteitsbugdet').match).toBe('all');
    expect(vids('deeltijdverbijf', 6)).toContain('VID-0610');
    expect(vids('mondorg', 6)).toContain('VID-1777');
  });

  it('counts two swapped letters as one typo', () => {
    const all = (q: string) => engine.search(q).hits.filter((h) => h.matchedAll).map((h) => h.id).sort();
    expect(engine.search('traief').match).toBe('all');
    expect(all('traief')).toEqual(all('tarief'));
    expect(engine.search('zrog').match).toBe('all');
    expect(vids('mondzrog', 6)).toContain('VID-1777');
  });

  it('reports the word a typo was searched as, and only then', () => {
    expect(engine.search('kwaliteitsbugdet').corrections).toEqual([{ word: 'kwaliteitsbugdet', correction: 'kwaliteitsbudget' }]);
    // As typed, in query order; the other words are no corrections.
    expect(engine.search('Tarief Kwaliteitsbugdet voorschot ').corrections).toEqual([{ word: 'Kwaliteitsbugdet', correction: 'kwaliteitsbudget' }]);
    expect(engine.search('traief ').corrections).toEqual([{ word: 'traief', correction: 'tarief' }]);
    // Other forms, compounds, completions and accents search the same word: nothing to report.
    for (const query of ['kwaliteitsbudget', 'tarieven', 'clienten', 'kwaliteits budget', 'kwaliteitsbudgetvoorschot', 'kwaliteitsbu', 'afgewezen']) {
      expect(engine.search(query).corrections, query).toEqual([]);
    }
    // A typo that finds nothing corrected nothing.
    expect(engine.search('xyzzyplugh').corrections).toEqual([]);
  });

  it('does not fuzz words of three letters or less', () => {
    expect(engine.search('wlx').match).toBe('none');
  });

  it('completes only the last word, and only while it is being typed', () => {
    expect(engine.search('voorschot kwaliteitsbu').match).toBe('all');
    expect(engine.search('kwaliteitsbu voorschot').match).not.toBe('all');
    expect(engine.search('voorschot kwaliteitsbu ').match).not.toBe('all');
  });
});

describe('VID lookup', () => {
  it.each(['VID-1879', 'vid 1879', 'vid-1879', 'VID1879', '1879', '#1879', 'vid 01879'])('%s puts VID-1879 first', (q) => {
    const outcome = engine.search(q);
    expect(gold.vidOf(outcome.hits[0]!.id)).toBe('VID-1879');
    expect(outcome.match).toBe('all');
  });

  it('puts the VID first even with other words, and reports unknown VIDs as no match', () => {
    expect(vids('declaratie VID-0318', 1)).toEqual(['VID-0318']);
    expect(engine.search('VID-9999').match).toBe('none');
  });

  it('searches a number that is no VID as text', () => {
    const outcome = engine.search('2021');
    expect(outcome.hits.length).toBeGreaterThan(10);
    expect(text(record(outcome.hits[0]!.id))).toContain('2021');
  });
});

describe('paragraph references', () => {
  it.each(['paragraaf 2.7', 'par. 2.7', 'par 2.7', '§ 2.7', '§2.7', '2.7 duurzaamheid', 'hoofdstuk 2.7'])('%s ranks paragraph 2.7 first', (q) => {
    expect(vids(q, 2).sort()).toEqual(['VID-1225', 'VID-2035']);
  });

  it('matches article labels ("Artikel 3", "Artikel 3.") in any document', () => {
    expect(vids('artikel 3', 4).sort()).toEqual(['VID-0562', 'VID-1482', 'VID-1529', 'VID-1879']);
  });

  it('ranks a paragraph before its subparagraphs', () => {
    const hits = engine.search('paragraaf 4.2').hits.map((h) => record(h.id).paragraph);
    const firstSub = hits.findIndex((p) => p.startsWith('4.2.'));
    expect(hits.slice(0, firstSub).every((p) => p.startsWith('4.2 '))).toBe(true);
    expect(firstSub).toBeGreaterThan(0);
  });

  it('takes a chapter to include its paragraphs', () => {
    const paragraphs = engine.search('hoofdstuk 5').hits.map((h) => record(h.id).paragraph);
    expect(paragraphs.length).toBeGreaterThanOrEqual(34);
    expect(paragraphs.slice(0, 34).every((p) => p.startsWith('5.'))).toBe(true);
  });

  it('searches a reference no label has as text', () => {
    expect(vids('artikel 17', 4)).toContain('VID-1251');
  });
});

describe('phrases and exclusions', () => {
  it('requires quoted words in that order', () => {
    const hits = engine.search('"extra personeel"').hits;
    expect(hits.length).toBeGreaterThan(0);
    for (const h of hits) expect(containsPhrase(text(record(h.id)), 'extra personeel')).toBe(true);
    expect(engine.search('"extra personeel').hits).toEqual(hits); // still typing the closing quote
    expect(engine.search('“extra personeel”').hits).toEqual(hits);
  });

  it('excludes records with a -word', () => {
    const hits = engine.search('kwaliteitsbudget -voorschot').hits;
    expect(hits.length).toBeGreaterThan(0);
    for (const h of hits) expect(stems(text(record(h.id)))).not.toContain(stem('voorschot'));
    expect(engine.search('kwaliteitsbudget').hits.length).toBeGreaterThan(hits.length);
  });

  it('excludes records with a -"phrase"', () => {
    for (const h of engine.search('personeel -"extra personeel"').hits) {
      expect(containsPhrase(text(record(h.id)), 'extra personeel')).toBe(false);
    }
  });

  it('treats a query of exclusions only as empty', () => {
    expect(engine.search('-zorg').match).toBe('none');
  });
});

describe('match kinds and ranking', () => {
  it('reports all, some and none', () => {
    expect(engine.search('kwaliteitsbudget').match).toBe('all');
    expect(engine.search('kwaliteitsbudget parkeervergunning').match).toBe('some');
    expect(engine.search('parkeervergunning').match).toBe('none');
    expect(engine.search('').match).toBe('none');
    expect(engine.search('de het een').match).toBe('none');
  });

  it('ranks records with every word before partial matches', () => {
    const hits = engine.search('mondzorg dossier').hits;
    const firstPartial = hits.findIndex((h) => !h.matchedAll);
    expect(firstPartial).toBeGreaterThan(0);
    expect(hits.slice(firstPartial).every((h) => !h.matchedAll)).toBe(true);
  });
});

describe('filters', () => {
  let split: SearchEngine;
  beforeAll(() => {
    const records = gold.records.map((r, i) => ({ ...r, notaId: 1 + (i % 2) }));
    split = buildSearchEngine(records, textSource(records));
  });

  it('restricts to notas, documents and paragraphs', () => {
    const inNota2 = split.search('kwaliteitsbudget', { notaIds: [2] }).hits;
    expect(inNota2.length).toBeGreaterThan(0);
    expect(inNota2.every((h) => h.notaId === 2)).toBe(true);
    expect(split.search('kwaliteitsbudget', { notaIds: [] }).hits).toEqual([]);

    const r = byVid.get('VID-0510')!;
    const inDocument = split.search('voorschot', { documentKey: r.documentKey }).hits;
    expect(inDocument.every((h) => h.documentKey === r.documentKey)).toBe(true);
    const inParagraph = split.search('voorschot', { paragraphKey: r.paragraphKey }).hits;
    expect(inParagraph.map((h) => gold.vidOf(h.id)).sort()).toEqual(['VID-0510', 'VID-0684']);
    expect(split.search('voorschot', { documentKey: 'no-such-document' }).hits).toEqual([]);
  });

  it('applies to VID lookups too', () => {
    const nota = byVid.get('VID-1879')!.id % 2 === 1 ? 1 : 2;
    expect(split.search('VID-1879', { notaIds: [3 - nota] }).match).toBe('none');
    expect(split.search('VID-1879', { notaIds: [nota] }).hits).toHaveLength(1);
  });
});

describe('related', () => {
  it('returns similar records, not the record itself', () => {
    const id = byVid.get('VID-0510')!.id;
    const related = engine.related(id, 5);
    expect(related.length).toBe(5);
    expect(related.map((h) => h.id)).not.toContain(id);
    expect(related.map((h) => gold.vidOf(h.id))).toEqual(expect.arrayContaining(['VID-0684', 'VID-0562']));
  });

  it('returns nothing for unknown records or no room', () => {
    expect(engine.related(999_999, 5)).toEqual([]);
    expect(engine.related(1, 0)).toEqual([]);
  });
});

describe('serialize and load', () => {
  it('gives identical results after a round trip', () => {
    const loaded = loadSearchEngine(engine.serialize(), gold.texts);
    expect(loaded.size).toBe(engine.size);
    for (const q of ['kwaliteitsbudget', 'budget', 'kwaliteitsbugdet voorschot', 'kwal', 'VID 318', '§ 4.2', '"extra personeel" -kwaliteitsbudget', 'Hoe is het basistarief van 94% berekend?']) {
      const a = engine.search(q);
      const b = loaded.search(q);
      expect(b.hits).toEqual(a.hits);
      expect(b.match).toBe(a.match);
      expect(b.highlighter.full(text(gold.records[0]!))).toBe(a.highlighter.full(text(gold.records[0]!)));
    }
    expect(loaded.related(5, 8)).toEqual(engine.related(5, 8));
  });

  it('refuses an index of another format', () => {
    const other = JSON.stringify({ ...JSON.parse(engine.serialize()), format: 'nvi-search/0' });
    expect(() => loadSearchEngine(other, gold.texts)).toThrow(/format/);
  });
});
