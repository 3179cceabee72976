import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { can } from '@/lib/auth/policy';
import type { SessionUser } from '@/lib/auth/roles';
import { db } from '@/lib/db/client';
import { listCommuneSupport } from '@/lib/db/support-queries';
import { getFormatters } from '@/lib/i18n/server';
import { Section } from '@/components/ui/section';
import { StateBadge } from '@/components/ui/state-badge';

/**
 * A commune's page: its requests still awaiting a resolution and the working groups' visits it had
 * (docs/decisions/044-support-requests-and-working-groups.md). Shown to whoever reads the commune's page.
 */
export async function CommuneSupport({ user, commune }: { user: SessionUser; commune: { id: number; provinceId: number; code: string } }) {
  if (!can(user, 'support.view', { provinceId: commune.provinceId, communeId: commune.id })) return null;
  const [{ requests, visits }, t, format, locale] = await Promise.all([listCommuneSupport(db(), commune.id), getTranslations(), getFormatters(), getLocale()]);
  const mayRaise = can(user, 'support.raise', { provinceId: commune.provinceId, communeId: commune.id });
  const link = 'font-medium text-brand-800 underline hover:text-brand-900';
  return (
    <Section
      id="support"
      title={t('support.commune.heading')}
      actions={mayRaise ? <Link prefetch={false} href="/support/new" className={`text-sm ${link}`}>{t('support.commune.raise')}</Link> : undefined}
    >
      <div className="grid gap-4 lg:grid-cols-2">
        <div>
          <h3 className="mb-2 text-sm font-semibold text-stone-900">{t('support.commune.open')}</h3>
          {requests.length === 0 ? (
            <p className="text-sm text-stone-600">{t('support.commune.noOpen')}</p>
          ) : (
            <ul className="divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white text-sm shadow-xs" data-testid="commune-support-requests">
              {requests.map((r) => (
                <li key={r.id} className="flex flex-wrap items-start justify-between gap-2 px-3 py-2">
                  <span>
                    <Link prefetch={false} href={`/support/${r.id}`} className={link}>{r.title}</Link>
                    <span className="block text-xs text-stone-600">
                      {locale === 'en' ? r.problemGroup.nameEn : r.problemGroup.nameVi} · {format.date(r.raisedOn)}{r.workingGroup ? ` · ${r.workingGroup}` : ''}
                    </span>
                  </span>
                  <StateBadge machine="supportRequest" state={r.state} />
                </li>
              ))}
            </ul>
          )}
        </div>
        <div>
          <h3 className="mb-2 text-sm font-semibold text-stone-900">{t('support.commune.visits')}</h3>
          {visits.length === 0 ? (
            <p className="text-sm text-stone-600">{t('support.commune.noVisits')}</p>
          ) : (
            <ul className="divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white text-sm shadow-xs" data-testid="commune-support-visits">
              {visits.map((v) => (
                <li key={v.id} className="px-3 py-2">
                  <p className="font-medium text-stone-900">{t('support.detail.visitBy', { group: v.workingGroup, date: format.date(v.visitedOn) })}</p>
                  <p className="text-xs text-stone-600">{t('support.detail.visitMembers', { members: v.members })}</p>
                  <p className="mt-0.5 whitespace-pre-line text-stone-800">{v.summary}</p>
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
      <p className="mt-2 text-sm"><Link prefetch={false} href="/support" className={link}>{t('support.commune.all')}</Link></p>
    </Section>
  );
}
