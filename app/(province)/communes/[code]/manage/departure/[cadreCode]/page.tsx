import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { today } from '@/lib/clock';
import { db } from '@/lib/db/client';
import { findLeftPersonInCommune, findPersonInCommune } from '@/lib/db/roster-queries';
import { isActiveCadre } from '@/lib/domain/people';
import { getFormatters } from '@/lib/i18n/server';
import { Breadcrumbs } from '@/components/layout/breadcrumbs';
import { PageHeader } from '@/components/layout/page-header';
import { DepartureForm } from '@/components/roster/departure-form';
import { loadManagedCommune } from '../../load';
import { issuingBodiesFor } from '@/lib/db/decision-queries';
import { Card } from '@/components/ui/card';
import { routeCode } from '@/lib/validation/route-params';
import { findRetirement } from '@/lib/db/retirement-queries';
import { retirementDeparture } from '@/lib/domain/roster';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ code: string; cadreCode: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: t('roster.departure.title') };
}

/** One person's departure. After it is recorded (the no-JS re-render too) the page says so. */
export default async function DeparturePage({ params }: Props) {
  const { code, cadreCode } = await params;
  const { province, commune, mayEditRoster } = await loadManagedCommune(code);
  if (!mayEditRoster) notFound();
  const [t, format] = await Promise.all([getTranslations(), getFormatters()]);
  const decodedCode = routeCode(cadreCode);
  if (decodedCode === null) notFound();
  const person = await findPersonInCommune(db(), commune.id, { provinceId: province.id, code: decodedCode });
  const bodies = (await issuingBodiesFor(db(), province.id, commune.id)).map((b) => ({ value: String(b.id), label: b.name }));
  const manageHref = `/communes/${encodeURIComponent(commune.code)}/manage`;
  let body;
  if (person && isActiveCadre(person)) {
    const retirement = retirementDeparture(await findRetirement(db(), person.id, today()), today());
    body = (
      <>
        <h2 className="text-sm font-semibold text-stone-800">{t('roster.departure.assignments')}</h2>
        <ul className="mt-1 mb-4 list-disc pl-5 text-sm text-stone-700">
          {person.openAssignments.map((a) => (
            <li key={a.id}>
              {a.positionTitle} ({a.isPrimary ? t('roster.departure.primary') : t('roster.departure.concurrent')},{' '}
              {t('roster.departure.since', { date: format.date(a.startDate) })})
            </li>
          ))}
        </ul>
        <DepartureForm
          communeId={commune.id} cadreId={person.id} version={person.version} today={today()} bodies={bodies}
          retirement={retirement ? { ...retirement, hint: t('retirement.departureDefault', { date: format.date(retirement.date), pension: format.date(retirement.pension) }) } : undefined}
        />
      </>
    );
  } else {
    // Recorded a moment ago (this is the page the form posted to) or earlier: nothing left to do here.
    const left = await findLeftPersonInCommune(db(), commune.id, { provinceId: province.id, code: decodedCode });
    if (!left) notFound();
    body = (
      <>
        <p role="status" className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm font-medium text-emerald-900">
          {t('roster.departureRecorded')}
        </p>
        <p className="mt-3 text-sm">
          <Link prefetch={false} href={`${manageHref}/person/${encodeURIComponent(decodedCode)}#cancel`} className="font-medium text-brand-800 underline hover:text-brand-900">
            {t('roster.cancel.linkAfterDeparture')}
          </Link>
        </p>
      </>
    );
  }
  const name = person?.fullName ?? decodedCode;
  return (
    <>
      <Breadcrumbs
        items={[
          { label: t('nav.overview'), href: '/' },
          { label: commune.name, href: `/communes/${encodeURIComponent(commune.code)}` },
          { label: t('roster.manageLink'), href: manageHref },
          { label: t('roster.departure.title') },
        ]}
      />
      <PageHeader eyebrow={`${decodedCode} · ${commune.name}`} title={t('roster.manage.departFor', { name })} />
      <Card className="max-w-2xl">{body}</Card>
      <p className="mt-6">
        <Link prefetch={false} href={manageHref} className="text-sm font-medium text-brand-800 underline hover:text-brand-900">
          ← {t('roster.manageLink')}
        </Link>
      </p>
    </>
  );
}
