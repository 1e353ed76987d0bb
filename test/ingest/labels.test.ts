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
    ['Pagina', 'other'],
    ['Onderwerp', 'other'],
  ] as const)('"%s" is a %s column', (label, role) => {
    expect(labelRole(label)).toBe(role);
  });

  it.each(['Vraag of antwoord ingetrokken', 'Zorgkantoor', 'Toelichting bij de vraag', ''])('"%s" is no column label', (label) => {
    expect(labelRole(label)).toBeNull();
  });

  it('ignores case, accents, punctuation and spacing', () => {
    expect(normaliseLabel('  Vraag-ID: ')).toBe('vraag id');
    expect(normaliseLabel('Hoofdstuk / Paragraaf')).toBe('hoofdstuk/paragraaf');
    expect(normaliseLabel('Cliënt')).toBe('client');
  });
});
