import { describe, expect, it } from 'vitest';
import { HEADING_MAX_CHARS, isLongQuestion, questionHeading } from '../../server/loaders/question-text.ts';
import { linkify, pageRef, parameterHelp, quoteQuery, textToHtml } from '../../server/plugins/view-helpers.ts';

describe('questionHeading', () => {
  it('takes what follows an explicit "Vraag:", the question after the context', () => {
    const q = 'Nu al is de vergrijzing merkbaar. De kosten nemen toe. Vraag: in hoeverre kan worden afgeweken van de richtlijn?';
    expect(questionHeading(q)).toBe('In hoeverre kan worden afgeweken van de richtlijn?');
  });

  it('takes the first sentence that asks something, else the first sentence', () => {
    expect(questionHeading('De naam van het artikel is "controle". Welk recht moet gecontroleerd worden? De zorg of de Wlz?')).toBe(
      'Welk recht moet gecontroleerd worden?',
    );
    expect(questionHeading('Graag een toelichting op het tarief. Dit is onduidelijk.')).toBe('Graag een toelichting op het tarief.');
  });

  it('stays short: long sentences are cut at a word with an ellipsis', () => {
    const heading = questionHeading(`Hoe ${'lang '.repeat(80)}is dit?`);
    expect(heading.length).toBeLessThanOrEqual(HEADING_MAX_CHARS);
    expect(heading.endsWith('…')).toBe(true);
  });

  it('folds only long questions', () => {
    expect(isLongQuestion('Kort?')).toBe(false);
    expect(isLongQuestion('woord '.repeat(100))).toBe(true);
  });
});

describe('linkify', () => {
  it('links http(s) addresses, without trailing punctuation, leaving the site with noopener nofollow', () => {
    expect(linkify(textToHtml('Zie https://www.zorgkantoren.nl/inkoop.'))).toBe(
      '<p>Zie <a href="https://www.zorgkantoren.nl/inkoop" rel="noopener nofollow">https://www.zorgkantoren.nl/inkoop</a>.</p>',
    );
  });

  it('keeps escaped characters of the address and stops at an escaped quote', () => {
    const html = linkify(textToHtml('"https://x.nl/a?b=1&c=2"'));
    expect(html).toBe('<p>&quot;<a href="https://x.nl/a?b=1&amp;c=2" rel="noopener nofollow">https://x.nl/a?b=1&amp;c=2</a>&quot;</p>');
  });

  it('links nothing but http(s)', () => {
    for (const text of ['javascript:alert(1)', 'data:text/html,x', 'ftp://x.nl/a', 'www.zorgkantoren.nl']) {
      expect(linkify(textToHtml(text))).not.toContain('<a ');
    }
  });
});

describe('Dutch wording', () => {
  it('cites pages as "p. 4" and "p. 4-5"', () => {
    expect(pageRef(4, 4)).toBe('p. 4');
    expect(pageRef(4, 5)).toBe('p. 4-5');
  });

  it('quotes a query once, a phrase search with its own quotation marks', () => {
    expect(quoteQuery('tarief ggz')).toBe('“tarief ggz”');
    expect(quoteQuery('"extra personeel"')).toBe('“extra personeel”');
    expect(quoteQuery('"extra personeel" ggz')).toBe('“extra personeel” ggz');
  });

  it('explains every search parameter in Dutch', () => {
    for (const name of ['q', 'page', 'limit', 'nota', 'document', 'paragraph', 'delimiter', 'match', 'list', 'onbekend']) {
      expect(parameterHelp(name)).toMatch(/^[A-Z].+\.$/);
      expect(parameterHelp(name)).not.toMatch(/\b(must|parameter is|invalid)\b/);
    }
  });
});
