import { describe, expect, it } from 'vitest';
import { groupAnswers } from '../../core/store/group-answers.ts';

const STANDARD = 'Hiervoor verwijzen wij u naar het regionale deel van het zorginkoopkader van uw zorgkantoor';

describe('groupAnswers', () => {
  it('groups identical and near-identical answers transitively, and keeps different ones apart', () => {
    const answers = [
      STANDARD,
      `${STANDARD}.`,
      `${STANDARD} en de website.`,
      'Een heel ander antwoord over de planning van de inkoopprocedure voor het jaar 2021 en verder.',
      'Ja.',
      'Ja.',
    ];
    expect(groupAnswers(answers)).toEqual([0, 0, 0, null, null, null]);
  });

  it('handles a standard answer given tens of thousands of times (one group, linear work)', () => {
    const answers = Array.from({ length: 60_000 }, (_, i) =>
      i % 3 === 0 ? STANDARD : i % 3 === 1 ? `${STANDARD}, graag.` : `Antwoord nummer ${i} over een eigen onderwerp met genoeg woorden erin`,
    );
    const groups = groupAnswers(answers);
    const standard = groups.filter((g, i) => i % 3 !== 2);
    expect(new Set(standard)).toEqual(new Set([0]));
  });
});
