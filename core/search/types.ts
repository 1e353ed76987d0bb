/**
 * The contract between the search engine and the rest of the server. The engine knows text and
 * ranking; loaders turn its hits into pages and API responses.
 */

import type { StoredRecord } from '../model.ts';
import type { Hits } from './hits.ts';

/** What the engine indexes for one Q&A record. */
export interface IndexRecord extends StoredRecord {
  /** Numeric part of the VID ("VID-0318" → 318), for lookups typed as "318" or "vid 318". */
  vidNumber: number | null;
}

export interface SearchFilter {
  /** Restrict to these notas (the snapshot's active notas, or one chosen by the user). */
  notaIds?: readonly number[];
  documentKey?: string;
  /** Any of these documents (a search across several). */
  documentKeys?: readonly string[];
  paragraphKey?: string;
}

/** "all": the top hits contain every query word; "some": only partial matches; "none": nothing. */
export type MatchKind = 'all' | 'some' | 'none';

export interface SearchHit {
  id: number;
  notaId: number;
  documentKey: string;
  paragraphKey: string;
  score: number;
  /** Whether this record contains every (non-excluded) query word. */
  matchedAll: boolean;
  /** Set when the query named this record by its id (a VID lookup), not found by its words. */
  idLookup?: true;
}

/** Escaped HTML with matches wrapped in <mark>. Never returns unescaped user or record text. */
export interface Highlighter {
  /** The whole text, highlighted. */
  full(text: string): string;
  /** At most `maxLength` characters: the start of the text, or a window around the first match. */
  snippet(text: string, maxLength: number): string;
}

/** A query word the index does not have, searched as the likeliest word it does have (a typo). */
export interface Correction {
  /** The word as typed in the query. */
  word: string;
  /** The word searched instead, as the found records write it (lower case unless written in capitals inside). */
  correction: string;
}

export interface SearchOutcome {
  match: MatchKind;
  /** Every matching record, best first (VID lookups first of all): built from `ranked` when read. */
  readonly hits: SearchHit[];
  /** The same matches as columns, ordered only as far as read: what the server uses. */
  ranked: Hits;
  /** With a count filter: the matches it lets through instead, unordered (what facets count). */
  counted: Hits | null;
  highlighter: Highlighter;
  /** The typed words that were searched as another word, in query order; empty when none were. */
  corrections: Correction[];
}

/** Read access to record text, for post-filters (phrases, exclusions) on a loaded index. */
export type TextSource = (id: number) => { question: string; answer: string } | undefined;

export interface SearchEngine {
  readonly size: number;
  /**
   * Never throws on any query string; an empty or stopword-only query returns no hits. With
   * `countFilter`, `counted` holds the matches under that filter too, from the same scoring.
   */
  search(query: string, filter?: SearchFilter, countFilter?: SearchFilter): SearchOutcome;
  /** The records most similar in text to record `id` (not itself), best first. */
  related(id: number, limit: number, filter?: SearchFilter): SearchHit[];
  /** The index position of a record (matches are numbered in position order), if indexed. */
  position(id: number): number | undefined;
  /** A highlighter for a query without running it (e.g. the question page reached from a search). */
  highlighter(query: string): Highlighter;
  serialize(): string;
}
