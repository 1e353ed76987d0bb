import { describe, expect, it } from 'vitest';
import { findFurniture, isPageNumber } from '../../ingest/furniture.ts';
import type { PageItems, TextItem } from '../../ingest/types.ts';

describe('page numbers', () => {
  it.each(['3', '- 3 -', '3/12', '3 van 12', 'Pagina 3', 'Pagina 3 van 12', 'blz. 4', 'www.zorgkantoren.nl Pagina 3 van 12', '1 juli 2025 3/12'])(
    '"%s" is one',
    (text) => expect(isPageNumber(text)).toBe(true),
  );

  it.each(['VID-0012', 'Artikel 3 lid 2', '2021-2023', 'Pagina 40, kwaliteitsgelden: er staat'])('"%s" is none', (text) => {
    expect(isPageNumber(text)).toBe(false);
  });
});

function item(str: string, y: number, x = 40): TextItem {
  return { str, x, y, w: str.length * 4.5, size: 9 };
}

/** A page of table lines at a normal pitch, with optional lines at the top and bottom edges. */
function page(n: number, top: string | null, bottom: string | null, body: string[]): PageItems {
  const items = body.map((t, i) => item(t, 80 + i * 10.5));
  if (top) items.push(item(top, 26));
  if (bottom) items.push(item(bottom, 800));
  return { page: n, width: 595, height: 842, items };
}

describe('running headers and footers', () => {
  it('drops a repeated header and the page numbers, keeps the table lines', () => {
    const pages = [1, 2].map((n) => page(n, 'Nota van Inlichtingen Wlz 2025', `Pagina ${n} van 2`, ['VID-0001 Vraag een', 'vervolg van de vraag']));
    const { byPage } = findFurniture(pages);
    for (const p of pages) {
      const dropped = [...(byPage.get(p.page) ?? [])].map((it) => it.str).sort();
      expect(dropped).toEqual(['Nota van Inlichtingen Wlz 2025', `Pagina ${p.page} van 2`].sort());
    }
  });

  it('keeps an edge line that sits close to the table text', () => {
    const pages = [1, 2, 3].map((n) => ({ ...page(n, null, null, ['VID-0001 Vraag een', 'vervolg']), items: [item('12', 80), item('vervolg', 86)] }));
    expect(findFurniture(pages).byPage.size).toBe(0);
  });
});
