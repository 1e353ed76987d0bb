import { describe, expect, it } from 'vitest';
import { labelRole, normaliseLabel } from '../../ingest/detect-columns.ts';

describe('header labels', () => {
  it.each([
    ['VraagID', 'vid'],
    ['Vraag ID', 'vid'],
    ['Vraag-ID', 'vid'],
    ['Vraagnummer', 'vid'],
    ['Vraagnr.', 'vid'],
    ['Nr.', 'vid'],
    ['#', 'vid'],
    ['Document', 'document'],
    ['Bijlage', 'document'],
    ['Document / bijlage', 'document'],
    ['Paragraaf', 'paragraph'],
    ['Hoofdstuk', 'paragraph'],
    ['Onderdeel', 'paragraph'],
    ['Hoofdstuk/paragraaf', 'paragraph'],
    ['Artikel', 'paragraph'],
    ['Vraag', 'question'],
    ['Vraag zorgaanbieder', 'question'],
    ['Vraag van de zorgaanbieder', 'question'],
    ['Vraag/opmerking', 'question'],
    ['Antwoord', 'answer'],
    ['Antwoord zorgkantoor', 'answer'],
    ['Antwoord van het zorgkantoor', 'answer'],
    ['Reactie zorgkantoren', 'answer'],
    ['Beantwoording', 'answer'],
    ['Pagina', 'page'],
    ['Blz.', 'page'],
    ['Pag.', 'page'],
    ['Paginanummer', 'page'],
    ['Pagina nr.', 'page'],
    ['Onderwerp', 'subject'],
    ['Thema', 'subject'],
    ['Nr', 'vid'],
    ['Nummer', 'vid'],
    ['Uw vraag', 'question'],
    ['Gestelde vraag', 'question'],
    ['Vraag van de inschrijver', 'question'],
    ['Vraag of opmerking', 'question'],
    ['Antwoord aan de gegadigden', 'answer'],
    ['Antwoord opdrachtgever', 'answer'],
    ['Referentie', 'reference'],
    ['Verwijzing', 'reference'],
    ['Vindplaats', 'reference'],
    ['Document / pagina / paragraaf', 'reference'],
    ['Document, paragraaf', 'reference'],
    ['Paragraaf/blz.', 'reference'],
    ['Referentie document', 'reference'],
    ['Paragraafnummer', 'paragraph'],
    ['Datum', 'other'],
  ] as const)('"%s" is a %s column', (label, role) => {
    expect(labelRole(label)).toBe(role);
  });

  it.each(['Vraag of antwoord ingetrokken', 'Zorgkantoor', 'Toelichting bij de vraag', '', 'Vraag en antwoord', 'Uw', 'Onderwerp van de vraag'])('"%s" is no column label', (label) => {
    expect(labelRole(label)).toBeNull();
  });

  it.each([
    ['Nr. Vraag', 'a number column and a question column set close together'],
    ['Nr. Blz.', 'a number column and a page column'],
    ['Blz. Paragraaf', 'a page column and a paragraph column, without the separator one label would have'],
  ])('"%s" is not one label: %s', (label) => {
    expect(labelRole(label)).toBeNull();
  });

  it('ignores case, accents, punctuation and spacing', () => {
    expect(normaliseLabel('  Vraag-ID: ')).toBe('vraag id');
    expect(normaliseLabel('Hoofdstuk / Paragraaf')).toBe('hoofdstuk/paragraaf');
    expect(normaliseLabel('Cliënt')).toBe('client');
  });
});
