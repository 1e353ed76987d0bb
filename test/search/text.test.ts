import { describe, expect, it } from 'vitest';
import { STOPWORDS, stem } from '../../core/search/dutch.ts';
import { fold } from '../../core/text/fold.ts';
import { normalizeToken, tokenize } from '../../core/search/text.ts';

describe('tokenize', () => {
  it('keeps offsets into the original text', () => {
    const text = 'De cliënt (V&V) betaalt 2,75% — zie §2.7.';
    for (const t of tokenize(text)) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(tokenize(text).map((t) => t.text)).toEqual(['De', 'cliënt', 'V&V', 'betaalt', '2,75', 'zie', '2.7']);
  });

  it("keeps an abbreviation with & and a word with an apostrophe whole, without the joiner", () => {
    const tokens = tokenize("V&V, zzp'ers, thema's en B&W-kosten; A&BC blijft apart");
    expect(tokens.map((t) => t.text)).toEqual(['V&V', "zzp'ers", "thema's", 'en', 'B&W', 'kosten', 'A', 'BC', 'blijft', 'apart']);
    expect(tokens.map((t) => normalizeToken(t.text)).slice(0, 3)).toEqual(['vv', 'zzpers', 'thema']);
  });

  it('keeps words with combining marks whole (NFD input)', () => {
    expect(tokenize('clie\u0308nt').map((t) => t.text)).toEqual(['clie\u0308nt']);
  });

  it('splits hyphenated words and codes into parts', () => {
    expect(tokenize('Wlz-indicatie VID-0318').map((t) => t.text)).toEqual(['Wlz', 'indicatie', 'VID', '0318']);
  });
});

describe('fold and normalizeToken', () => {
  it('lower-cases and removes diacritics', () => {
    expect(fold('Cliënt')).toBe('client');
    expect(fold('reële')).toBe('reele');
    expect(fold('coördinatie')).toBe('coordinatie');
    expect(fold('geïnvesteerd')).toBe(fold('geinvesteerd'));
  });

  it('treats numbers with and without leading zeros alike', () => {
    expect(normalizeToken('0318')).toBe('318');
    expect(normalizeToken('0')).toBe('0');
    expect(normalizeToken('2.7')).toBe('2.7');
  });

  it('cuts very long tokens', () => {
    expect(normalizeToken('a'.repeat(500)).length).toBeLessThan(100);
  });
});

describe('stopwords', () => {
  it('drops function words but keeps words that carry meaning', () => {
    for (const w of ['de', 'het', 'een', 'van', 'wordt', 'hoe', 'welke']) expect(STOPWORDS.has(w)).toBe(true);
    for (const w of ['niet', 'geen', 'wel', 'moet', 'mag', 'kan', 'zorg', 'wanneer', 'waarom']) {
      expect(STOPWORDS.has(w)).toBe(false);
    }
  });
});

describe('stem', () => {
  const same = (a: string, b: string) => expect(stem(fold(a)), `${a} / ${b}`).toBe(stem(fold(b)));

  it('joins inflections Snowball already handles', () => {
    same('zorgaanbieder', 'zorgaanbieders');
    same('afspraak', 'afspraken');
    same('budget', 'budgetten');
    same('cliënt', 'cliënten');
  });

  it('repairs f/v and s/z alternation, which Snowball misses', () => {
    for (const [a, b] of [
      ['tarief', 'tarieven'],
      ['bedrijf', 'bedrijven'],
      ['huis', 'huizen'],
      ['initiatief', 'initiatieven'],
      ['prijs', 'prijzen'],
      ['actief', 'actieve'],
      ['advies', 'adviezen'],
    ]) {
      expect(stem(a!, { repairs: false }), `${a} without repairs`).not.toBe(stem(b!, { repairs: false }));
      same(a!, b!);
    }
  });

  it('repairs -ies / -es plurals, doubled consonants and -ieel/-iële', () => {
    same('indicatie', 'indicaties');
    same('percentage', 'percentages');
    same('code', 'codes');
    same('plan', 'plannen');
    same('geval', 'gevallen');
    same('proces', 'processen');
    same('financieel', 'financiële');
    same('reëel', 'reële');
    same('categorie', 'categorieën');
  });

  it('leaves abbreviations and numbers alone', () => {
    expect(stem('wlz')).toBe('wlz');
    expect(stem('ggz')).toBe('ggz');
    expect(stem('2021')).toBe('2021');
    expect(stem('vv4')).toBe('vv4');
  });
});
