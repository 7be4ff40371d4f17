/**
 * Cards on the 工作台, one line per card; a card shows only when its module's page is visible to the user
 * and its own `visible` (if any) agrees. A module exports a self-contained card component (it loads its own
 * figures) and adds a line here, e.g.
 *   { key: 'problems', feature: 'problems', span: 12, element: <ProblemsHomeCard /> },
 * Keep cards light: the 工作台 is the first page after sign-in.
 */
import type { ReactNode } from 'react';
import type { Me } from '../lib/auth.tsx';
import { DashboardHomeCard } from '../features/dashboard/home-card.tsx';
import { WarningsHomeCard } from '../features/warnings/home-card.tsx';

export interface DashboardCardEntry {
  key: string;
  /** The registry key (app/modules.tsx) of the page the card belongs to. */
  feature: string;
  element: ReactNode;
  span?: number;
  visible?: (me: Me) => boolean;
}

export const dashboardCards: DashboardCardEntry[] = [
  { key: 'dashboard', feature: 'dashboard', span: 12, element: <DashboardHomeCard /> },
  { key: 'warnings', feature: 'warnings', span: 12, element: <WarningsHomeCard /> },
];
