/**
 * The comparable words of a question or answer, for "the same question elsewhere": folded,
 * stemmed content words, with every sector name mapped to one token so a GGZ question and its GZ
 * twin ("… in de GGZ" / "… in de gehandicaptenzorg") do not differ on that word alone.
 */
import { stem, STOPWORDS } from '../search/dutch.ts';
import { normalizeToken, tokenize } from '../search/text.ts';

/** Sector names and abbreviations as NvIs write them; each sibling NvI swaps in its own. */
const SECTOR_WORDS: ReadonlySet<string> = new Set([
  'ggz', 'gz', 'vg', 'lg', 'zg', 'lvg', 'sglvg', 'vv', 'vvt', 'ghz', 'gehandicaptenzorg', 'gehandicaptensector',
  'verpleeghuiszorg', 'ouderenzorg', 'psychiatrie', 'geestelijke', 'gezondheidszorg', 'verpleging', 'verzorging',
]);
const SECTOR_TOKEN = '§sector';

/** Words that carry no request in a question ("graag", "vragen", "kunt"): every question has them. */
const QUESTION_FILLER: ReadonlySet<string> = new Set([
  'graag', 'vraag', 'vragen', 'kunt', 'kan', 'kunnen', 'wel', 'ook', 'nog', 'maar', 'wanneer', 'waarom', 'binnen',
  'dan', 'als', 'toelichten', 'toelichting', 'verduidelijken', 'bedoeld', 'zorgkantor', 'zorgkantoor',
]);

export function contentTerms(text: string): string[] {
  const out: string[] = [];
  for (const token of tokenize(text)) {
    const folded = normalizeToken(token.text);
    if (SECTOR_WORDS.has(folded)) {
      out.push(SECTOR_TOKEN);
      continue;
    }
    if (STOPWORDS.has(folded) || QUESTION_FILLER.has(folded) || folded.length < 2) continue;
    const stemmed = stem(folded);
    if (QUESTION_FILLER.has(stemmed)) continue;
    out.push(stemmed);
  }
  return out;
}
