import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { isListItem } from '../../core/text/list-markers.ts';
import { dutchDate, dutchNumber, pageRange, registerHelpers, textToHtml, truncate } from '../../server/plugins/view-helpers.ts';

describe('textToHtml', () => {
  it('keeps paragraphs and line breaks', () => {
    expect(textToHtml('Eerste regel\ntweede regel\n\nNieuwe alinea')).toBe('<p>Eerste regel<br>tweede regel</p><p>Nieuwe alinea</p>');
  });

  it('turns bulleted lines into a list without the bullets', () => {
    expect(textToHtml('Bouwstenen:\n- Zorgproces;\n• Zelfreflectie.')).toBe('<p>Bouwstenen:</p><ul><li>Zorgproces;</li><li>Zelfreflectie.</li></ul>');
  });

  it('keeps the markers of numbered lines, in an ordered list', () => {
    expect(textToHtml('Richtlijnen:\n1. Rechtstreeks.\n2. Onderaanneming.\nSlot')).toBe(
      '<p>Richtlijnen:</p><ol><li>1. Rechtstreeks.</li><li>2. Onderaanneming.</li></ol><p>Slot</p>',
    );
    expect(textToHtml('a) een\n- twee')).toBe('<ol><li>a) een</li></ol><ul><li>twee</li></ul>');
  });

  it('escapes plain text', () => {
    expect(textToHtml('<script>alert("x")</script> & \'y\'')).toBe('<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;</p>');
  });

  it('passes highlighter HTML through with the same structure', () => {
    expect(textToHtml('Het <mark>budget</mark>:\n- <mark>extra</mark> &amp; meer', true)).toBe(
      '<p>Het <mark>budget</mark>:</p><ul><li><mark>extra</mark> &amp; meer</li></ul>',
    );
  });
});

describe('list items: the rule the ingest splits them by', () => {
  it.each([
    ['● een\n● twee', '<ul><li>een</li><li>twee</li></ul>'],
    ['■ een\n■ twee', '<ul><li>een</li><li>twee</li></ul>'],
    ['◦ een\no twee', '<ul><li>een</li><li>twee</li></ul>'],
    ['(a) een\n(b) twee', '<ol><li>(a) een</li><li>(b) twee</li></ol>'],
    ['(1) een\n(2) twee', '<ol><li>(1) een</li><li>(2) twee</li></ol>'],
  ])('%j renders as a list', (text, html) => {
    expect(textToHtml(text)).toBe(html);
  });

  it('every line the ingest starts a list item with is a list item on the page, and no other', () => {
    const lines = ['- a', '– a', '— a', '• a', '· a', '▪ a', '■ a', '◦ a', '● a', '○ a', '* a', '> a', 'o a', '1. a', '12) a', '(3) a', 'b. a', 'c) a', '(d) a'];
    const notItems = ['-', '1.', 'oog', 'a', '123. a', 'Ab) a', '(ab) a', 'x'];
    for (const line of [...lines, ...notItems]) {
      const html = textToHtml(line);
      expect(/^<(ul|ol)><li>/.test(html), line).toBe(isListItem(line));
    }
    for (const line of lines) expect(isListItem(line), line).toBe(true);
  });

  it('finds a bullet in highlighter HTML, also one that is escaped', () => {
    expect(textToHtml('&gt; <mark>extra</mark>\n● meer', true)).toBe('<ul><li><mark>extra</mark></li><li>meer</li></ul>');
  });
});

describe('small helpers', () => {
  it('formats Dutch dates and page ranges', () => {
    expect(dutchDate('2020-07-01')).toBe('1 juli 2020');
    expect(dutchDate(null)).toBe('');
    expect(pageRange(42, 42)).toBe('pagina 42');
    expect(pageRange(42, 43)).toBe("pagina's 42–43");
  });

  it('writes numbers as Dutch does, as toLocaleString does', () => {
    expect(dutchNumber(7)).toBe('7');
    expect(dutchNumber(12345)).toBe('12.345');
    for (const n of [0, -0, 1, 999, 1000, 1001, 999_999, 1e21, -5, 2.5, 0.1, NaN, Infinity]) expect(dutchNumber(n)).toBe(n.toLocaleString('nl-NL'));
  });

  it('truncates at a word boundary', () => {
    expect(truncate('kort', 10)).toBe('kort');
    expect(truncate('Dit is een lange vraag over het kwaliteitsbudget', 30)).toBe('Dit is een lange vraag over…');
    expect(truncate('regel\n\neen   twee', 40)).toBe('regel een twee');
  });

  it('registers helpers whose output is escaped unless it is meant as HTML', () => {
    const hbs = Handlebars.create();
    registerHelpers(hbs);
    const render = (source: string, data: object) => hbs.compile(source)(data);
    expect(render('{{count n "vraag" "vragen"}}', { n: 1 })).toBe('1 vraag');
    expect(render('{{count n "vraag" "vragen"}}', { n: 1234 })).toBe('1.234 vragen');
    expect(render('{{truncate t 20}}', { t: '<b>vet</b> en nog veel meer tekst' })).toBe('&lt;b&gt;vet&lt;/b&gt; en nog…');
    // Remembered per text and length: the same text cut to another length is cut anew.
    expect(render('{{truncate t 20}}|{{truncate t 12}}|{{truncate t 20}}', { t: 'Een vraag over het kwaliteitsbudget' })).toBe(
      'Een vraag over het…|Een vraag…|Een vraag over het…',
    );
    expect(render('{{text t}}', { t: '<i>x</i>' })).toBe('<p>&lt;i&gt;x&lt;/i&gt;</p>');
    expect(render('{{#if (or a b)}}ja{{/if}}', { a: 0, b: 'x' })).toBe('ja');
    expect(render('{{#if (or a b)}}ja{{else}}nee{{/if}}', { a: 0, b: '' })).toBe('nee');
  });
});
