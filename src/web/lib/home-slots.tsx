import { createContext, useContext, type ReactNode } from 'react';

/** A shortcut on the 工作台: one of the pages the user may open. */
export interface HomeLink {
  key: string;
  path: string;
  label: string;
  icon: ReactNode;
}

/** A card a module puts on the 工作台 (composed in app/dashboard-cards.tsx). */
export interface HomeCard {
  key: string;
  element: ReactNode;
  /** Grid columns out of 24; default 12. */
  span?: number;
}

/**
 * What the app shell hands to the 工作台 — links to the visible pages and the cards of the modules the user
 * may use, and `lead` (我的待办), the first thing on the page — so the home feature shows other modules
 * without importing them.
 */
export const HomeSlots = createContext<{ links: HomeLink[]; cards: HomeCard[]; lead?: ReactNode }>({
  links: [],
  cards: [],
});

/** The links and cards for the signed-in user. */
export function useHomeSlots() {
  return useContext(HomeSlots);
}
