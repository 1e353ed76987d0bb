/** Line breaking as a word processor does it, on pdfkit's font metrics. */

/** One printed line of a cell: its text and its indent from the cell's text edge. */
export interface PrintedLine {
  text: string;
  indent: number;
  /** The line ends in the middle of a word that was too long for the line. */
  cut?: boolean;
}

export type Measure = (s: string) => number;

const LIST_ITEM = /^(?:[-•]|\d{1,2}\.|[a-z]\))\s/;
/** Words after which a line-final hyphen is read as an elision ("wet-" / "en regelgeving"). */
const ELISION_NEXT = /^(en|of|tot|t\/m|noch|dan|als|en\/of)\b/i;

/**
 * Greedy line breaking as a word processor does it: words go on a line while they fit; a compound
 * with a hyphen ("Wlz-indicatie") may break after its hyphen; a word longer than the whole line is
 * cut where the line is full. A "\n" starts a new line, an empty line between paragraphs is kept
 * as an empty printed line, list items get a hanging indent.
 */
export function wrapText(text: string, width: number, measure: Measure, lists = true): PrintedLine[] {
  const out: PrintedLine[] = [];
  for (const para of text.split('\n')) {
    if (para.trim() === '') {
      out.push({ text: '', indent: 0 });
      continue;
    }
    const marker = lists ? LIST_ITEM.exec(para) : null;
    const hang = marker ? measure(marker[0]) : 0;
    let line = '';
    let indent = 0;
    const push = (s: string, cut = false) => {
      out.push(cut ? { text: s, indent, cut } : { text: s, indent });
      line = '';
      indent = hang;
    };
    for (let word of para.trim().split(/ +/)) {
      for (;;) {
        const room = width - indent;
        const candidate = line === '' ? word : `${line} ${word}`;
        if (measure(candidate) <= room) {
          line = candidate;
          break;
        }
        const head = hyphenHead(word, line, room, measure);
        if (head) {
          push(line === '' ? head : `${line} ${head}`);
          word = word.slice(head.length);
          continue;
        }
        if (line !== '') {
          push(line);
          continue;
        }
        // A word wider than the line: cut it where the line is full.
        let n = 1;
        while (n < word.length && measure(word.slice(0, n + 1)) <= room) n++;
        push(word.slice(0, n), true);
        word = word.slice(n);
        if (word === '') break;
      }
    }
    if (line !== '') out.push({ text: line, indent });
  }
  // A trailing "\n" would leave an empty last line; the cell ends where its text ends.
  while (out.length > 0 && out[out.length - 1]!.text === '') out.pop();
  return out;
}

/**
 * The longest head of a hyphenated compound, up to and including a hyphen, that still fits on the
 * line. Not after a hyphen that is followed by a conjunction: "x-" / "en…" would print exactly as
 * the elision "x- en", and the parser rightly reads it as one.
 */
function hyphenHead(word: string, line: string, room: number, measure: Measure): string | null {
  let best: string | null = null;
  for (let i = 1; i < word.length - 1; i++) {
    if (word[i] !== '-') continue;
    const head = word.slice(0, i + 1);
    const rest = word.slice(i + 1);
    if (!/[\p{L}\p{N}]-$/u.test(head) || !/^[\p{L}\p{N}]/u.test(rest) || ELISION_NEXT.test(rest)) continue;
    if (measure(line === '' ? head : `${line} ${head}`) <= room) best = head;
  }
  return best;
}
