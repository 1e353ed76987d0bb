/**
 * The judged "same question elsewhere" sample (see README.md beside this file), with the records
 * it names read from the gold files, and its split into a half to tune on and a half to measure.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const FIXTURES = path.join(HERE, '..', 'fixtures');

/** Record names are `<slug>#<seq>` (2024-2026) or `<slug>#<VraagID>` (2021-2023). */
const SOURCES: Record<string, { file: string; key: 'seq' | 'vid' }> = {
  'nvi-ggz-2024-2026': { file: path.join(FIXTURES, 'real', 'NvI-GGZ-2024-2026.gold.jsonl'), key: 'seq' },
  'nvi-gz-2024-2026': { file: path.join(FIXTURES, 'real', 'NvI-GZ-2024-2026.gold.jsonl'), key: 'seq' },
  'nvi-2021-2023': { file: path.join(FIXTURES, 'nvi-2021-2023.gold.jsonl'), key: 'vid' },
};

export interface JudgedRecord {
  name: string;
  nota: string;
  question: string;
  answer: string;
}

export interface JudgedPair {
  a: string;
  b: string;
  same: boolean;
  answer?: 'same' | 'different';
  note: string;
}

export interface ExhaustiveEntry {
  record: string;
  same: string[];
}

export function readRecords(): JudgedRecord[] {
  const out: JudgedRecord[] = [];
  for (const [nota, { file, key }] of Object.entries(SOURCES)) {
    for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const r = JSON.parse(line) as Record<string, unknown>;
      out.push({ name: `${nota}#${String(r[key])}`, nota, question: String(r['question']), answer: String(r['answer']) });
    }
  }
  return out;
}

export function readPairs(): JudgedPair[] {
  return JSON.parse(fs.readFileSync(path.join(HERE, 'same-question-pairs.json'), 'utf8')) as JudgedPair[];
}

export function readExhaustive(): ExhaustiveEntry[] {
  return JSON.parse(fs.readFileSync(path.join(HERE, 'same-question-exhaustive.json'), 'utf8')) as ExhaustiveEntry[];
}

/**
 * Tune or holdout, fixed by the pair's names (FNV-1a parity), so the halves never change when
 * pairs are added and no one can move a pair to the half that suits them.
 */
export function half(pair: { a: string; b: string }): 'tune' | 'holdout' {
  let h = 0x811c9dc5;
  for (const ch of `${pair.a}|${pair.b}`) {
    h ^= ch.charCodeAt(0);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % 2 === 0 ? 'tune' : 'holdout';
}
