import type { FastifyInstance } from 'fastify';

/** Real keys and VIDs from the test database, so tests don't hard-code what the parser produced. */
export interface Sample {
  nota: string;
  document: string;
  paragraph: string;
  /** VIDs of `paragraph`, in table order. */
  paragraphVids: string[];
  /** A VID whose answer was also given to other questions, and those other VIDs. */
  grouped: { vid: string; others: string[] };
  /** The VID with the longest question (its page folds the question). */
  longVid: string;
}

export function sample(app: FastifyInstance): Sample {
  const db = app.db;
  // A paragraph with several questions, so order and neighbours can be checked.
  const par = db
    .prepare(
      `SELECT n.slug AS nota, q.document_key AS document, q.paragraph_key AS paragraph FROM qa q JOIN nota n ON n.id = q.nota_id
       WHERE n.active = 1 GROUP BY q.nota_id, q.document_key, q.paragraph_key HAVING count(*) BETWEEN 3 AND 20 ORDER BY min(q.seq) LIMIT 1`,
    )
    .get() as { nota: string; document: string; paragraph: string };
  const paragraphVids = db
    .prepare(`SELECT vid FROM qa WHERE document_key = ? AND paragraph_key = ? ORDER BY seq`)
    .pluck()
    .all(par.document, par.paragraph) as string[];
  const group = db
    .prepare(`SELECT answer_group FROM qa WHERE answer_group IS NOT NULL GROUP BY answer_group HAVING count(*) > 2 LIMIT 1`)
    .pluck()
    .get() as number;
  const groupVids = db.prepare(`SELECT vid FROM qa WHERE answer_group = ? ORDER BY seq`).pluck().all(group) as string[];
  const longVid = db.prepare('SELECT vid FROM qa ORDER BY length(question) DESC LIMIT 1').pluck().get() as string;
  return { ...par, paragraphVids, grouped: { vid: groupVids[0]!, others: groupVids.slice(1) }, longVid };
}

/** Decodes the entities Handlebars writes (it escapes & < > " ' ` =). */
export function decode(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_m, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_m, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** The hrefs in an HTML page, as a browser would read them. */
export function hrefs(html: string): string[] {
  return [...html.matchAll(/href="([^"]*)"/g)].map((m) => decode(m[1]!));
}

/** One URL of every route the app serves, pages, API, exports and source PDF alike. */
export function everyRoute(s: Sample): string[] {
  const vid = s.paragraphVids[0];
  return [
    '/',
    '/zoeken',
    '/zoeken/resultaten',
    '/documenten',
    `/documenten/${s.nota}`,
    `/documenten/${s.nota}/${s.document}`,
    `/documenten/${s.nota}/${s.document}/${s.paragraph}`,
    `/vraag/${vid}`,
    `/vraag/${s.nota}/${vid}`,
    '/api/search',
    `/api/questions/${vid}`,
    `/api/notas/${s.nota}/questions/${vid}`,
    '/api/notas',
    `/api/notas/${s.nota}`,
    `/api/notas/${s.nota}/documents`,
    '/export.csv',
    '/export.json',
    '/export.jsonl',
    `/bron/${s.nota}.pdf`,
    '/healthz',
  ];
}
