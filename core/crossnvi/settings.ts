/**
 * Settings of "the same question elsewhere", chosen on the tune half of the judged pairs in
 * test/crossnvi/ and measured on the other half (docs/crossnvi.md, `npm run crossnvi`).
 */

/**
 * Question similarity (TF-IDF cosine of content terms) from which two questions in different NvIs
 * count as the same question: the lowest value at which the tune half keeps precision ≥ 0.95.
 * Below it, questions on one topic that ask different things (why vs whether, another tariff
 * measure) are as alike in their words as rewordings of one request, so words alone cannot part them.
 */
export const SAME_QUESTION = 0.8;

/** Answer similarity (same measure) from which the two answers count as the same answer. */
export const SAME_ANSWER = 0.9;

/**
 * With the same substantive answer, a looser question similarity suffices: sibling NvIs copy the
 * answer to a reworded question. Chosen on the tune half like SAME_QUESTION.
 */
export const SAME_QUESTION_WITH_SAME_ANSWER = 0.25;

/** An answer shorter than this (in words) is generic ("Nee.", "Zie paragraaf 2.3.") and proves nothing. */
export const SUBSTANTIVE_ANSWER_WORDS = 8;

/** At most this many matches per record and other NvI: the best ones, as a reader scans them. */
export const MAX_PER_NOTA = 5;
