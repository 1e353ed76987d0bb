/**
 * Dutch number words and the numbers they name, both ways ("vier" / "4", "veertig" / "40",
 * "honderd" / "100"), so a query may write a number either way.
 */

const UNITS = [
  'nul', 'een', 'twee', 'drie', 'vier', 'vijf', 'zes', 'zeven', 'acht', 'negen', 'tien',
  'elf', 'twaalf', 'dertien', 'veertien', 'vijftien', 'zestien', 'zeventien', 'achttien', 'negentien',
];
const TENS = ['', '', 'twintig', 'dertig', 'veertig', 'vijftig', 'zestig', 'zeventig', 'tachtig', 'negentig'];
const ROUND: Readonly<Record<number, string>> = { 100: 'honderd', 1000: 'duizend' };

/**
 * The folded Dutch word for 0-99, 100 and 1000 ("eenentwintig": unit, "en", tens; the diaeresis of
 * "tweeëntwintig" is folded away), else null.
 */
export function numberWord(n: number): string | null {
  if (!Number.isInteger(n) || n < 0) return null;
  if (n < 20) return UNITS[n] ?? null;
  if (n < 100) {
    const unit = n % 10;
    const tens = TENS[Math.floor(n / 10)] ?? '';
    return unit === 0 ? tens : `${UNITS[unit] ?? ''}en${tens}`;
  }
  return ROUND[n] ?? null;
}

const VALUES: ReadonlyMap<string, number> = new Map(
  [...Array.from({ length: 100 }, (_, n) => n), 100, 1000].flatMap((n) => {
    const word = numberWord(n);
    return word === null ? [] : [[word, n] as const];
  }),
);

/** The number a folded word names ("veertig" → 40), else null. */
export function numberValue(word: string): number | null {
  return VALUES.get(word) ?? null;
}

/** The other way of writing a folded token that is a number or a number word, else null. */
export function otherNumberForm(token: string): string | null {
  if (/^\d+$/u.test(token)) return numberWord(Number(token));
  const value = numberValue(token);
  return value === null ? null : String(value);
}
