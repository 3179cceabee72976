import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { isAllowed } from '@/lib/auth/policy';
import { today } from '@/lib/clock';
import { db } from '@/lib/db/client';
import { searchPeople, searchScopeOf } from '@/lib/db/people-search-queries';
import { MIN_QUERY_LENGTH, parseSearchQuery } from '@/lib/domain/people-search';
import { localizedTitle } from '@/lib/i18n/server';
import { PageHeader } from '@/components/layout/page-header';
import { maySeePersonal, personPageHref } from '@/components/people/person-links';
import { personalHistoryHref } from '@/components/people/personal-history-button';
import { Badge } from '@/components/ui/badge';
import { DataTable, cellClass, headCellClass } from '@/components/ui/table';
import { requirePermission } from '../../../_lib/current-province';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('people.search');
  return { title: t('title') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * People found by name (without diacritics), code or, for the roles that see personal data, personal ID, within the
 * user's scope (docs/decisions/039-completeness-search-personal-history.md). Each result links to the person's page
 * when the user may open it, and to his personal history form when the user sees his personal data.
 */
export default async function PeopleSearchPage({ searchParams }: Props) {
  const user = await requirePermission('people.search');
  const raw = (await searchParams).q;
  const text = (Array.isArray(raw) ? raw[0] : raw) ?? '';
  // The personal ID is personal data: searched only for the roles that see it (in their scope, as every result).
  const query = parseSearchQuery(text, { mayUseNationalId: isAllowed(user.role, 'cadre.viewPersonal') });
  const [t, locale] = await Promise.all([getTranslations('people.search'), getLocale()]);
  const found = query ? await searchPeople(db(), searchScopeOf(user), query, today()) : null;
  const scopeKey = user.role === 'commune_chairman' ? 'commune' : user.role === 'department_officer' ? 'department' : 'province';
  const link = 'text-brand-800 underline hover:text-brand-900';
  return (
    <>
      <PageHeader title={t('title')} lead={t(`scope.${scopeKey}`)} />
      {!query ? (
        <p className="text-sm text-stone-700" data-testid="search-hint">{text.trim() ? t('tooShort', { min: MIN_QUERY_LENGTH }) : t('hint')}</p>
      ) : found!.results.length === 0 ? (
        <p role="status" className="text-sm text-stone-800" data-testid="search-none">{t('none', { q: query.text })}</p>
      ) : (
        <>
          <p role="status" className="mb-3 text-sm text-stone-800" data-testid="search-count">
            {found!.more ? t('countMore', { count: found!.results.length, q: query.text }) : t('count', { count: found!.results.length, q: query.text })}
          </p>
          <DataTable caption={t('caption', { q: query.text })} testId="search-results">
            <thead>
              <tr>
                <th scope="col" className={headCellClass}>{t('columns.name')}</th>
                <th scope="col" className={headCellClass}>{t('columns.code')}</th>
                <th scope="col" className={headCellClass}>{t('columns.unit')}</th>
                <th scope="col" className={headCellClass}>{t('columns.position')}</th>
                <th scope="col" className={headCellClass}>{t('columns.documents')}</th>
              </tr>
            </thead>
            <tbody>
              {found!.results.map((person) => {
                const href = personPageHref(user, user.provinceId, person);
                return (
                  <tr key={person.id}>
                    <th scope="row" className={`${cellClass} text-left font-medium`}>
                      {href ? <Link prefetch={false} href={href} className={link}>{person.fullName}</Link> : person.fullName}
                      {person.isActive ? null : <span className="ml-2"><Badge tone="neutral">{t('left')}</Badge></span>}
                    </th>
                    <td className={cellClass}>{person.code}</td>
                    <td className={cellClass}>{person.unit ? `${person.unit.kind === 'department' ? '' : `${t(`unitKind.${person.unit.kind}`)} `}${person.unit.name}` : '—'}</td>
                    <td className={cellClass}>{person.position ? localizedTitle(locale, person.position) : '—'}</td>
                    <td className={cellClass}>
                      {maySeePersonal(user, user.provinceId, person.unit) ? (
                        <a href={personalHistoryHref(person.code)} download className={link}>{t('personalHistory')}</a>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </DataTable>
        </>
      )}
    </>
  );
}
