import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { migratePdfsToChunks } from './pdf-chunks.ts';
import { replaceSameAnswerGroups, SAME_ANSWER_SCHEMA } from './same-answer-groups.ts';
import { markActiveNotasLinked, rebuildSameQuestionLinks, SAME_QUESTION_LINKS_SCHEMA } from './same-question-links.ts';

export type Db = Database.Database;

/**
 * Schema, by version. A nota row is one ingested edition of a PDF; a changed PDF for the same
 * slug adds a new row and retires the old one (active = 0) in one transaction, so a server that
 * still serves the old edition keeps reading complete data until it reloads. Exported so the
 * upgrade from an earlier version can be tested.
 */
export const MIGRATIONS: ReadonlyArray<string | ((db: Database.Database) => void)> = [
  `
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
  CREATE TABLE nota (
    id INTEGER PRIMARY KEY,
    slug TEXT NOT NULL,
    title TEXT NOT NULL,
    published TEXT,
    source_file TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    page_count INTEGER NOT NULL,
    record_count INTEGER NOT NULL,
    ingested_at TEXT NOT NULL,
    warnings TEXT NOT NULL DEFAULT '[]',
    active INTEGER NOT NULL DEFAULT 1
  ) STRICT;
  CREATE UNIQUE INDEX nota_active_slug ON nota(slug) WHERE active = 1;
  CREATE INDEX nota_sha ON nota(sha256);
  CREATE TABLE qa (
    id INTEGER PRIMARY KEY,
    nota_id INTEGER NOT NULL REFERENCES nota(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    vid TEXT NOT NULL,
    vid_number INTEGER,
    document TEXT NOT NULL,
    document_key TEXT NOT NULL,
    paragraph TEXT NOT NULL,
    paragraph_key TEXT NOT NULL,
    question TEXT NOT NULL,
    answer TEXT NOT NULL,
    page_start INTEGER NOT NULL,
    page_end INTEGER NOT NULL,
    answer_group INTEGER,
    UNIQUE (nota_id, vid),
    UNIQUE (nota_id, seq)
  ) STRICT;
  CREATE INDEX qa_browse ON qa(nota_id, document_key, paragraph_key, seq);
  CREATE INDEX qa_vid_number ON qa(vid_number);
  CREATE INDEX qa_answer_group ON qa(nota_id, answer_group) WHERE answer_group IS NOT NULL;
  CREATE TABLE document (
    nota_id INTEGER NOT NULL REFERENCES nota(id) ON DELETE CASCADE,
    key TEXT NOT NULL,
    label TEXT NOT NULL,
    position INTEGER NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (nota_id, key)
  ) STRICT;
  CREATE TABLE paragraph (
    nota_id INTEGER NOT NULL REFERENCES nota(id) ON DELETE CASCADE,
    document_key TEXT NOT NULL,
    key TEXT NOT NULL,
    label TEXT NOT NULL,
    position INTEGER NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (nota_id, document_key, key)
  ) STRICT;
  -- The PDF itself, so the database is self-contained: pages link to it and replicas need no other file.
  CREATE TABLE nota_pdf (
    nota_id INTEGER PRIMARY KEY REFERENCES nota(id) ON DELETE CASCADE,
    data BLOB NOT NULL
  ) STRICT;
  INSERT INTO meta (key, value) VALUES ('generation', '0');
  `,
  // 2: NvIs of every shape: what an NvI is about, and the record's place in the heading hierarchy.
  `
  ALTER TABLE nota ADD COLUMN publisher TEXT;
  ALTER TABLE nota ADD COLUMN sector TEXT;
  ALTER TABLE nota ADD COLUMN round TEXT;
  ALTER TABLE nota ADD COLUMN subject TEXT;
  ALTER TABLE nota ADD COLUMN sequence INTEGER;
  ALTER TABLE qa ADD COLUMN id_kind TEXT NOT NULL DEFAULT 'printed';
  ALTER TABLE qa ADD COLUMN chapter TEXT NOT NULL DEFAULT '';
  ALTER TABLE qa ADD COLUMN subparagraph TEXT NOT NULL DEFAULT '';
  ALTER TABLE qa ADD COLUMN reference TEXT;
  ALTER TABLE qa ADD COLUMN reference_page INTEGER;
  ALTER TABLE qa ADD COLUMN refs TEXT NOT NULL DEFAULT '[]';
  ALTER TABLE qa ADD COLUMN rectifies TEXT;
  -- A paragraph sits in one chapter (that of its first record), kept with the paragraph so listing
  -- paragraphs never reads the records.
  ALTER TABLE paragraph ADD COLUMN chapter TEXT NOT NULL DEFAULT '';
  -- Few records rectify another; a question page looks them up for every record it shows.
  CREATE INDEX qa_rectifying ON qa(nota_id) WHERE rectifies IS NOT NULL;
  `,
  // 3: PDFs in chunks, so a download streams a chunk at a time instead of reading the whole file.
  migratePdfsToChunks,
  // 4: "the same question elsewhere", stored at publish; an upgraded database gets its links now,
  // not only at the next ingest that changes data.
  (db) => {
    db.exec(SAME_QUESTION_LINKS_SCHEMA);
    rebuildSameQuestionLinks(db);
  },
  // 5: "the same answer" groups over every active NvI, stored at publish for search to group by.
  (db) => {
    db.exec(SAME_ANSWER_SCHEMA);
    replaceSameAnswerGroups(db);
  },
  // 6: which NvIs the stored links cover, so a publish seeks only the matches of the NvIs it adds;
  // the links stored so far cover every active NvI.
  markActiveNotasLinked,
];

export interface OpenOptions {
  readonly?: boolean;
}

/**
 * Opens (and when writable, creates and migrates) the database. WAL lets the server read while an
 * ingest writes; busy_timeout makes a second writer wait instead of failing at once.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  if (!options.readonly) fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  if (!options.readonly) {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    migrate(db);
  } else {
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > MIGRATIONS.length) {
      db.close();
      throw new Error(newerSchema(file, version));
    }
    if (version !== MIGRATIONS.length) {
      db.close();
      throw new Error(`${file}: database schema version ${version}, expected ${MIGRATIONS.length}; run an ingest to upgrade it`);
    }
  }
  return db;
}

/** A newer program made this database: no ingest can help, only running that program (or a newer one). */
function newerSchema(file: string, version: number): string {
  return (
    `${file}: database schema version ${version} is newer than this program knows (${MIGRATIONS.length}); ` +
    'upgrade the program, or use a database made by this version'
  );
}

function migrate(db: Db): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > MIGRATIONS.length) throw new Error(newerSchema(db.name, version));
  db.transaction(() => {
    for (let v = version; v < MIGRATIONS.length; v++) {
      const step = MIGRATIONS[v]!;
      if (typeof step === 'string') db.exec(step);
      else step(db);
    }
    db.pragma(`user_version = ${MIGRATIONS.length}`);
  }).immediate();
}

/** Bumped by every ingest that changes data; servers compare it to know when to reload. */
export function readGeneration(db: Db): number {
  const row = db.prepare(`SELECT value FROM meta WHERE key = 'generation'`).get() as { value: string } | undefined;
  return row ? Number(row.value) : 0;
}
