import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RecordContent } from '../../core/model.ts';

export const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
export const BORDERED_PDF = path.join(FIXTURES, 'nvi-2021-2023.pdf');
export const BORDERLESS_PDF = path.join(FIXTURES, 'nvi-2021-2023-borderless.pdf');

export interface GoldRecord {
  vid: string;
  document: string;
  paragraph: string;
  question: string;
  answer: string;
}

export function readGold(): GoldRecord[] {
  return fs
    .readFileSync(path.join(FIXTURES, 'nvi-2021-2023.gold.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as GoldRecord);
}

export const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();
export const noSpace = (s: string) => s.replace(/\s+/g, '');

/** The real 2024-2026 NvIs of test/fixtures/real (see its README), by sector. */
export const REAL_NVIS = {
  GGZ: path.join(FIXTURES, 'real', 'NvI-GGZ-2024-2026.pdf'),
  GZ: path.join(FIXTURES, 'real', 'NvI-GZ-2024-2026.pdf'),
} as const;

export interface RealGoldRecord extends RecordContent {
  seq: number;
}

export function readRealGold(sector: keyof typeof REAL_NVIS): RealGoldRecord[] {
  return fs
    .readFileSync(REAL_NVIS[sector].replace(/\.pdf$/, '.gold.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as RealGoldRecord);
}
