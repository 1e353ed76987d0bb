import { beforeAll, describe, expect, it } from 'vitest';
import { buildSearchEngine } from '../../core/search/engine.ts';
import { escapeHtml } from '../../core/text/html.ts';
import type { IndexRecord, SearchEngine } from '../../core/search/types.ts';
import { textSource } from './gold-engine.ts';

const HOSTILE = 'Zie <script>alert(1)</script> & de <b>tarieven</b> van V&V; "quotes" en \'apostrof\' &amp; &lt;tag&gt;.';

function record(id: number, question: string, answer: string): IndexRecord {
  return {
    id,
    notaId: 1,
    vid: `VID-${id}`,
    vidNumber: id,
    seq: id,
    document: 'Inkoopkader langdurige zorg 2021-2023',
    documentKey: 'inkoopkader-langdurige-zorg',
    paragraph: '2.2 Tarieven',
    paragraphKey: '2.2-tarieven',
    question,
    answer,
  };
}

let engine: SearchEngine;

beforeAll(() => {
  const records = [
    record(1, HOSTILE, 'Het kwaliteitsbudget wordt bevoorschot; de tarieven stijgen.'),
    record(2, 'Wat is een reëel tarief voor cliënten?', 'Een tarief dat de kostprijs dekt, zoals het basistarief.'),
    record(3, 'Hoe zit het met het basistariefpercentage?', 'Op basis van 94% van het maximumtarief.'),
  ];
  engine = buildSearchEngine(records, textSource(records));
});

const UNESCAPES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
const unescape = (html: string) => html.replace(/&(amp|lt|gt|quot|#39);/g, (e) => UNESCAPES[e] ?? e);

/** Everything outside <mark> tags is escaped text: no other tags, no raw & < > " '. */
function expectSafe(html: string): void {
  const withoutMarks = html.replace(/<\/?mark>/g, '');
  expect(withoutMarks).not.toMatch(/[<>"']/);
  expect(withoutMarks.replace(/&(amp|lt|gt|quot|#39);/g, '')).not.toContain('&');
}

describe('escapeHtml', () => {
  it('escapes the five HTML-significant characters once', () => {
    expect(escapeHtml(`<a href="x">'&amp;'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;amp;&#39;&lt;/a&gt;');
  });
});

describe('Highlighter.full', () => {
  it('escapes the record text and marks matched words', () => {
    const html = engine.search('tarieven').highlighter.full(HOSTILE);
    expectSafe(html);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;b&gt;<mark>tarieven</mark>&lt;/b&gt;');
    expect(html).toContain('V&amp;V');
  });

  it.each(['amp', '<b>', '&lt;', 'lt', '(.*)+', '"', "'", 'script', '&', '[', '\\', '$&', '<mark>'])(
    'is safe for the query %j',
    (query) => {
      const html = engine.highlighter(query).full(HOSTILE);
      expectSafe(html);
      // Escaped exactly once: unescaping the text between the marks gives back the record text.
      expect(unescape(html.replace(/<\/?mark>/g, ''))).toBe(HOSTILE);
      expect(html).not.toMatch(/&[a-z#0-9]*<mark>/);
    },
  );

  it('marks words the text really contains, not text inside entities', () => {
    // The record literally contains "&amp;": its word "amp" may be marked, the escaped & may not.
    expect(engine.highlighter('amp').full('V&V en &amp;')).toBe('V&amp;V en &amp;<mark>amp</mark>;');
    expect(engine.highlighter('lt').full('a < b')).toBe('a &lt; b');
  });

  it('marks stemmed, folded, compound and fuzzy matches', () => {
    expect(engine.search('tarief').highlighter.full('De tarieven en het basistarief.')).toBe(
      'De <mark>tarieven</mark> en het <mark>basistarief</mark>.',
    );
    expect(engine.search('reele clienten').highlighter.full('een reëel tarief voor cliënten')).toBe(
      'een <mark>reëel</mark> tarief voor <mark>cliënten</mark>',
    );
    expect(engine.search('kwaliteitsbugdet').highlighter.full('Het kwaliteitsbudget.')).toBe(
      'Het <mark>kwaliteitsbudget</mark>.',
    );
  });

  it('marks nothing for a query without words', () => {
    expect(engine.highlighter('').full(HOSTILE)).toBe(escapeHtml(HOSTILE));
    expect(engine.highlighter('VID-1').full('tarieven')).toBe('tarieven');
  });
});

describe('Highlighter.snippet', () => {
  const long = `${'Inleidende tekst zonder treffers. '.repeat(10)}Hier gaat het over het kwaliteitsbudget en de voorwaarden. ${'Afsluitende tekst. '.repeat(10)}`;

  it('returns the whole text when it fits', () => {
    expect(engine.search('tarief').highlighter.snippet('Een tarief.', 50)).toBe('Een <mark>tarief</mark>.');
  });

  it('shows a window around the first match, cut at word boundaries', () => {
    const html = engine.search('kwaliteitsbudget').highlighter.snippet(long, 80);
    expect(html.startsWith('…')).toBe(true);
    expect(html.endsWith('…')).toBe(true);
    expect(html).toContain('<mark>kwaliteitsbudget</mark>');
    const visible = html.replace(/<\/?mark>/g, '');
    expect(visible.length).toBeLessThanOrEqual(80);
    expect(long).toContain(` ${visible.slice(1, 30)}`); // starts at a word
  });

  it('shows the start of the text without a match', () => {
    const html = engine.search('parkeervergunning').highlighter.snippet(long, 40);
    expect(html).toBe('Inleidende tekst zonder treffers.…');
  });

  it('stays safe and within bounds for odd lengths and text', () => {
    const h = engine.search('tarieven').highlighter;
    for (const max of [-1, 0, 1, 2, 5, 17, 1e9, Number.NaN]) {
      const html = h.snippet(HOSTILE, max);
      expectSafe(html);
      const visible = unescape(html.replace(/<\/?mark>/g, ''));
      expect(visible.length).toBeLessThanOrEqual(Math.max(0, Number.isFinite(max) ? max : HOSTILE.length));
    }
    expect(h.snippet('😀'.repeat(30), 9)).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
  });
});

describe('highlighting the same text under different queries', () => {
  it('marks only the words of the query at hand (a record’s words are analysed once, its marks never kept)', () => {
    const text = 'Het kwaliteitsbudget wordt bevoorschot; de tarieven stijgen.';
    const first = engine.highlighter('kwaliteitsbudget');
    const second = engine.highlighter('tarief');
    expect(first.full(text)).toBe('Het <mark>kwaliteitsbudget</mark> wordt bevoorschot; de tarieven stijgen.');
    expect(second.full(text)).toBe('Het kwaliteitsbudget wordt bevoorschot; de <mark>tarieven</mark> stijgen.');
    expect(first.snippet(text, 30)).toContain('<mark>kwaliteitsbudget</mark>');
    expect(second.snippet(text, 30)).toContain('<mark>tarieven</mark>');
    expect(first.full(text)).toBe('Het <mark>kwaliteitsbudget</mark> wordt bevoorschot; de tarieven stijgen.');
  });
});

describe('highlighting a quoted phrase', () => {
  const text = 'Wat is een REËEL tarief voor cliënten? Een tarief; de tarieven. Het kwaliteitsbudget wordt bevoorschot.';

  it('marks the phrase as one span, not its words wherever they occur', () => {
    expect(engine.search('"reëel tarief"').highlighter.full(text)).toBe(
      'Wat is een <mark>REËEL tarief</mark> voor cliënten? Een tarief; de tarieven. Het kwaliteitsbudget wordt bevoorschot.',
    );
  });

  it('matches across case, accents and word forms as the search does', () => {
    for (const query of ['"Reeel TARIEF"', '"reële tarieven"']) {
      expect(engine.search(query).hits.length).toBeGreaterThan(0);
      expect(engine.highlighter(query).full(text)).toContain('<mark>REËEL tarief</mark> voor');
    }
  });

  it('keeps word marks for words typed outside the phrase, and stopwords inside it', () => {
    expect(engine.highlighter('"de tarieven" kwaliteitsbudget').full(text)).toBe(
      'Wat is een REËEL tarief voor cliënten? Een tarief; <mark>de tarieven</mark>. Het <mark>kwaliteitsbudget</mark> wordt bevoorschot.',
    );
    // A word typed in the phrase and on its own is marked in both places.
    expect(engine.highlighter('"reëel tarief" tarief').full(text)).toBe(
      'Wat is een <mark>REËEL tarief</mark> voor cliënten? Een <mark>tarief</mark>; de <mark>tarieven</mark>. Het kwaliteitsbudget wordt bevoorschot.',
    );
  });

  it('places the snippet on the phrase and escapes what it marks', () => {
    const long = `${'Een tarief zonder meer. '.repeat(12)}Dan het reëel tarief & de rest. ${'Slot. '.repeat(10)}`;
    const html = engine.highlighter('"reëel tarief"').snippet(long, 60);
    expect(html).toContain('<mark>reëel tarief</mark> &amp; de rest');
    expect(html.match(/<mark>/g)).toHaveLength(1);
    expectSafe(html);
    expect(engine.highlighter('"V&V tarieven"').full('De V&V tarieven.')).toBe('De <mark>V&amp;V tarieven</mark>.');
  });
});
