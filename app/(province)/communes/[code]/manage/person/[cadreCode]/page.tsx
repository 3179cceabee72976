import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { today } from '@/lib/clock';
import { db } from '@/lib/db/client';
import { findPersonInCommune, listCommunePositions, openPrimary } from '@/lib/db/roster-queries';
import { getFormatters, localizedTitle } from '@/lib/i18n/server';
import { Breadcrumbs } from '@/components/layout/breadcrumbs';
import { PageHeader } from '@/components/layout/page-header';
import { ChangePrimaryForm } from '@/components/roster/change-primary-form';
import { AddConcurrentForm, RemoveConcurrentForm } from '@/components/roster/concurrent-positions-form';
import { Badge } from '@/components/ui/badge';
import { Section } from '@/components/ui/section';
import { loadManagedCommune } from '../../load';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ code: string; cadreCode: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: t('roster.person.title') };
}

const cardClass = 'rounded-lg border border-stone-200 bg-white p-4 shadow-xs sm:p-6';

/**
 * One person of the commune: his primary position (change it from a date), his concurrent positions (add,
 * end) and the way to his departure. Every form posts without JavaScript and re-renders this page.
 */
export default async function PersonPage({ params }: Props) {
  const { code, cadreCode } = await params;
  const { province, commune, mayEditRoster } = await loadManagedCommune(code);
  if (!mayEditRoster) notFound();
  const decodedCode = decodeURIComponent(cadreCode);
  const [person, positions, t, format, locale] = await Promise.all([
    findPersonInCommune(db(), commune.id, { provinceId: province.id, code: decodedCode }),
    listCommunePositions(db(), province.id),
    getTranslations(),
    getFormatters(),
    getLocale(),
  ]);
  const communeHref = `/communes/${encodeURIComponent(commune.code)}`;
  const manageHref = `${communeHref}/manage`;
  const selfHref = `${manageHref}/person/${encodeURIComponent(decodedCode)}`;
  const date = today();

  const crumbs = (name: string) => (
    <Breadcrumbs
      items={[
        { label: t('nav.overview'), href: '/' },
        { label: commune.name, href: communeHref },
        { label: t('roster.manageLink'), href: manageHref },
        { label: name },
      ]}
    />
  );
  const back = (
    <p className="mt-6">
      <Link href={manageHref} className="text-sm font-medium text-brand-800 underline hover:text-brand-900">
        ← {t('roster.manageLink')}
      </Link>
    </p>
  );

  if (!person || person.status !== 'active') {
    // Left (or never here): a person who left the commune is shown as such, anyone else is unknown.
    const left = await db().cadre.findFirst({
      where: { provinceId: province.id, code: decodedCode, status: 'left', assignments: { some: { communeId: commune.id } } },
      select: { fullName: true },
    });
    if (!left) notFound();
    return (
      <>
        {crumbs(left.fullName)}
        <PageHeader eyebrow={`${decodedCode} · ${commune.name}`} title={left.fullName} />
        <p role="status" className="max-w-2xl rounded-md border border-stone-200 bg-stone-50 px-3 py-2 text-sm text-stone-800">
          {t('roster.person.left')}
        </p>
        {back}
      </>
    );
  }

  const title = (a: { positionTitle: string; positionTitleEn: string }) => localizedTitle(locale, { titleVi: a.positionTitle, titleEn: a.positionTitleEn });
  const blockLabel = (block: string | null) => (block ? t(`blocks.${block as 'party_front' | 'government'}`) : t('blocks.none'));
  const primary = openPrimary(person);
  const concurrent = person.openAssignments.filter((a) => !a.isPrimary);
  const held = new Set(person.openAssignments.map((a) => a.positionId));
  const option = (p: (typeof positions)[number]) => ({
    value: String(p.id),
    label: `${localizedTitle(locale, p)} (${t(`blocks.${p.block}`)}${p.isKey ? ` · ${t('roster.person.key')}` : ''})`,
  });
  const personRef = { communeId: commune.id, cadreId: person.id, version: person.version };

  return (
    <>
      {crumbs(person.fullName)}
      <PageHeader eyebrow={`${person.code} · ${commune.name}`} title={t('roster.manage.personFor', { name: person.fullName })} lead={t('roster.person.lead')} />
      <div className="max-w-3xl space-y-8">
        <Section id="current" title={t('roster.person.current')}>
          <ul className="divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white shadow-xs" data-testid="current-positions">
            {person.openAssignments.map((a) => (
              <li key={a.id} className="px-3 py-2">
                <p className="flex flex-wrap items-center gap-2 font-medium text-stone-900">
                  {title(a)}
                  <Badge tone={a.isPrimary ? 'blue' : 'violet'}>{a.isPrimary ? t('roster.person.primary') : t('roster.concurrent.title')}</Badge>
                  {a.isKey ? <Badge tone="amber">{t('roster.person.key')}</Badge> : null}
                </p>
                <p className="text-xs text-stone-600">
                  {blockLabel(a.block)} · {t('roster.person.since', { date: format.date(a.startDate) })}
                </p>
              </li>
            ))}
          </ul>
        </Section>

        <Section id="change-primary" title={t('roster.changePrimary.title')}>
          <div className={cardClass}>
            {primary ? (
              <ChangePrimaryForm
                person={personRef}
                today={date}
                reloadHref={selfHref}
                positions={positions.filter((p) => p.id !== primary.positionId).map(option)}
              />
            ) : (
              <p className="text-sm text-stone-700">{t('roster.person.noPrimaryHere')}</p>
            )}
          </div>
        </Section>

        <Section id="concurrent" title={t('roster.concurrent.title')} description={t('roster.concurrent.description')}>
          <div className="space-y-6">
            <div className={cardClass}>
              <RemoveConcurrentForm
                person={personRef}
                today={date}
                reloadHref={selfHref}
                holdings={concurrent.map((a) => ({
                  assignmentId: a.id,
                  title: title(a),
                  detail: `${blockLabel(a.block)}${a.isKey ? ` · ${t('roster.person.key')}` : ''} · ${t('roster.person.since', { date: format.date(a.startDate) })}`,
                }))}
              />
            </div>
            <div className={cardClass}>
              <h3 className="mb-3 text-base font-semibold text-stone-900">{t('roster.concurrent.addTitle')}</h3>
              <AddConcurrentForm person={personRef} today={date} reloadHref={selfHref} positions={positions.filter((p) => !held.has(p.id)).map(option)} />
            </div>
          </div>
        </Section>

        <Section id="departure" title={t('roster.person.departureHeading')} description={t('roster.person.departureHint')}>
          <Link
            href={`${manageHref}/departure/${encodeURIComponent(person.code)}`}
            className="inline-flex items-center rounded-md bg-white px-4 py-2 text-sm font-semibold text-red-800 shadow-xs ring-1 ring-inset ring-red-300 hover:bg-red-50"
          >
            {t('roster.manage.departFor', { name: person.fullName })}
          </Link>
        </Section>
      </div>
      {back}
    </>
  );
}
