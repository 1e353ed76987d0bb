/**
 * Paragraph labels such as "Deel 1.A.", "1. Algemeen" or "Begrippen" recur in several documents
 * and say little on their own: up to this many characters a label is shown with its document.
 */
export const SHORT_LABEL_CHARS = 20;

export function isShortLabel(label: string): boolean {
  return label.trim().length <= SHORT_LABEL_CHARS;
}

/** "Bijlage 4 · Deel 1.A.": a paragraph where it appears out of its document's context. */
export function placeLabel(document: string, paragraph: string): string {
  if (!paragraph) return document;
  return document ? `${document} · ${paragraph}` : paragraph;
}
