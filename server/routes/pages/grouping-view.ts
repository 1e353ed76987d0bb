import type { SearchResponse } from '../../loaders/search.ts';
import { searchHref, type ListParams } from './links.ts';
import { dutchNumber } from '../../plugins/view-helpers.ts';

/** The line under a results summary: questions and different answers, and the switch to the other view. */
export interface GroupingView {
  text: string;
  toggle: { label: string; href: string };
}

const nl = dutchNumber;

/**
 * Grouped: "52 vragen, 37 verschillende antwoorden" (an answer given to several questions counts
 * once) with a link to list every question; ungrouped: a link back to the grouped list. Only for
 * lists of results, and only where grouping changes something or has been switched off.
 */
export function groupingView(res: SearchResponse, state: string, list: ListParams): GroupingView | null {
  if (!['results', 'partial', 'browse'].includes(state)) return null;
  if (res.group === 'answer') {
    // Nothing collapsed (so at least two questions when something did): no line needed.
    if (res.total === res.questions) return null;
    return {
      text: `${nl(res.questions)} vragen, ${res.total === 1 ? 'alle met hetzelfde antwoord' : `${nl(res.total)} verschillende antwoorden`}: een antwoord op meer vragen staat één keer in de lijst.`,
      toggle: { label: 'Toon elke vraag apart', href: searchHref({ ...list, group: 'none' }) },
    };
  }
  return {
    text: 'Elke vraag staat apart in de lijst, ook als het antwoord hetzelfde is.',
    toggle: { label: 'Zelfde antwoorden samenvoegen', href: searchHref({ ...list, group: 'answer' }) },
  };
}
