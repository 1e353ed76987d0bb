import { describe, expect, it } from 'vitest';
import { cleanTitle, readCover } from '../../ingest/read-cover.ts';
import type { PageItems } from '../../ingest/types.ts';

/** A page of lines, one text item each, top to bottom; the first `large` lines in large type. */
function page(n: number, lines: string[], large = 0): PageItems {
  return {
    page: n,
    width: 595,
    height: 842,
    items: lines.map((str, i) => ({ str, x: 72, y: 80 + i * 30, w: str.length * 5, size: i < large ? 20 : 10 })),
  };
}

describe('the cover', () => {
  it('takes the NvI named in a lead-in sentence as the title, and none from a sentence that names none', () => {
    expect(cleanTitle('Voor u ligt de Nota van Inlichtingen bij het Inkoopbeleid Wlz Gehandicaptenzorg 2024 - 2026.')).toBe(
      'Nota van Inlichtingen bij het Inkoopbeleid Wlz Gehandicaptenzorg 2024-2026',
    );
    expect(cleanTitle('Nota van Inlichtingen Landelijk Inkoopkader Wlz 2021-2023')).toBe('Nota van Inlichtingen Landelijk Inkoopkader Wlz 2021-2023');
    expect(cleanTitle('Voor u ligt het verslag van de marktconsultatie')).toBeNull();
  });

  it('dates the NvI by a labelled date or a date alone on the cover, never by a deadline in the text', () => {
    const labelled = readCover([page(1, ['Nota van Inlichtingen', 'Datum: 1 juli 2020', 'Tekst.'], 1)], null);
    expect(labelled).toEqual({ title: 'Nota van Inlichtingen', published: '2020-07-01' });
    const alone = readCover([page(1, ['Nota van Inlichtingen 2', 'Utrecht, 3 maart 2023', 'Tekst.'], 1)], null);
    expect(alone.published).toBe('2023-03-03');
    const deadline = readCover(
      [
        page(1, ['Voor u ligt de Nota van Inlichtingen bij het Inkoopbeleid', 'Wij verwachten dat u uiterlijk 31 december 2024 een visie heeft.', 'Meer tekst.'], 1),
        page(2, ['Vandaar dat we de datum van 31-12-2024 hanteren en toevoegen aan ons beleid.']),
      ],
      3,
    );
    expect(deadline).toEqual({ title: 'Nota van Inlichtingen bij het Inkoopbeleid', published: null });
  });
});
