import { useEffect, useMemo, useState } from 'react';
import type { ServiceSummary } from '../../../common/contract/schemas';
import { createSearchAsYouType } from '../flow/search-as-you-type';
import { useKioskApi } from './kiosk-api-context';

/** What the home screen filters by: typed text, or a department / life-event chip. */
export interface CatalogueQuery {
  text: string;
  department?: string;
  lifeEvent?: string;
}

/** Search state for the home screen. */
export interface CatalogueSearchState {
  items: ServiceSummary[];
  total: number;
  searching: boolean;
}

/**
 * Search-as-you-type over the whole catalogue through `catalogue.search`
 * (characters, full pinyin and initials are matched by the core). Debounced;
 * stale answers are dropped. Inactive (no request) while `query` is null.
 */
export function useCatalogueSearch(query: CatalogueQuery | null, limit: number): CatalogueSearchState {
  const api = useKioskApi();
  const [state, setState] = useState<CatalogueSearchState>({ items: [], total: 0, searching: false });
  const key = query ? JSON.stringify(query) : null;
  const searcher = useMemo(
    () =>
      createSearchAsYouType<{ items: ServiceSummary[]; total: number }>({
        search: (k) => {
          const q = JSON.parse(k) as CatalogueQuery;
          return api.catalogue.search({ query: q.text.trim(), department: q.department, lifeEvent: q.lifeEvent, limit });
        },
        onResult: (_k, r) => setState({ items: r.items, total: r.total, searching: false }),
        onError: () => setState({ items: [], total: 0, searching: false }),
        delayMs: 0,
      }),
    [api, limit],
  );
  useEffect(() => {
    if (key === null) {
      searcher.cancel();
      setState({ items: [], total: 0, searching: false });
      return;
    }
    setState((s) => ({ ...s, searching: true }));
    searcher.input(key);
    return () => searcher.cancel();
  }, [key, searcher]);
  return state;
}
