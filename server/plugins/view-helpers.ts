import type Handlebars from 'handlebars';
import { dutchDate } from '../../core/text/dutch-dates.ts';
import { escapeHtml, unescapeHtml } from '../../core/text/html.ts';
import { listMarker } from '../../core/text/list-markers.ts';

export { dutchDate };

/**
 * Cell text with its line structure: blank lines separate paragraphs, lines that start with a
 * list marker become list items, other line breaks stay line breaks. Bulleted lines become a
 * <ul> without their bullets; numbered or lettered lines an <ol> that keeps the marker as written
 * (lists in the source may start anywhere, or skip). Input is plain text (or the highlighter's
 * already-escaped HTML when `escaped` is set); the output is safe HTML.
 */
export function textToHtml(text: string, escaped = false): string {
  const esc = escaped ? (s: string) => s : escapeHtml;
  const blocks = text.split(/\n{2,}/);
  return blocks
    .map((block) => {
      const out: string[] = [];
      let listTag: 'ul' | 'ol' | null = null;
      let items: string[] = [];
      let para: string[] = [];
      const flushList = () => {
        if (listTag) out.push(`<${listTag}>${items.map((l) => `<li>${l}</li>`).join('')}</${listTag}>`);
        listTag = null;
        items = [];
      };
      const flushPara = () => {
        if (para.length) out.push(`<p>${para.join('<br>')}</p>`);
        para = [];
      };
      for (const line of block.split('\n')) {
        // The marker is found in the text as printed, as the ingest found it.
        const marker = listMarker(escaped ? unescapeHtml(line.replace(/<\/?mark>/g, '')) : line);
        if (marker) {
          const tag = marker.kind === 'bullet' ? 'ul' : 'ol';
          flushPara();
          if (listTag !== tag) {
            flushList();
            listTag = tag;
          }
          items.push(tag === 'ul' ? withoutBullet(line, marker.text, escaped) : esc(line));
        } else {
          flushList();
          para.push(esc(line));
        }
      }
      flushList();
      flushPara();
      return out.join('');
    })
    .join('');
}

/** A bulleted line without its bullet; in highlighter HTML the bullet may follow an opening <mark>. */
function withoutBullet(line: string, marker: string, escaped: boolean): string {
  if (!escaped) return escapeHtml(line.slice(marker.length));
  const open = line.startsWith('<mark>') ? '<mark>' : '';
  const printed = escapeHtml(marker);
  const rest = line.slice(open.length);
  return rest.startsWith(printed) ? open + rest.slice(printed.length) : line;
}

const DUTCH_NUMBER = new Intl.NumberFormat('nl-NL');

/**
 * A number as Dutch text: "7", "1.234", "2,5" (what `toLocaleString('nl-NL')` gives). A result
 * page shows some hundred counts, nearly all below a thousand: those need no grouping, and skip
 * the formatter (a microsecond or more each).
 */
export function dutchNumber(n: number): string {
  return Number.isInteger(n) && n >= 0 && n < 1000 && !Object.is(n, -0) ? String(n) : DUTCH_NUMBER.format(n);
}

/** At most `max` characters, cut at a word boundary: list entries that show the start of a question. */
export function truncate(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,.;:–-]+$/, '')}…`;
}

/** Entries the truncate helper keeps: some thousands of questions, a few MB at most. */
const TRUNCATED_LIMIT = 10_000;

/**
 * The truncate helper, remembering its answers: pages list the same questions again and again
 * (an answer group's members under every search that finds one of them).
 */
function memoTruncate(): (text: unknown, max: unknown) => string {
  // Keyed by the text itself, whose hash the string keeps: no key to build per call.
  const byMax = new Map<number, Map<string, string>>();
  let size = 0;
  return (text, max) => {
    const n = Number(max);
    const full = String(text ?? '');
    let done = byMax.get(n);
    if (!done) byMax.set(n, (done = new Map()));
    let short = done.get(full);
    if (short === undefined) {
      short = truncate(full, n);
      if (size >= TRUNCATED_LIMIT) {
        byMax.clear();
        byMax.set(n, (done = new Map()));
        size = 0;
      }
      done.set(full, short);
      size++;
    }
    return short;
  };
}

/**
 * A query as the reader typed it, between Dutch quotation marks: “tarief ggz”. A query that has
 * its own quotation marks (a phrase search) is shown with those, turned typographic, and no
 * second pair around it.
 */
export function quoteQuery(q: string): string {
  if (!q.includes('"')) return `“${q}”`;
  let open = true;
  return q.replace(/"/g, () => {
    open = !open;
    return open ? '”' : '“';
  });
}

/**
 * Web addresses in already-escaped HTML become links. Only http(s): nothing else (javascript:,
 * data:) can be written as a link. Trailing punctuation belongs to the sentence, not the
 * address. The links leave the site: rel="noopener nofollow".
 */
const WEB_ADDRESS = /\bhttps?:\/\/(?:(?!&quot;|&#39;|&lt;|&gt;)[^\s<>"'])+/giu;
const TRAILING_PUNCTUATION = /[.,;:!?)\]]+$/u;

export function linkify(html: string): string {
  return html.replace(WEB_ADDRESS, (match) => {
    const trail = TRAILING_PUNCTUATION.exec(match)?.[0] ?? '';
    const address = match.slice(0, match.length - trail.length);
    return `<a href="${address}" rel="noopener nofollow">${address}</a>${trail}`;
  });
}

/** Dutch page references: "p. 4", "p. 4-5". */
export function pageRef(start: number, end: number): string {
  return end > start ? `p. ${start}-${end}` : `p. ${start}`;
}

/** "pagina 42", "pagina's 42–43". */
export function pageRange(start: number, end: number): string {
  return end > start ? `pagina's ${start}–${end}` : `pagina ${start}`;
}

/** What a parameter takes, in Dutch, for the 400 page (the API's messages are English). */
const PARAMETER_HELP: Readonly<Record<string, string>> = {
  q: 'De zoekvraag mag hooguit 500 tekens lang zijn en één keer in het adres staan.',
  page: 'Het paginanummer is een heel getal van 1 tot 10.000.',
  limit: 'Het aantal resultaten per pagina is een heel getal van 1 tot 100.',
  nota: 'Kies een NvI die op de site staat; zie de lijst bij Documenten.',
  round: 'Kies een inkoopronde van een NvI die op de site staat, zoals 2024-2026.',
  sector: 'Kies een sector van een NvI die op de site staat, zoals GGZ, GZ of VV.',
  publisher: 'Kies een uitgever (zorgkantoor of ZN) van een NvI die op de site staat.',
  document: 'Kies een document dat op de site staat; zie de lijst bij Documenten.',
  paragraph: 'Kies een paragraaf die op de site staat, één tegelijk.',
  sort: 'Sorteer op "relevance" (beste resultaat eerst), "newest" (nieuwste ronde eerst) of "table" (volgorde in de NvI).',
  delimiter: 'Het scheidingsteken is "semicolon" of "comma".',
  match: 'Kies "all" (alle woorden) of "some" (ook een deel van de woorden).',
  list: 'Gebruik 1 om de lijst te tonen, of laat de parameter weg.',
  group: 'Kies "answer" (zelfde antwoorden één keer) of "none" (elke vraag apart).',
};

export function parameterHelp(name: unknown): string {
  return PARAMETER_HELP[String(name)] ?? 'Laat deze parameter weg of geef een geldige waarde.';
}

export function registerHelpers(hbs: typeof Handlebars): void {
  hbs.registerHelper('parameterHelp', (name: unknown) => parameterHelp(name));
  hbs.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  hbs.registerHelper('or', (...args: unknown[]) => args.slice(0, -1).some(Boolean));
  hbs.registerHelper('gt', (a: unknown, b: unknown) => Number(a) > Number(b));
  hbs.registerHelper('date', (iso: unknown) => dutchDate(iso));
  /** {{count n "vraag" "vragen"}} → "1 vraag", "16 vragen" (numbers with Dutch thousands separator). */
  hbs.registerHelper('count', (n: unknown, one: unknown, many: unknown) => {
    const num = Number(n);
    return `${dutchNumber(num)} ${num === 1 ? String(one) : String(many)}`;
  });
  hbs.registerHelper('number', (n: unknown) => dutchNumber(Number(n)));
  hbs.registerHelper('truncate', memoTruncate());
  hbs.registerHelper('pages', (start: unknown, end: unknown) => pageRange(Number(start), Number(end)));
  hbs.registerHelper('pageRef', (start: unknown, end: unknown) => pageRef(Number(start), Number(end)));
  hbs.registerHelper('quoted', (q: unknown) => quoteQuery(String(q ?? '')));
  /** Today's date, for the print footer ("Afgedrukt op …"); the page script puts the reader's own date in. */
  hbs.registerHelper('today', () => dutchDate(new Date().toISOString()));
  hbs.registerHelper('text', (text: unknown) => new hbs.SafeString(linkify(textToHtml(String(text ?? '')))));
  /** Highlighted HTML from the search highlighter (already escaped), with line structure. */
  hbs.registerHelper('highlighted', (html: unknown) => new hbs.SafeString(linkify(textToHtml(String(html ?? ''), true))));
}
