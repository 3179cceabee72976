import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { today } from '@/lib/clock';
import { db } from '@/lib/db/client';
import { findLeftPersonInCommune, findPersonInCommune, latestRosterChange, listPostHistory, listCommunePositions, openPrimary } from '@/lib/db/roster-queries';
import { getFormatters, localizedTitle } from '@/lib/i18n/server';
import { Breadcrumbs } from '@/components/layout/breadcrumbs';
import { PageHeader } from '@/components/layout/page-header';
import { ChangePrimaryForm } from '@/components/roster/change-primary-form';
import { AddConcurrentForm, RemoveConcurrentForm } from '@/components/roster/concurrent-positions-form';
import { Card } from '@/components/ui/card';
import { Badge } from '@/components/ui/badge';
import { Section } from '@/components/ui/section';
import { loadManagedCommune } from '../../load';
import { issuingBodiesFor } from '@/lib/db/decision-queries';
import { PostHistoryTable } from '@/components/roster/post-history-table';
import { CancelChangeForm } from '@/components/roster/cancel-change-form';
import { cancelChangeAndShow } from '../../actions';
import { readAuditPayloads } from '@/lib/audit/events';
import { isActiveCadre } from '@/lib/domain/people';
import { cancelPermission } from '@/lib/domain/roster';
import { routeCode } from '@/lib/validation/route-params';
import { PersonRatingsFlag } from '@/components/ratings/person-ratings-flag';
import { can } from '@/lib/auth/policy';
import { DossierView } from '@/components/dossier/dossier-view';
import { AddEducationForm, AddRecognitionForm, AddTrainingForm } from '@/components/dossier/entry-forms';
import { newFormToken } from '@/lib/validation/form-token';
import { PersonalHistoryButton } from '@/components/people/personal-history-button';
import { RetirementNotice } from '@/components/retirement/retirement-notice';
import { PageNotice } from '@/components/ui/page-notice';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ code: string; cadreCode: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: t('roster.person.title') };
}


/**
 * One person of the commune: his primary position (change it from a date), his concurrent positions (add,
 * end) and the way to his departure. Every form posts without JavaScript and re-renders this page.
 */
export default async function PersonPage({ params, searchParams }: Props) {
  const { code, cadreCode } = await params;
  const notice = (await searchParams).notice;
  const { user, province, commune, mayEditRoster } = await loadManagedCommune(code);
  if (!mayEditRoster) notFound();
  const decodedCode = routeCode(cadreCode);
  if (decodedCode === null) notFound();
  const [person, positions, t, format, locale, issuingBodies] = await Promise.all([
    findPersonInCommune(db(), commune.id, { provinceId: province.id, code: decodedCode }),
    listCommunePositions(db(), province.id),
    getTranslations(),
    getFormatters(),
    getLocale(),
    issuingBodiesFor(db(), province.id, commune.id),
  ]);
  const history = person ? await listPostHistory(db(), person.id) : [];
  const bodies = issuingBodies.map((b) => ({ value: String(b.id), label: b.name }));
  const communeHref = `/communes/${encodeURIComponent(commune.code)}`;
  const manageHref = `${communeHref}/manage`;
  const date = today();
  // The notice a cancelled change sends back (`?notice=changeCancelled`, after its redirect); anything else is ignored.
  const cancelledNotice = <PageNotice message={notice === 'changeCancelled' ? t('roster.changeCancelled') : null} />;

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
      <Link prefetch={false} href={manageHref} className="text-sm font-medium text-brand-800 underline hover:text-brand-900">
        ← {t('roster.manageLink')}
      </Link>
    </p>
  );

  /** The person's latest change, with the form to cancel it, when this user may. */
  const cancelCard = async (cadre: { id: number; version: number }) => {
    const change = await latestRosterChange(db(), cadre.id);
    if (!change || !readAuditPayloads(change.action, change.before, change.after)) return null;
    const permission = cancelPermission(change, user, date);
    if (!permission.ok) return null;
    const actor = (change.actorId !== null ? (await db().user.findUnique({ where: { id: change.actorId }, select: { displayName: true } }))?.displayName : null) ?? change.actorName;
    const action = t(`audit.actions.${change.action}` as Parameters<typeof t>[0]);
    const summary = change.effectiveOn && change.recordedOn
      ? t('roster.cancel.latest', { action, date: format.date(change.effectiveOn), actor, recorded: format.date(change.recordedOn) })
      : t('roster.cancel.latestNoDate', { action, actor });
    return (
      <Section id="cancel" title={t('roster.cancel.title')} description={t('roster.cancel.description')}>
        <Card roomy>
          <CancelChangeForm
            person={{ communeId: commune.id, cadreId: cadre.id, version: cadre.version }}
            eventId={change.eventId}
            sameDay={permission.sameDay}
            summary={summary}
            bodies={bodies}
            today={date}
            action={cancelChangeAndShow}
            returnTo={`${manageHref}/person/${encodeURIComponent(decodedCode)}`}
          />
        </Card>
      </Section>
    );
  };

  if (!person || !isActiveCadre(person)) {
    // Left (or never here): a person who left the commune is shown as such, anyone else is unknown.
    const left = await findLeftPersonInCommune(db(), commune.id, { provinceId: province.id, code: decodedCode });
    if (!left) notFound();
    const cancel = await cancelCard(left);
    return (
      <>
        {crumbs(left.fullName)}
        <PageHeader eyebrow={`${decodedCode} · ${commune.name}`} title={left.fullName} />
        {cancelledNotice}
        <p role="status" className="max-w-2xl rounded-md border border-stone-200 bg-stone-50 px-3 py-2 text-sm text-stone-800">
          {t('roster.person.left')}
        </p>
        {cancel ? <div className="mt-6 max-w-3xl">{cancel}</div> : null}
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
      {cancelledNotice}
      <RetirementNotice cadreId={person.id} today={date} />
      <PersonalHistoryButton user={user} code={person.code} resource={{ provinceId: province.id, communeId: commune.id }} />
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
                  {a.endDate ? <> · {t('roster.person.until', { date: format.date(a.endDate) })}</> : null}
                </p>
              </li>
            ))}
            {person.scheduledAssignments.map((a) => (
              <li key={a.id} className="bg-sky-50 px-3 py-2" data-testid="scheduled-position">
                <p className="flex flex-wrap items-center gap-2 font-medium text-stone-900">
                  {title(a)}
                  <Badge tone="blue">{t('roster.person.scheduledFrom', { date: format.date(a.startDate) })}</Badge>
                  <Badge tone="amber">{t('roster.person.scheduled')}</Badge>
                </p>
                <p className="text-xs text-stone-600">
                  {blockLabel(a.block)} · {a.isPrimary ? t('roster.person.primary') : t('roster.concurrent.title')}
                </p>
              </li>
            ))}
          </ul>
          {person.pendingFrom ? (
            <p role="status" className="mt-3 rounded-md border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-sky-950" data-testid="pending-change">
              {t('roster.person.pending', { date: format.date(person.pendingFrom) })}
            </p>
          ) : null}
        </Section>

        <DossierView
          cadreId={person.id}
          communeId={commune.id}
          mayViewPersonal={can(user, 'cadre.viewPersonal', { provinceId: province.id, communeId: commune.id })}
          mayEdit={mayEditRoster}
          entryForms={{
            education: <AddEducationForm cadreId={person.id} communeId={commune.id} token={newFormToken()} />,
            training: <AddTrainingForm cadreId={person.id} communeId={commune.id} token={newFormToken()} />,
            recognition: <AddRecognitionForm cadreId={person.id} communeId={commune.id} token={newFormToken()} />,
          }}
        />

        {person.pendingFrom ? null : (
          <>
        <Section id="change-primary" title={t('roster.changePrimary.title')}>
              <Card roomy>
                {primary ? (
                  <ChangePrimaryForm
                    bodies={bodies}
                    person={personRef}
                    today={date}
                    positions={positions.filter((p) => p.id !== primary.positionId).map(option)}
                  />
                ) : (
                  <p className="text-sm text-stone-700">{t('roster.person.noPrimaryHere')}</p>
                )}
              </Card>
            </Section>

            <Section id="concurrent" title={t('roster.concurrent.title')} description={t('roster.concurrent.description')}>
              <div className="space-y-6">
                <Card roomy>
                  <RemoveConcurrentForm
                    bodies={bodies}
                    person={personRef}
                    today={date}
                    holdings={concurrent.map((a) => ({
                      assignmentId: a.id,
                      title: title(a),
                      detail: `${blockLabel(a.block)}${a.isKey ? ` · ${t('roster.person.key')}` : ''} · ${t('roster.person.since', { date: format.date(a.startDate) })}`,
                    }))}
                  />
                </Card>
                <Card roomy>
                  <h3 className="mb-3 text-base font-semibold text-stone-900">{t('roster.concurrent.addTitle')}</h3>
                  <AddConcurrentForm bodies={bodies} person={personRef} today={date} positions={positions.filter((p) => !held.has(p.id)).map(option)} />
                </Card>
              </div>
            </Section>
          </>
        )}

        <PersonRatingsFlag cadreId={person.id} />

        {await cancelCard(person)}

        <Section id="history" title={t('roster.person.historyHeading')} description={t('roster.person.historyDescription')}>
          <PostHistoryTable entries={history} />
        </Section>

        <Section id="departure" title={t('roster.person.departureHeading')} description={t('roster.person.departureHint')}>
          <Link prefetch={false}
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
