import { truncate } from '../plugins/view-helpers.ts';

/**
 * How long a heading made from a question may be: about two lines of the page heading on a
 * desktop, four on a phone. Longer questions are cut at a word boundary with "…".
 */
export const HEADING_MAX_CHARS = 120;

/**
 * A question longer than this is folded after about five lines on its page ("Lees de hele
 * vraag"): five lines of the reading measure (44rem, ~85 characters a line) on a desktop.
 */
export const FOLD_MIN_CHARS = 420;

/** "…toenemen. Vraag: in hoeverre kan…": what follows an explicit "Vraag:" is the question itself. */
const QUESTION_LABEL = /(?:^|[.:;!?]\s+|\n)vraag\s*\d*\s*:\s*(?=\S)/giu;

/** Sentence ends: a full stop, question or exclamation mark followed by white space. */
const SENTENCE_END = /(?<=[.?!])\s+/u;

/**
 * A short form of a question for headings, page titles and link texts: the part after an explicit
 * "Vraag:", else the first sentence that asks something, else the first sentence; at most
 * HEADING_MAX_CHARS. Askers often explain first and ask last, so the first sentence alone
 * would often be context rather than the question.
 */
export function questionHeading(question: string): string {
  const flat = question.replace(/\s+/g, ' ').trim();
  if (flat === '') return '';
  let last: RegExpExecArray | null = null;
  for (let m = QUESTION_LABEL.exec(flat); m !== null; m = QUESTION_LABEL.exec(flat)) last = m;
  QUESTION_LABEL.lastIndex = 0;
  const body = last ? flat.slice(last.index + last[0].length) : flat;
  const sentences = body.split(SENTENCE_END).filter((s) => s.trim() !== '');
  const asking = sentences.find((s) => s.includes('?'));
  const chosen = asking ?? sentences[0] ?? body;
  const capitalised = chosen.charAt(0).toLocaleUpperCase('nl-NL') + chosen.slice(1);
  return truncate(capitalised, HEADING_MAX_CHARS);
}

/** The heading says the whole question: the page need not repeat it below. */
export function headingIsWholeQuestion(question: string, heading: string): boolean {
  return question.replace(/\s+/g, ' ').trim() === heading;
}

/** Whether the question page folds this question (see FOLD_MIN_CHARS). */
export function isLongQuestion(question: string): boolean {
  return question.trim().length > FOLD_MIN_CHARS;
}
