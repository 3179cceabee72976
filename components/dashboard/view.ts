import type { getTranslations } from 'next-intl/server';
import type { Dashboard, DashboardCounts } from '@/lib/domain/dashboard';
import type { AppLocale } from '@/lib/i18n/config';
import type { Formatters } from '@/lib/i18n/format';

export type Translate = Awaited<ReturnType<typeof getTranslations<never>>>;

/** What the dashboard's sections are drawn from: the counts as read, the figures computed from them, and the reader's words. */
export type DashboardView = {
  counts: DashboardCounts;
  data: Dashboard;
  t: Translate;
  format: Formatters;
  locale: AppLocale;
  /** The scope the figures cover, in words ("Tỉnh Nghệ An · Miền núi · Khối Đảng, đoàn thể"). */
  scopeLabel: string;
  /** The date the figures are read at (YYYY-MM-DD). */
  date: string;
};

/** A field's name from the catalogue, or its code when the catalogue has none. */
export const fieldName = (t: Translate, field: string) => (t.has(`fields.${field}` as never) ? t(`fields.${field}` as never) : field);

/** A label shortened for a chart's axis. */
export const shorten = (text: string, max = 24) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
