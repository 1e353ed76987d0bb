/**
 * Stable keys for grouping. Printed labels are kept as they are; keys are what browsing, filters
 * and URLs use, so that labels that differ only in noise land in one group.
 */

/** Lower case, diacritics folded, anything but letters and digits turned into single hyphens. */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' en ')
    .replace(/[^\p{L}\p{N}.]+/gu, '-')
    .replace(/\.(?!\d)|(?<!\d)\./g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
}

/** A year or a range of years ("2021", "2021-2023", "2021/2022", "2021 – 2058"). */
const TRAILING_YEARS = /(?:[\s,]*(?:19|20)\d{2}(?:\s*[-–/]\s*(?:19|20)?\d{2})?)+\s*$/u;

/**
 * The document a label names, without the years after its name: "Bijlage 1 Overeenkomst Wlz
 * 2021-2023" and "…2021-2058" (an auto-increment slip in a source table) are one document, as are
 * "Inkoopkader langdurige zorg 2021-2023" and "Inkoopkader langdurige zorg". A label that is only
 * a year keeps it.
 */
export function documentKey(label: string): string {
  const stripped = label.replace(TRAILING_YEARS, '').trim();
  return truncateSlug(slugify(stripped || label), 64) || 'zonder-document';
}

/**
 * Paragraph labels that differ only in spacing, case or punctuation share a key:
 * "2.7 Duurzaamheid", "2.7. duurzaamheid" and "2.7  Duurzaamheid" → "2.7-duurzaamheid".
 */
export function paragraphKey(label: string): string {
  const normalised = label.replace(/(\d)\.(?=\s|$)/g, '$1');
  return truncateSlug(slugify(normalised), 64) || 'zonder-paragraaf';
}

/** Keeps URLs readable: long headings are cut at a word boundary. */
function truncateSlug(slug: string, max: number): string {
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max + 1);
  const at = cut.lastIndexOf('-');
  return at > max / 2 ? cut.slice(0, at) : slug.slice(0, max);
}
