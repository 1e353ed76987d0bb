import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { derivedId } from '../../core/text/ids.ts';
import { readPublisher, readRound, readSector, readSequence, readSubject } from '../../ingest/describe-nota.ts';
import { parsePdfBytes } from '../../ingest/parse.ts';
import { BORDERED_PDF } from '../helpers/gold.ts';

describe('reading what an NvI is about from its title', () => {
  it.each([
    ['Nota van Inlichtingen bij het Inkoopbeleid Wlz Geestelijke Gezondheidszorg 2024-2026', 'Inkoopbeleid Wlz Geestelijke Gezondheidszorg 2024-2026', 'GGZ', '2024-2026'],
    ['Nota van Inlichtingen Landelijk Inkoopkader Wlz 2021-2023', 'Landelijk Inkoopkader Wlz 2021-2023', null, '2021-2023'],
    ['Nota van Inlichtingen 2 over het zorginkoopbeleid GZ 2025 – 2027', 'Zorginkoopbeleid GZ 2025 – 2027', 'GZ', '2025-2027'],
    ['Tweede Nota van Inlichtingen: Inkoopbeleid V&V 2024', 'Inkoopbeleid V&V 2024', 'VV', null],
  ])('%s', (title, subject, sector, round) => {
    expect(readSubject(title)).toBe(subject);
    expect(readSector(subject)).toBe(sector);
    expect(readRound(subject)).toBe(round);
  });

  it('numbers an NvI in a series only when the title says so', () => {
    expect(readSequence('Nota van Inlichtingen 2 Inkoopbeleid GGZ')).toBe(2);
    expect(readSequence('Tweede Nota van Inlichtingen')).toBe(2);
    expect(readSequence('Nota van Inlichtingen 2024-2026')).toBeNull();
    expect(readSequence('Nota van Inlichtingen bij het Inkoopbeleid')).toBeNull();
  });

  it('names the care office the text names most, or ZN for a national NvI', () => {
    expect(readPublisher('Zilveren Kruis zorgkantoor, zie www.zilverenkruis.nl; contact met CZ', '')).toBe('Zilveren Kruis');
    expect(readPublisher('Nota van Inlichtingen Landelijk Inkoopkader Wlz', 'VGZ')).toBe('ZN');
    expect(readPublisher('Inleiding', 'het zorgkantoor Menzis')).toBe('Menzis');
    expect(readPublisher('Inleiding', 'geen naam')).toBeNull();
  });
});

describe('derived ids', () => {
  it('are the section number or an ASCII slug of the title, and the position', () => {
    expect(derivedId('1.2', 3)).toBe('1.2-3');
    expect(derivedId('Leeswijzer', 2)).toBe('leeswijzer-2');
    expect(derivedId('Algemene vragen över één thema', 1)).toBe('algemene-vragen-over-een-thema-1');
  });
});

describe('the NvI 2021-2023 (a VraagID table)', () => {
  it('is described as the national NvI of the 2021-2023 round', async () => {
    const parsed = await parsePdfBytes(new Uint8Array(fs.readFileSync(BORDERED_PDF)), { file: BORDERED_PDF });
    expect(parsed.description).toEqual({ publisher: 'ZN', sector: null, round: '2021-2023', subject: 'Landelijk Inkoopkader Wlz 2021-2023', sequence: null });
    // Printed ids stay printed, and the records carry none of the headed fields.
    expect(parsed.records[0]).not.toHaveProperty('idKind');
  }, 180_000);
});
