/**
 * The one fold every comparison of text uses (search terms, keys and slugs, column labels,
 * answer grouping, file names): lower case without diacritics, compatibility forms spelled out.
 * "Cliënt" → "client", "reële" → "reele", "ﬁ" → "fi". Lower-casing first lets NFKD split the marks
 * it adds (the dot of a lower-cased "İ"), which are then dropped; lower-casing again catches the
 * capitals that NFKD spells out ("㎒" → "MHz" → "mhz").
 */
export function fold(text: string): string {
  // Most Dutch words are plain ASCII: skip the (costly) normalisation for them.
  if (!NON_ASCII.test(text)) return text.toLowerCase();
  return text.toLowerCase().normalize('NFKD').replace(MARKS, '').toLowerCase();
}

const NON_ASCII = /[^\p{ASCII}]/u;
const MARKS = /\p{M}/gu;
