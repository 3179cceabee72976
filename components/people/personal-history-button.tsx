import { getTranslations } from 'next-intl/server';
import { can, type Resource } from '@/lib/auth/policy';
import type { SessionUser } from '@/lib/auth/roles';

/** Where the person's "Sơ yếu lý lịch" (mẫu 2C-BNV/2008) is served as PDF (app/api/people/[code]/personal-history). */
export const personalHistoryHref = (code: string) => `/api/people/${encodeURIComponent(code)}/personal-history`;

/**
 * The button that prints the person's personal history form: a plain download link (it works without JavaScript),
 * shown only to a user who sees the person's personal data (`cadre.viewPersonal` on his unit); the route checks again.
 */
export async function PersonalHistoryButton({ user, code, resource }: { user: SessionUser; code: string; resource: Resource }) {
  if (!can(user, 'cadre.viewPersonal', resource)) return null;
  const t = await getTranslations('people.personalHistory');
  return (
    <p className="mb-6">
      <a
        href={personalHistoryHref(code)}
        download
        data-testid="print-personal-history"
        className="inline-flex items-center rounded-md bg-white px-4 py-2 text-sm font-semibold text-brand-800 shadow-xs ring-1 ring-inset ring-brand-300 hover:bg-brand-50"
      >
        {t('print')}
      </a>
      <span className="ml-3 text-xs text-stone-600">{t('hint')}</span>
    </p>
  );
}
