import type { NotaRow } from '../../core/store/qa-repository.ts';

/** What an NvI is about, as pages and the API show it (see NotaDescription in core/model.ts). */
export interface NotaDescriptionView {
  publisher: string | null;
  sector: string | null;
  round: string | null;
  subject: string | null;
  sequence: number | null;
  /** One line for pages: "Zilveren Kruis · GGZ · 2024-2026 · NvI 2"; null when nothing is known. */
  descriptionLabel: string | null;
}

export function describeNota(nota: NotaRow): NotaDescriptionView {
  const parts = [nota.publisher, nota.sector, nota.round, nota.sequence === null ? null : `NvI ${nota.sequence}`];
  const label = parts.filter((p): p is string => p !== null && p !== '').join(' · ');
  return {
    publisher: nota.publisher,
    sector: nota.sector,
    round: nota.round,
    subject: nota.subject,
    sequence: nota.sequence,
    descriptionLabel: label || null,
  };
}
