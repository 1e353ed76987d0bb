/**
 * The start of a list item, one rule for the ingest (which starts each item on a line of its own,
 * see ingest/join-lines.ts) and the pages (which render those lines as a list, see
 * server/plugins/view-helpers.ts): whatever the ingest splits off as an item, the page shows as one.
 *
 * - bullets: "- ", "– ", "— ", "• ", "· ", "▪ ", "■ ", "◦ ", "● ", "○ ", "* ", "> ", and "o " (Word's
 *   second-level bullet, printed as a letter o);
 * - enumerators: "1. ", "12) ", "(3) ", "a. ", "b) ", "(c) " (one or two digits, or one small letter).
 *
 * A marker is followed by white space and then text: "-" alone or "1." alone starts no item.
 */
const BULLET = '(?:[-–—•·▪■◦●○*>]|o(?=\\s))';
const ENUMERATOR = '(?:\\(?\\d{1,2}[.)]|\\(?[a-z][.)])';
const AFTER = '\\s+(?=\\S)';

const BULLET_START = new RegExp(`^${BULLET}${AFTER}`, 'u');
const ENUMERATOR_START = new RegExp(`^${ENUMERATOR}${AFTER}`, 'u');

export type ListKind = 'bullet' | 'enumerator';

export interface ListMarker {
  kind: ListKind;
  /** The marker as printed, with the white space after it ("● ", "(a) "). */
  text: string;
}

/** The list marker a line starts with, or null when it starts no list item. */
export function listMarker(line: string): ListMarker | null {
  const bullet = BULLET_START.exec(line);
  if (bullet) return { kind: 'bullet', text: bullet[0] };
  const enumerator = ENUMERATOR_START.exec(line);
  if (enumerator) return { kind: 'enumerator', text: enumerator[0] };
  return null;
}

export function isListItem(line: string): boolean {
  return listMarker(line) !== null;
}
