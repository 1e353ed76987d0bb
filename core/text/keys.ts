/**
 * Stable keys for grouping. Printed labels are kept as they are; keys are what browsing, filters
 * and URLs use, so that labels that differ only in noise land in one group.
 */
import { fold } from './fold.ts';

/**
 * What a NvI's slug may be. It is a path segment of every link to the NvI and a filter value,
 * so it is letters, digits, ".", "_" and "-", starting with a letter or digit. The URL schemas
 * (server/routes/schemas.ts) check links against this same rule, so a slug that passes here can
 * always be linked to.
 */
export const SLUG_RULE = { pattern: /^[\p{L}\p{N}][\p{L}\p{N}._-]*$/u, maxLength: 120 } as const;

/** Why a slug given by hand is unusable (a sentence after the flag's name), or null when it is fine. */
export function slugProblem(slug: string): string | null {
  if (slug === '') return 'must not be empty';
  if (slug.length > SLUG_RULE.maxLength) return `must be at most ${SLUG_RULE.maxLength} characters, got ${slug.length}`;
  if (!SLUG_RULE.pattern.test(slug)) {
    return `may contain only letters, digits, ".", "_" and "-" and must start with a letter or digit, got "${slug}" (e.g. "${slugify(slug) || 'nvi-2024-2026'}")`;
  }
  return null;
}

/** The slug a PDF gets when none is given: its file name without ".pdf", as a key. */
export function slugForFile(file: string): string {
  const base = file.replace(/^.*[\\/]/, '').replace(/\.pdf$/i, '');
  return truncateSlug(slugify(base), SLUG_RULE.maxLength) || 'nvi';
}

/**
 * Files whose names give one slug ("NvI 2024.pdf" and "nvi-2024.pdf"): ingested together they
 * would replace each other as editions of one NvI on every run. Each group is in name order.
 */
export function slugCollisions(files: readonly string[]): Array<{ slug: string; files: string[] }> {
  const bySlug = new Map<string, string[]>();
  for (const f of new Set(files)) {
    const slug = slugForFile(f);
    bySlug.set(slug, [...(bySlug.get(slug) ?? []), f]);
  }
  return [...bySlug].filter(([, group]) => group.length > 1).map(([slug, group]) => ({ slug, files: [...group].sort() }));
}

/** Lower case, diacritics folded, anything but letters and digits turned into single hyphens. */
export function slugify(text: string): string {
  return fold(text)
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
