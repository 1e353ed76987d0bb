/**
 * The analysis features for questions as people type them: other verb and noun forms, numbers and
 * percentages, year ranges, query words joined into a compound, and domain synonyms. Each is tested
 * on its own function and end to end on a small index, where a record must be found through the
 * feature and only through it.
 */
import { describe, expect, it } from 'vitest';
import { Analyzer } from '../../core/search/analyzer.ts';
import { derivedTerms, yearsBetween } from '../../core/search/derived.ts';
import { buildSearchEngine, loadSearchEngine } from '../../core/search/engine.ts';
import { numberValue, numberWord, otherNumberForm } from '../../core/search/numbers.ts';
import { INDEX_FORMAT } from '../../core/search/options.ts';
import { SYNONYM_GROUPS, SYNONYMS_VERSION } from '../../core/search/synonyms.ts';
import { normalizeToken, tokenize } from '../../core/search/text.ts';
import type { IndexRecord, SearchEngine } from '../../core/search/types.ts';
import { latinNumberForms, wordForms, wordRoots } from '../../core/search/wordforms.ts';
import { textSource } from './gold-engine.ts';

/** A small index: each record is one question (answer, labels and VID are neutral). */
function engineOf(questions: readonly string[]): SearchEngine {
  const records: IndexRecord[] = questions.map((question, i) => ({
    id: i + 1,
    notaId: 1,
    vid: `VID-${9000 + i}`,
    vidNumber: 9000 + i,
    seq: i + 1,
    document: 'Inkoopbeleid',
    documentKey: 'inkoopbeleid',
    paragraph: 'Algemeen',
    paragraphKey: 'algemeen',
    question,
    answer: 'Zie het inkoopbeleid.',
  }));
  return buildSearchEngine(records, textSource(records));
}

/** Record ids (1-based, in the order given) that contain every query word, best first. */
const fullMatches = (engine: SearchEngine, query: string) =>
  engine
    .search(`${query} `)
    .hits.filter((h) => h.matchedAll)
    .map((h) => h.id);
const ranked = (engine: SearchEngine, query: string) => engine.search(`${query} `).hits.map((h) => h.id);

describe('verb and noun forms (wordforms.ts)', () => {
  it('takes off a participle\'s ge- (also after a separable prefix) and its ending', () => {
    expect(wordRoots('gewijzigd')).toContain('wijzig');
    expect(wordRoots('afgewezen')).toContain('afwez');
    expect(wordRoots('toegelicht')).toContain('toelicht');
    expect(wordRoots('bemiddelt')).toContain('bemiddel');
    expect(wordRoots('zorg')).toEqual([]);
  });

  it('makes the -ing noun of a participle, and the participle of an -ing noun', () => {
    expect(wordForms('gewijzigd')).toContain('wijziging');
    expect(wordForms('afgewezen')).toContain('afwijzing'); // strong verb: e → ij
    expect(wordForms('bemiddelt')).toContain('bemiddeling');
    expect(wordForms('indexeren')).toContain('indexering');
    expect(wordForms('motiveren')).toContain('gemotiveerd'); // open syllable written long
    expect(wordForms('wijziging')).toContain('gewijzigd');
    expect(wordForms('afwijzing')).toContain('afgewezen');
    expect(wordForms('gewisseld')).toContain('wissel');
  });

  it('leaves words alone that are no participle, and short words', () => {
    expect(wordForms('gewoon')).not.toContain('woning');
    expect(wordForms('gewoon').some((f) => f.startsWith('woon'))).toBe(false);
    expect(wordForms('zorg')).toEqual([]);
    expect(wordForms('2024')).toEqual([]);
  });

  it('finds a record that uses the noun for a query with the participle, below the exact form', () => {
    const engine = engineOf(['Waarom is de afwijzing van de inschrijving niet gemotiveerd?', 'Een inschrijving is afgewezen.', 'De inschrijving is op tijd.']);
    expect(fullMatches(engine, 'afgewezen inschrijving')).toEqual([2, 1]);
    expect(fullMatches(engine, 'inschrijving gewijzigd')).toEqual([]);
  });

  it('joins the Latin singular in -um and plural in -a, not short words', () => {
    expect(latinNumberForms('expertisecentrum')).toEqual(['expertisecentra']);
    expect(latinNumberForms('criteria')).toEqual(['criterium']);
    expect(wordForms('centra')).toContain('centrum');
    expect(latinNumberForms('data')).toEqual([]);
    expect(latinNumberForms('datum')).toEqual([]);
    expect(latinNumberForms('contract')).toEqual([]);
  });

  it('finds the Latin plural for a query with the singular, below the exact form', () => {
    const engine = engineOf(['Worden er expertisecentra aangewezen?', 'Wanneer wordt het expertisecentrum aangewezen?', 'Wie wijst aan?']);
    expect(fullMatches(engine, 'expertisecentrum aangewezen')).toEqual([2, 1]);
  });

  it('indexes a separable verb in its te-infinitive as the verb written as one word, not after "om"', () => {
    const engine = engineOf([
      'Kan het zorgkantoor de tariefpercentages aan te passen?',
      'Om te komen tot een afspraak passen we het tarief aan.',
      'Wij vragen u het plan toe  te lichten.',
      'Kan het zorgkantoor het tariefpercentage aanpassen?',
    ]);
    expect(fullMatches(engine, 'tariefpercentage aanpassen')).toEqual([4, 1]);
    expect(fullMatches(engine, 'plan toelichten')).toEqual([3]);
    expect(fullMatches(engine, 'omkomen')).toEqual([]);
  });

  it('matches a participle against a compound that ends in the verb\'s noun', () => {
    const engine = engineOf(['Hoe melden we een bestuurderswissel?', 'Wie is de bestuurder?', 'Een wissel van de wacht.']);
    expect(fullMatches(engine, 'bestuurder gewisseld')).toEqual([1]);
  });
});

describe('numbers (numbers.ts, derived.ts)', () => {
  it('writes numbers as Dutch words and back', () => {
    expect(numberWord(4)).toBe('vier');
    expect(numberWord(40)).toBe('veertig');
    expect(numberWord(21)).toBe('eenentwintig');
    expect(numberWord(100)).toBe('honderd');
    expect(numberWord(101)).toBeNull();
    expect(numberValue('negentig')).toBe(90);
    expect(numberValue(normalizeToken('tweeëntwintig'))).toBe(22);
    expect(numberValue('vierkant')).toBeNull();
    expect(otherNumberForm('tien')).toBe('10');
    expect(otherNumberForm('10')).toBe('tien');
    expect(otherNumberForm('zorg')).toBeNull();
  });

  it('finds digits for a number word and a number word for digits', () => {
    const engine = engineOf(['Binnen 4 weken na de aanvraag.', 'Binnen vier weken na de melding.', 'Binnen enkele weken.']);
    expect(fullMatches(engine, 'vier weken aanvraag')).toEqual([1]);
    expect(fullMatches(engine, '4 weken melding')).toEqual([2]);
    // The form as typed first.
    expect(ranked(engine, 'vier weken').slice(0, 2)).toEqual([2, 1]);
  });

  it('indexes a number with a percent sign under "procent"', () => {
    const text = 'Het tariefpercentage is 94% of 96,5 %.';
    const engine = engineOf([text, 'Het tariefpercentage is 94.']);
    expect(fullMatches(engine, '94 procent')).toEqual([1]);
    expect(fullMatches(engine, '96,5 procent')).toEqual([1]);
    expect(fullMatches(engine, 'honderd procent')).toEqual([]);
  });

  it('writes out a number joined to a word ("1-jarige" as "eenjarige"), both in records and in queries', () => {
    const engine = engineOf(['Kan ik een 1-jarige overeenkomst sluiten?', 'Een driejarige overeenkomst.', 'Een overeenkomst.']);
    expect(fullMatches(engine, 'eenjarige overeenkomst')).toEqual([1]);
    expect(fullMatches(engine, '3-jarige overeenkomst')).toEqual([2]);
  });
});

describe('year ranges (derived.ts)', () => {
  it('lists the years inside a plausible range only', () => {
    expect(yearsBetween(2021, 2023)).toEqual(['2022']);
    expect(yearsBetween(2024, 2026)).toEqual(['2025']);
    expect(yearsBetween(2021, 2022)).toEqual([]);
    expect(yearsBetween(1000, 1003)).toEqual([]);
    expect(yearsBetween(2000, 2050)).toEqual([]);
  });

  it('finds a year inside a range written with a dash or "t/m", and keeps the end years', () => {
    const engine = engineOf(['Het beleid voor 2021-2023.', 'De periode 2024 t/m 2026.', 'Alleen 2022.', 'Paragraaf 1021-1023 van de wet.']);
    expect(fullMatches(engine, 'beleid 2022')).toEqual([1]);
    expect(fullMatches(engine, 'periode 2025')).toEqual([2]);
    expect(fullMatches(engine, '2023')).toEqual([1]);
    expect(fullMatches(engine, '1022')).toEqual([]);
  });

  it('derives the terms from the text itself', () => {
    const analyzer = new Analyzer({ words: new Set(), isKnownStem: () => false });
    const derived = (text: string) => derivedTerms(text, tokenize(text), analyzer);
    expect(derived('Van 2024-2026 is 94% genoeg.').sort()).toEqual(['2025', 'procent']);
    expect(derived('Van 2024 tot en met 2027.')).toEqual(['2025', '2026']);
    // A form of several words is indexed under its group term; a one-word form is found by its own.
    expect(derived('Het volledig pakket thuis.')).toEqual(['=vpt']);
    expect(derived('Het VPT-tarief.')).toEqual([]);
    expect(derived('Paragraaf 2024 - 2026 is 94 euro.')).toEqual(['2025']);
    expect(derived('Een gewone zin.')).toEqual([]);
  });
});

describe('query words joined into a compound (plan.ts)', () => {
  it('finds the compound for two words typed apart, where both are also common words', () => {
    const engine = engineOf(['Waar staat de zorgatlas?', 'De zorg in de regio.', 'Een atlas van de regio.', 'De zorg en de atlas.']);
    // The compound and both words apart contain every word; records with one of them come after.
    expect(fullMatches(engine, 'zorg atlas').sort()).toEqual([1, 4]);
    expect(ranked(engine, 'zorg atlas').slice(2).sort()).toEqual([2, 3]);
  });

  it('joins with a linking s and while the second word is still being typed', () => {
    const engine = engineOf(['Is er een instemmingsverklaring nodig?', 'Een verklaring van instemming.']);
    expect(fullMatches(engine, 'instemming verklaring')).toEqual(expect.arrayContaining([1, 2]));
    expect(engine.search('zorg atlas').hits).toEqual([]);
    const typing = engineOf(['De hardheidsclausule geldt een jaar.']);
    expect(typing.search('hardheids clausule').match).toBe('all');
  });

  it('joins only words typed side by side', () => {
    const engine = engineOf(['Waar staat de zorgatlas?']);
    expect(engine.search('zorg in de regio atlas ').match).not.toBe('all');
  });
});

describe('domain synonyms (synonyms.json)', () => {
  it('documents every group with at least two forms and a source', () => {
    expect(SYNONYM_GROUPS.length).toBeGreaterThan(10);
    for (const group of SYNONYM_GROUPS) {
      expect(group.forms.length).toBeGreaterThanOrEqual(2);
      expect(group.source.length).toBeGreaterThan(10);
    }
    expect(INDEX_FORMAT).toContain(SYNONYMS_VERSION);
  });

  it('finds an abbreviation for the words it stands for, and the words for the abbreviation', () => {
    const engine = engineOf(['Is het tarief voor VPT hoger?', 'Geldt dit voor het volledig pakket thuis?', 'Is het pakket compleet?']);
    expect(fullMatches(engine, 'volledig pakket thuis tarief')).toEqual([1]);
    expect(fullMatches(engine, 'vpt')).toEqual([1, 2]);
    expect(ranked(engine, 'vpt')[0]).toBe(1); // the form as typed first
    expect(fullMatches(engine, 'pakket').sort()).toEqual([2, 3]); // a part of a form alone is no synonym
  });

  it('finds the AVG for the doctor written out, and the other way round', () => {
    const engine = engineOf(['Geldt 100% voor de inzet AVG?', 'Is de arts voor verstandelijk gehandicapten regionaal beschikbaar?', 'Een arts in de regio.']);
    expect(fullMatches(engine, 'arts verstandelijk gehandicapten')).toEqual([2, 1]);
    expect(fullMatches(engine, 'avg')).toEqual([1, 2]);
  });

  it('treats single-word synonyms alike (cliënt / bewoner / klant) and V&V as one word', () => {
    const engine = engineOf(['Mag een bewoner verhuizen?', 'Mag een cliënt verhuizen?', 'Mag de sector V&V groeien?', 'Verpleging en verzorging groeit.']);
    expect(fullMatches(engine, 'client verhuizen')).toEqual([2, 1]);
    expect(fullMatches(engine, 'klant verhuizen')).toEqual(expect.arrayContaining([1, 2]));
    expect(fullMatches(engine, 'verpleging en verzorging')).toEqual(expect.arrayContaining([3, 4]));
    expect(fullMatches(engine, 'vv')).toEqual(expect.arrayContaining([3, 4]));
  });

  it('finds forms that share words with another form typed before them', () => {
    // "pakket thuis" is typed twice: the second time it still belongs to "modulair pakket thuis".
    const engine = engineOf(['Geldt dit voor VPT en MPT?', 'Geldt dit voor VPT?', 'Een pakket thuis.']);
    expect(fullMatches(engine, 'volledig pakket thuis en modulair pakket thuis')).toEqual([1]);
  });

  it('leaves out synonyms and number forms that most records of a large index have, but never the word as typed', () => {
    const common = Array.from({ length: 1100 }, (_, i) => `Overeenkomst ${i} met 3 bijlagen en een toelichting.`);
    const engine = engineOf([...common, 'Een contract met drie bijlagen.']);
    const contract = common.length + 1;
    expect(fullMatches(engine, 'contract')).toEqual([contract]);
    expect(fullMatches(engine, 'drie bijlagen')).toEqual([contract]);
    expect(fullMatches(engine, 'overeenkomst')).toContain(contract); // a rare synonym stays
    expect(fullMatches(engine, 'overeenkomst')).toHaveLength(common.length + 1);
    // On a small index every synonym counts.
    expect(fullMatches(engineOf(['Een overeenkomst.', 'Een contract.']), 'contract').sort()).toEqual([1, 2]);
  });

  it('keeps zzp\'er (self-employed) apart from ZZP (care package)', () => {
    const engine = engineOf(["Moeten zzp'ers als onderaannemer worden opgegeven?", 'Welke ZZP krijgt de cliënt?', 'Het zorgzwaartepakket VG 7.']);
    expect(fullMatches(engine, 'zelfstandigen zonder personeel')).toEqual([1]);
    expect(fullMatches(engine, 'zorgzwaartepakket')).toEqual(expect.arrayContaining([2, 3]));
    expect(fullMatches(engine, 'zorgzwaartepakket')).not.toContain(1);
  });

  it('keeps the changed index format out of old index files', () => {
    const engine = engineOf(['Een vraag.']);
    const old = JSON.stringify({ ...JSON.parse(engine.serialize()), format: 'nvi-search/1' });
    expect(() => loadSearchEngine(old, () => undefined)).toThrow(/format/);
  });
});

describe('term proximity (proximity.ts)', () => {
  it('ranks a record where the query words stand together above one with the same words apart', () => {
    // The same words in each record, so only their distance differs; the far one comes first in the index.
    const far = 'Reële kosten bij het tarief zijn hoger dan verwacht in deze regio, zie de vergoeding.';
    const near = 'Reële vergoeding bij het tarief zijn hoger dan verwacht in deze regio, zie de kosten.';
    const engine = engineOf([far, near]);
    expect(ranked(engine, 'reele vergoeding')).toEqual([2, 1]);
    expect(ranked(engine, 'reele kosten')).toEqual([1, 2]);
    // A single word has no distance to weigh: index order stays.
    expect(ranked(engine, 'vergoeding')).toEqual([1, 2]);
  });
});
