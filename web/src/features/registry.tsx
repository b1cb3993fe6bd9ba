import {
  IconAddressBook,
  IconBook,
  IconCalendarEvent,
  IconChartBar,
  IconFileImport,
  IconHeartHandshake,
  IconSettings,
  IconSparkles,
} from '@tabler/icons-react';
import { type ComponentType, lazy } from 'react';

/**
 * Feature pages beyond the board and the table. Each feature owns its folder
 * (`web/src/features/<name>/`) whose `page.tsx` default-exports the page; the shell builds the
 * routes and the menu from this list. Sub-routes of a feature live under its path (`today/*`).
 */
export interface FeaturePage {
  path: string;
  label: string;
  icon: ComponentType<{ size?: number; stroke?: number }>;
  /** Where it sits in the menu: before the board (Today), after the table, or not in it (linked from pages). */
  placement: 'top' | 'bottom' | 'hidden';
  Page: ComponentType;
}

export const FEATURE_PAGES: FeaturePage[] = [
  {
    path: 'today',
    label: 'Today',
    icon: IconCalendarEvent,
    placement: 'top',
    Page: lazy(() => import('./today/page.tsx')),
  },
  {
    path: 'insights',
    label: 'Insights',
    icon: IconChartBar,
    placement: 'bottom',
    Page: lazy(() => import('./insights/page.tsx')),
  },
  {
    path: 'week',
    label: 'This week',
    icon: IconHeartHandshake,
    placement: 'bottom',
    Page: lazy(() => import('./week/page.tsx')),
  },
  {
    path: 'skills',
    label: 'Skills',
    icon: IconSparkles,
    placement: 'bottom',
    Page: lazy(() => import('./skills/page.tsx')),
  },
  {
    path: 'contacts',
    label: 'Contacts',
    icon: IconAddressBook,
    placement: 'bottom',
    Page: lazy(() => import('./contacts/page.tsx')),
  },
  {
    path: 'settings',
    label: 'Settings',
    icon: IconSettings,
    placement: 'bottom',
    Page: lazy(() => import('./settings/page.tsx')),
  },
  {
    path: 'import',
    label: 'Import',
    icon: IconFileImport,
    placement: 'bottom',
    Page: lazy(() => import('./import/page.tsx')),
  },
  {
    path: 'evidence',
    label: 'Why Rebound suggests this',
    icon: IconBook,
    placement: 'hidden',
    Page: lazy(() => import('./evidence/page.tsx')),
  },
];
