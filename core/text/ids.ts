/**
 * Record ids. A printed id is kept as printed ("VID-0318", "12", "B-4"); its number is what a user
 * types ("1879", "vid 1879"). The number is the first digit run: a duplicate printed as
 * "VID-0318-2" is still question 318, not question 2.
 */
export function vidNumber(vid: string): number | null {
  const m = /\d+/.exec(vid);
  return m ? Number(m[0]) : null;
}

/**
 * The id of a record whose NvI prints none: `<section>-<position>`, where section is the dotted
 * number of the heading that governs the record ("1.2") or, for an unnumbered section, a
 * lower-case ASCII slug of its title ("Leeswijzer" → "leeswijzer"), and position is the record's
 * 1-based place among the records of that section in document order ("1.2-3", "leeswijzer-2").
 * It depends only on the printed structure, so ingesting the same file again gives the same ids.
 */
export function derivedId(section: string, position: number): string {
  const numbered = /^\d+(?:\.\d+)*$/.test(section.trim());
  const key = numbered ? section.trim() : asciiSlug(section) || 'sectie';
  return `${key}-${position}`;
}

function asciiSlug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
}
