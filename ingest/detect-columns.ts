import { fold } from '../core/text/fold.ts';
import { groupLines, splitWords, type Line } from './lines.ts';
import type { Column, ColumnRole, HeaderRow, PageItems, TextItem } from './types.ts';

/**
 * What a header label names, read word by word so that the wordings of other NvIs are read too
 * ("Nr.", "Uw vraag", "Vraag van de inschrijver", "Blz.", "Document / pagina / paragraaf"). Each
 * word of the folded label (see normaliseLabel) is a role word, a filler word that names no role
 * ("uw", "gestelde", "zorgkantoor"), or unknown: one unknown word and the label is no label.
 */
type Word = 'id' | 'question' | 'answer' | 'document' | 'page' | 'paragraph' | 'reference' | 'subject' | 'other' | 'filler';

const ROLE_WORDS: ReadonlyArray<readonly [Word, RegExp]> = [
  ['id', /^(id|vid|nr|nummer|no|num|volgnummer|volgnr|vraagnummer|vraagnr|vraagid|#|kenmerk)$/],
  ['question', /^(vraag|vragen|vraagstelling|opmerking|opmerkingen)$/],
  ['answer', /^(antwoord|antwoorden|beantwoording|reactie|reacties)$/],
  ['document', /^(document|documentnaam|documenten|inkoopdocument|brondocument|aanbestedingsdocument|bron|stuk|bijlage)$/],
  ['page', /^(pagina|paginas|pag|blz|bladzijde|p|paginanummer|paginanr)$/],
  ['paragraph', /^(paragraaf|par|§|hoofdstuk|hfst|onderdeel|artikel|sectie|paragraafnummer|paragraafnr)$/],
  ['reference', /^(referentie|ref|verwijzing|vindplaats|locatie)$/],
  ['subject', /^(onderwerp|thema|categorie|titel)$/],
  ['other', /^(datum|regio|status|wijziging|tekst|citaat)$/],
  [
    'filler',
    /^(uw|de|het|van|door|aan|bij|in|en|of|gestelde|gesteld|zorgaanbieders?|aanbieders?|inschrijvers?|gegadigden?|zorgkantoor|zorgkantoren|opdrachtgever|aanbesteder|gemeenten?)$/,
  ],
];

const LOCATION_WORDS = new Set<Word>(['document', 'page', 'paragraph']);

function wordKind(word: string): Word | null {
  for (const [kind, re] of ROLE_WORDS) if (re.test(word)) return kind;
  return null;
}

export function normaliseLabel(text: string): string {
  return fold(text)
    .replace(/[.:;()'"*]/g, '')
    .replace(/[-_]/g, ' ')
    .replace(/\s*\/\s*/g, '/')
    .replace(/\s+/g, ' ')
    .trim();
}

export function labelRole(text: string): ColumnRole | null {
  const norm = normaliseLabel(text);
  const kinds: Word[] = [];
  for (const w of norm.split(/[ /,&+]/).filter((x) => x !== '')) {
    const kind = wordKind(w);
    if (!kind) return null;
    if (kind !== 'filler') kinds.push(kind);
  }
  return roleOf(kinds, /[/,&+]| en /.test(norm));
}

/**
 * The role the role words of one label name together (in printed order), or null when they name
 * none or contradict. Labels set close together read as one phrase ("Nr. Vraag", "Blz. Paragraaf"),
 * so a combination counts only in the order, or with the separator, that one label has.
 */
function roleOf(kinds: readonly Word[], separated: boolean): ColumnRole | null {
  const set = new Set(kinds);
  const locations = [...set].filter((k) => LOCATION_WORDS.has(k));
  // "Document / pagina / paragraaf": one cell that says where, in several parts.
  if (set.has('reference')) return only(set, ['reference', 'document', 'page', 'paragraph']) ? 'reference' : null;
  if (locations.length >= 2) return separated && only(set, ['document', 'page', 'paragraph']) ? 'reference' : null;
  // A number of something is that thing ("Paginanummer", "Pagina nr."); a question's number is its id.
  if (locations.length === 1) {
    const location = locations[0] as ColumnRole;
    return set.size === 1 || (only(set, [locations[0]!, 'id']) && kinds[0] !== 'id') ? location : null;
  }
  if (set.has('id')) return set.size === 1 || (only(set, ['id', 'question']) && kinds[0] === 'question') ? 'vid' : null;
  if (set.size !== 1) return null;
  const kind = kinds[0];
  return kind === 'question' || kind === 'answer' || kind === 'subject' || kind === 'other' ? kind : null;
}

function only(kinds: ReadonlySet<Word>, allowed: readonly Word[]): boolean {
  return [...kinds].every((k) => allowed.includes(k));
}

interface Label {
  role: ColumnRole;
  label: string;
  x0: number;
  x1: number;
}

interface Phrase {
  words: TextItem[];
  x0: number;
  x1: number;
}

/**
 * Words closer than ~half a font size belong to one label ("Vraag ID"); wider gaps separate
 * labels. A monospaced font's space is wider than that (0.6 em in Courier), so a gap of about one
 * of the word's own characters also joins.
 */
function phrases(words: TextItem[]): Phrase[] {
  const sorted = [...words].sort((a, b) => a.x - b.x);
  const out: Phrase[] = [];
  for (const w of sorted) {
    const last = out[out.length - 1];
    const charW = w.str.length > 0 ? w.w / w.str.length : 0;
    if (last && w.x - last.x1 < Math.max(w.size * 0.6, charW * 1.15)) {
      last.words.push(w);
      last.x1 = Math.max(last.x1, w.x + w.w);
    } else {
      out.push({ words: [w], x0: w.x, x1: w.x + w.w });
    }
  }
  return out;
}

/** Reads one phrase as one label, or as several labels set too close together ("Nr. Vraag"). */
function phraseLabels(p: Phrase): Label[] | null {
  const text = p.words.map((w) => w.str).join(' ');
  const role = labelRole(text);
  if (role) return [{ role, label: text, x0: p.x0, x1: p.x1 }];
  // Split into consecutive word groups that are each a label; prefer fewest groups.
  const n = p.words.length;
  const best: Array<Label[] | null> = new Array(n + 1).fill(null);
  best[0] = [];
  for (let end = 1; end <= n; end++) {
    for (let start = 0; start < end; start++) {
      const prev = best[start];
      if (!prev) continue;
      const ws = p.words.slice(start, end);
      const t = ws.map((w) => w.str).join(' ');
      const r = labelRole(t);
      if (!r) continue;
      const last = ws[ws.length - 1]!;
      const cand = [...prev, { role: r, label: t, x0: ws[0]!.x, x1: last.x + last.w }];
      const cur = best[end];
      if (!cur || cand.length < cur.length) best[end] = cand;
    }
  }
  return best[n] ?? null;
}

/** Labels of a header candidate, or null when the line is not a plausible table header. */
function readHeaderLabels(words: TextItem[]): Label[] | null {
  const labels: Label[] = [];
  let unknown = 0;
  for (const p of phrases(words)) {
    const ls = phraseLabels(p);
    if (ls) labels.push(...ls);
    else {
      unknown++;
      labels.push({ role: 'other', label: p.words.map((w) => w.str).join(' '), x0: p.x0, x1: p.x1 });
    }
  }
  const roles = new Set(labels.map((l) => l.role));
  if (!roles.has('question') || !roles.has('answer')) return null;
  const known = labels.length - unknown;
  if (known < 3 || unknown > 1) return null;
  // Each role at most once, except 'other'.
  const counts = new Map<ColumnRole, number>();
  for (const l of labels) counts.set(l.role, (counts.get(l.role) ?? 0) + 1);
  for (const [role, c] of counts) if (role !== 'other' && c > 1) return null;
  // Question must come before answer, left to right, in every NvI layout we know.
  const q = labels.findIndex((l) => l.role === 'question');
  const a = labels.findIndex((l) => l.role === 'answer');
  return q < a ? labels : null;
}

/** Labels split over two lines ("Vraag-" / "nummer") are merged by horizontal overlap. */
function mergeTwoLines(first: Line, second: Line): TextItem[] {
  const top = first.items.flatMap(splitWords);
  const bottom = second.items.flatMap(splitWords);
  const merged = top.map((w) => ({ ...w }));
  for (const b of bottom) {
    // The word above it that it overlaps most (a word's width of slack for centred labels).
    let host: TextItem | undefined;
    let most = Number.NEGATIVE_INFINITY;
    for (const w of merged) {
      if (!(b.x < w.x + w.w + w.size && b.x + b.w > w.x - w.size)) continue;
      const overlap = Math.min(b.x + b.w, w.x + w.w) - Math.max(b.x, w.x);
      if (overlap > most) [host, most] = [w, overlap];
    }
    if (host) {
      host.str = host.str.endsWith('-') ? host.str.slice(0, -1) + b.str : `${host.str} ${b.str}`;
      host.w = Math.max(host.x + host.w, b.x + b.w) - host.x;
    } else merged.push({ ...b, y: first.y });
  }
  return merged;
}

/** Finds the header row on a page: the first line (or pair of lines) whose labels name the columns. */
export function findHeader(page: PageItems): { labels: Label[]; top: number; bottom: number } | null {
  const lines = groupLines(page.items);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const single = readHeaderLabels(line.items.flatMap(splitWords));
    const next = lines[i + 1];
    const canPair = next !== undefined && next.y - line.y < line.size * 1.6;
    const paired = canPair ? readHeaderLabels(mergeTwoLines(line, next)) : null;
    // Two lines that read as a header together are one: a label wrapped in its cell ("Document /
    // pagina /" over "paragraaf") adds no label, but its second line is no table text either.
    const best = paired && (!single || paired.length >= single.length || hasVid(paired) > hasVid(single)) ? paired : single;
    if (!best) continue;
    const usedNext = best === paired;
    const last = usedNext ? next! : line;
    return { labels: best, top: line.y, bottom: last.y + last.size };
  }
  return null;
}

function hasVid(labels: Label[]): number {
  return labels.some((l) => l.role === 'vid') ? 1 : 0;
}

/**
 * Turns header labels into column bounds. Labels may be left-aligned or centred over their
 * column, so the bound between two columns is taken from the body text: the widest vertical
 * strip between the two labels that no text run crosses (the gutter), at its right end, where
 * the next column's text starts. When runs cross everywhere (a producer that writes a whole row
 * as one run), the least-crossed strip wins and the runs are cut there later.
 */
export function detectColumns(
  header: { labels: Label[]; top: number; bottom: number },
  page: number,
  body: readonly TextItem[],
): HeaderRow {
  const labels = [...header.labels].sort((a, b) => a.x0 - b.x0);
  const columns: Column[] = labels.map((l) => ({ role: l.role, label: l.label, left: l.x0, right: l.x1 }));
  for (let i = 1; i < labels.length; i++) {
    const prev = labels[i - 1]!;
    const cur = labels[i]!;
    columns[i]!.left = gutter(prev.x1, cur.x0, body) ?? cur.x0 - 0.5;
  }
  for (let i = 0; i < columns.length; i++) {
    columns[i]!.right = columns[i + 1]?.left ?? Number.POSITIVE_INFINITY;
  }
  columns[0]!.left = Number.NEGATIVE_INFINITY;
  return { page, columns, top: header.top, bottom: header.bottom };
}

function gutter(from: number, to: number, body: readonly TextItem[]): number | null {
  if (to - from < 0.5) return null;
  // Sweep the crossing count over the interval in 0.5pt steps: cheap and precise enough.
  const step = 0.5;
  const n = Math.ceil((to - from) / step);
  const crossings = new Int32Array(n + 1);
  let seen = 0;
  for (const it of body) {
    const a = it.x;
    const b = it.x + it.w;
    if (b <= from || a >= to) continue;
    seen++;
    const i0 = Math.max(0, Math.ceil((a - from) / step));
    const i1 = Math.min(n, Math.floor((b - from) / step));
    for (let i = i0; i <= i1; i++) crossings[i]!++;
  }
  if (seen === 0) return null;
  let min = Number.POSITIVE_INFINITY;
  for (const c of crossings) min = Math.min(min, c);
  let bestStart = -1;
  let bestLen = -1;
  for (let i = 0; i <= n; ) {
    if (crossings[i] !== min) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 <= n && crossings[j + 1] === min) j++;
    // Prefer the widest strip; on ties the rightmost, nearest the next label.
    if (j - i >= bestLen) {
      bestLen = j - i;
      bestStart = i;
    }
    i = j + 1;
  }
  const end = bestStart + bestLen;
  return Math.min(from + end * step, to);
}
