import { describe, expect, it } from 'vitest';
import { normalizeGlyphs } from '../../ingest/glyphs.ts';
import { joinCellLines, wholeWords, wordKey, type CellLine } from '../../ingest/join-lines.ts';

/**
 * Cell lines as a word processor prints them, in a font where every character is 5pt wide (the
 * rules below only look at widths per character) and a column 60pt (12 characters) wide.
 */
const CW = 5;
const PITCH = 11;

function cell(...texts: string[]): CellLine[] {
  return texts.map((t, i) => {
    const indent = /^ +/.exec(t)?.[0].length ?? 0;
    const text = t.trim();
    const x = 100 + indent * CW;
    return { text, page: 1, y: 200 + i * PITCH, x, right: x + text.length * CW, size: 9 };
  });
}

function join(lines: CellLine[], words: readonly string[] = [], chars = 12): string {
  const known = new Set(words.map(wordKey));
  return joinCellLines(lines, { pitch: PITCH, width: chars * CW, edge: 100 + chars * CW, isWord: (t) => known.has(wordKey(t)) });
}

describe('joining wrapped lines', () => {
  it('puts a space where a line wrapped', () => {
    expect(join(cell('Wij hanteren', 'dezelfde', 'systematiek.'))).toBe('Wij hanteren dezelfde systematiek.');
  });

  it('joins a compound broken after its hyphen, but keeps the Dutch elision', () => {
    expect(join(cell('een Wlz-', 'indicatie'))).toBe('een Wlz-indicatie');
    expect(join(cell('de wet-', 'en regelgeving'))).toBe('de wet- en regelgeving');
  });

  it('keeps list items on lines of their own', () => {
    expect(join(cell('als volgt:', '- eerste punt;', '- tweede punt.'))).toBe('als volgt:\n- eerste punt;\n- tweede punt.');
  });

  it('reads Symbol and Wingdings bullets (private-use code points) as bullets, and their lists as lists', () => {
    expect(normalizeGlyphs('\uf0b7 eerste')).toBe('• eerste');
    expect(normalizeGlyphs('\uf0a7 tweede \uf0e0 derde')).toBe('• tweede → derde');
    expect(normalizeGlyphs('geen symbool')).toBe('geen symbool');
    const lines = cell('als volgt:', '\uf0b7 eerste punt;', '\uf0b7 tweede punt.').map((l) => ({ ...l, text: normalizeGlyphs(l.text) }));
    expect(join(lines)).toBe('als volgt:\n• eerste punt;\n• tweede punt.');
  });

  it('reads an indented continuation of a list item as wrapped, not as a short line', () => {
    expect(join(cell('als volgt:', '- de eerste', '  voorwaarde;', '- de tweede.'))).toBe('als volgt:\n- de eerste voorwaarde;\n- de tweede.');
  });
});

describe('words cut because they did not fit the column', () => {
  it('rejoins a cut word that is printed whole elsewhere', () => {
    expect(join(cell('de', 'inkoopsystem', 'atiek voor'), ['inkoopsystematiek'])).toBe('de inkoopsystematiek voor');
  });

  it('rejoins a cut word when neither half is a word', () => {
    expect(join(cell('de', 'inkoopsystem', 'atiek voor'))).toBe('de inkoopsystematiek voor');
  });

  it('keeps a whole word that fills the line apart from a known word after it', () => {
    expect(join(cell('Welke', 'documentatie', 'is nodig?'), ['is'])).toBe('Welke documentatie is nodig?');
  });

  it('keeps a word apart when the line still had room', () => {
    expect(join(cell('Welke', 'documenten', 'zijn nodig?'))).toBe('Welke documenten zijn nodig?');
  });

  it('glues punctuation carried over from a word that filled the line', () => {
    expect(join(cell('met', 'zorgaanbiede', '?'))).toBe('met zorgaanbiede?');
  });

  it('never cuts between a small letter and a capital, or between letters and digits', () => {
    expect(join(cell('Voorschrift', 'Zorgtoewijzing'))).toBe('Voorschrift Zorgtoewijzing');
    expect(join(cell('1. Algemeen', 'Hoofdstukken', '8: Slot'))).toBe('1. Algemeen Hoofdstukken 8: Slot');
  });

  it('never cuts a compound that has a hyphen: it would have been broken there', () => {
    expect(join(cell('gebruik-zorg', 'apparaten'))).toBe('gebruik-zorg apparaten');
  });

  it('does not join a word to the head of the next cut word', () => {
    expect(join(cell('kernelement', 'bedrijfsvoer', 'ing?'), ['bedrijfsvoering'])).toBe('kernelement bedrijfsvoering?');
  });
});

describe('the vocabulary of whole words', () => {
  it('leaves out what may be a piece of a cut word', () => {
    const words = wholeWords(cell('de inkoop', 'inkoopsystem', 'atiek voor 2021,', 'en verder.'));
    expect([...words].sort()).toEqual(['2021', 'de', 'en', 'inkoop', 'verder', 'voor']);
  });
});
