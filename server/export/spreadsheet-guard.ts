import { DUTCH_MONTHS } from '../../core/text/dutch-dates.ts';

/**
 * What a CSV cell must not do when a spreadsheet opens the file: run as a formula, or turn into a
 * number or date that is no longer the text of the NvI. Excel and LibreOffice decide that from
 * the cell's text, so the guard looks at the text the way they do; a cell that would be
 * interpreted gets a leading apostrophe, which both take as "this is text" (OWASP's remedy for
 * CSV injection). The rules, with examples, are in docs/csv-export.md; every rule is tested in
 * test/export/spreadsheet-guard.test.ts.
 */

/**
 * Characters a spreadsheet skips or that show as nothing before the first visible one: white
 * space of every kind (space, NBSP, the Unicode spaces, line and paragraph separators), control
 * characters (tab, CR, LF, VT, FF, NUL, …, and C1 controls such as NEL) and format characters
 * (zero-width space and joiners, word joiner, BOM, direction marks).
 */
const INVISIBLE = /^[\s\p{Zs}\p{Zl}\p{Zp}\p{Cc}\p{Cf}\u200b\u2060\ufeff]*/u;

/**
 * Signs that start a formula: = + - @, their full-width forms (＝ ＋ － ＠, which East Asian input
 * methods type and some spreadsheets fold to ASCII), the small forms (﹦ ﹢ ﹣ ﹫) and the minus
 * sign (−), for the same reason. `|` starts a DDE call in older Excel.
 */
const FORMULA_SIGN = /^[=+\-@＝＋－＠﹦﹢﹣﹫−|]/u;

/** Digits, separators and signs only: what Excel's number, date and time recognition reads. */
const NUMBER_LIKE = /^[+\-−]?[€$£%]?\s*[\d.,:/\-\s]*\d[\d.,:/\-\s]*(?:[eE][+-]?\d+)?\s*%?$/u;

/** A whole number Excel keeps as written: no leading zero, few enough digits to show in full. */
const PLAIN_INTEGER = /^[1-9]\d{0,10}$/;

const MONTH = `(?:${DUTCH_MONTHS.join('|')}|${DUTCH_MONTHS.map((m) => m.slice(0, 3)).join('|')}|mrt|sept)\\.?`;

/** "4 mei", "4-mei-2024", "mei 2024", "mei-24": Dutch Excel makes a date of these. */
const MONTH_DATE = new RegExp(`^(?:\\d{1,2}[\\s./-]*${MONTH}(?:[\\s./-]*\\d{2,4})?|${MONTH}[\\s./-]*\\d{1,4})$`, 'iu');

/** A control or format character first: it hides what follows from a reader (and OWASP lists tab and CR). */
const HIDDEN_START = /^[\p{Cc}\p{Cf}]/u;

/** Dutch and English Excel make a logical value of these. */
const LOGICAL = /^(?:waar|onwaar|true|false)$/i;

/** Why a cell needs guarding, or null when a spreadsheet shows it as it is. */
export function spreadsheetRisk(value: string): 'formula' | 'number-or-date' | null {
  // Invisible characters before a sign do not stop it: "\u00a0=1+1" is a formula.
  const visible = value.slice(INVISIBLE.exec(value)![0].length);
  if (FORMULA_SIGN.test(visible) || HIDDEN_START.test(value)) return 'formula';
  const trimmed = value.trim();
  if (trimmed === '' || PLAIN_INTEGER.test(trimmed)) return null;
  if (NUMBER_LIKE.test(trimmed) || MONTH_DATE.test(trimmed) || LOGICAL.test(trimmed)) return 'number-or-date';
  return null;
}

/** The cell as a spreadsheet must show it: guarded by a leading apostrophe when it is at risk. */
export function neutralise(value: string): string {
  return spreadsheetRisk(value) ? `'${value}` : value;
}
