/**
 * Where a reference in an answer points ("zie vraag 12", "zie het antwoord op vraag 7 in de eerste
 * NvI") and which records rectify a record. A reference names an id and, for another NvI, that
 * NvI's number in its series. A series is the NvIs of one tender: the same publisher, sector and
 * round, with the round known (without it two NvIs cannot be told to belong together). Within the
 * target NvI the id is matched as printed (case-insensitive), else by its number ("12" finds
 * VID-0012) when exactly one printed id has it. A reference that resolves to nothing stays text.
 */
import type { RecordRef } from '../../core/model.ts';
import type { NotaRow, QaRepository, QaRow } from '../../core/store/qa-repository.ts';
import { vidNumber } from '../../core/text/ids.ts';
import type { Snapshot } from '../snapshot/snapshot.ts';

/** An id that is only a number ("12", "0012"): it may be printed with a prefix in the target NvI. */
const NUMBER_ID = /^\s*\d+\s*$/u;

/** The loaded NvIs of `nota`'s series, itself included; just itself when it belongs to none. */
export function seriesOf(snapshot: Snapshot, nota: NotaRow): NotaRow[] {
  if (nota.round === null) return [nota];
  return snapshot.notas.filter((n) => n.id === nota.id || (n.round === nota.round && n.publisher === nota.publisher && n.sector === nota.sector));
}

/** The NvI a reference made in `from` points to, or null when that NvI is not loaded. */
export function targetNota(snapshot: Snapshot, from: NotaRow, ref: RecordRef): NotaRow | null {
  if (ref.sequence === null || ref.sequence === from.sequence) return from;
  return seriesOf(snapshot, from).find((n) => n.sequence === ref.sequence) ?? null;
}

/** The record a reference made in `from` points to, or null when it names none. */
export function resolveRef(snapshot: Snapshot, repo: QaRepository, from: NotaRow, ref: RecordRef): QaRow | null {
  const nota = targetNota(snapshot, from, ref);
  if (!nota) return null;
  const exact = repo.byVid([nota.id], ref.id.trim());
  if (exact.length === 1) return exact[0]!;
  const n = NUMBER_ID.test(ref.id) ? vidNumber(ref.id) : null;
  if (n === null) return null;
  const byNumber = repo.byVidNumber(nota.id, n);
  return byNumber.length === 1 ? byNumber[0]! : null;
}

/** The records that rectify `row`: in its own NvI, or in a later NvI of its series. */
export function rectifiersOf(snapshot: Snapshot, repo: QaRepository, nota: NotaRow, row: QaRow): QaRow[] {
  const series = seriesOf(snapshot, nota);
  return repo.rectifying(series.map((n) => n.id)).filter((candidate) => {
    const from = snapshot.notaById.get(candidate.notaId);
    return from !== undefined && candidate.rectifies !== null && resolveRef(snapshot, repo, from, candidate.rectifies)?.id === row.id;
  });
}
