/**
 * Named tolerances of the layout analysis, with the reason for each value. Distances are in PDF
 * points (1/72 inch) unless a name says it is relative to the font size.
 */

/** A filled or stroked shape thinner than this is a rule: Word's borders are 0.5 pt, heavy ones up to 2.25 pt. */
export const RULE_MAX_THICKNESS = 2.5;

/** Shorter rules are glyph-like marks (underscores of a checkbox, bullets), not borders. */
export const RULE_MIN_LENGTH = 4;

/** Pieces of one border drawn per cell abut or overlap; a gap up to this still joins them. */
export const RULE_MERGE_GAP = 1.5;

/** A colour whose darkest channel is at least this (0-255) is painted white: not a visible rule. */
export const RULE_INVISIBLE_LIGHTNESS = 0xf8;

/** A rule belongs to a cell edge when it lies within this of the text box (cell padding is 5 pt in Word). */
export const RULE_SNAP = 2;

/** Headings are set at least this much larger than body text (relative), or in bold at body size. */
export const HEADING_SIZE_RATIO = 1.15;

/**
 * Lines of one wrapped heading follow each other at most this many font sizes apart (top to top):
 * a line pitch is 1.15–1.5 sizes; a heading followed by body text leaves more room.
 */
export const HEADING_LINE_PITCH = 1.9;

/** Text within this many font sizes of a column's left edge starts in that column. */
export const COLUMN_SLACK = 0.5;

/**
 * Between two borderless text columns the gutter is at least this many font sizes wide; the space
 * between words on one line is about a quarter of one.
 */
export const MIN_GUTTER = 1.2;

/**
 * Space between two lines, in line pitches, that starts a new paragraph: a blank line's worth
 * (2 pitches) or a paragraph's space after (Word: 0.6–1 line); wrapped lines follow at 1.
 */
export const PARAGRAPH_GAP = 1.6;

/** A line is set in bold when at least this share of its characters is. */
export const BOLD_SHARE = 0.8;

/** A horizontal rule cuts a table's rows when it spans at least this share of the table's width. */
export const ROW_RULE_SPAN = 0.5;

/**
 * In a borderless table a row starts after a gap this many line pitches wide: the cell padding
 * above and below adds about half a line to the pitch, a wrapped line adds nothing.
 */
export const ROW_GAP_PITCHES = 1.25;

/** Column bounds of two table parts within this distance belong to one table (across a page break). */
export const SAME_BOUND = 4;
