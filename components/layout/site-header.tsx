import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { SignOutButton } from '@/components/auth/sign-out-button';
import { currentPath, getSessionUser } from '@/lib/auth/current-user';
import { can, type Action } from '@/lib/auth/policy';
import { db } from '@/lib/db/client';
import { countAwaiting } from '@/lib/db/secondment-queries';
import { today } from '@/lib/clock';
import { countAwaitingTransfers, countOverdueTransfers } from '@/lib/db/transfer-queries';
import { getOwnUnit } from '@/app/_lib/own-unit';
import { InboxLink } from '@/components/inbox/inbox-link';
import { LanguageSwitcher } from './language-switcher';
import { PeopleSearchBox } from '@/components/people/search-box';

// Only the sections the role may use (the pages check again: hiding a link is not enforcement).
const SECTIONS = [
  { href: '/', label: 'nav.overview', action: 'staffing.view' },
  { href: '/dashboard', label: 'nav.dashboard', action: 'staffing.view' },
  { href: '/quotas', label: 'nav.quotas', action: 'quota.edit' },
  { href: '/positions', label: 'nav.positions', action: 'quota.edit' },
  { href: '/import', label: 'nav.import', action: 'data.import' },
  { href: '/secondments', label: 'secondment.navLabel', action: 'secondment.view' },
  { href: '/transfers', label: 'transfer.navLabel', action: 'transfer.view' },
  // Receptions into the commune civil service and the recruitment plan (docs/decisions/043-reception-and-recruitment.md).
  { href: '/receptions', label: 'reception.navLabel', action: 'reception.view' },
  { href: '/recruitment', label: 'recruitment.navLabel', action: 'recruitment.view' },
  { href: '/support', label: 'nav.support', action: 'support.view' },
  { href: '/completeness', label: 'completeness.navLabel', action: 'completeness.view' },
  { href: '/forecast', label: 'forecast.navLabel', action: 'report.view' },
  { href: '/planning', label: 'nav.planning', action: 'planning.view' },
  { href: '/report', label: 'report.navLabel', action: 'report.view' },
  // Ratings (docs/decisions/040-annual-ratings.md): the province's progress, or a chairman's own round (no role has both).
  { href: '/ratings', label: 'ratings.navLabel', action: 'rating.view' },
  { href: '/ratings', label: 'ratings.navLabel', action: 'rating.rateCivilServants' },
  { href: '/admin/users', label: 'nav.users', action: 'user.manage' },
  { href: '/audit', label: 'nav.audit', action: 'audit.view' },
] as const satisfies readonly { href: string; label: string; action: Action }[];

type NavItem = { href: string; label: string };

const isCurrent = (href: string, path: string, items: readonly NavItem[]) =>
  href === '/' ? !items.some((s) => s.href !== '/' && path.startsWith(s.href)) : path.startsWith(href);

export async function SiteHeader({ provinceName }: { provinceName: string }) {
  const [t, user, path] = await Promise.all([getTranslations(), getSessionUser(), currentPath()]);
  const allowed: NavItem[] = user ? SECTIONS.filter((section) => can(user, section.action)) : [];
  const has = (href: string) => allowed.some((s) => s.href === href);
  // The unit and the counts, read side by side (each is one query): items awaiting the user's action on the 5% lists
  // (decision 011), transfers awaiting a decision or the chairman's opinion (decision 016) and the proposals overdue
  // (docs/domain.md, Transfers), each shown beside its section's link.
  const [own, awaiting, awaitingTransfers, overdueTransfers] = await Promise.all([
    user ? getOwnUnit(user) : null,
    user && has('/secondments') ? countAwaiting(db(), user) : 0,
    user && has('/transfers') ? countAwaitingTransfers(db(), user) : 0,
    user && has('/transfers') ? countOverdueTransfers(db(), user, today()) : 0,
  ]);
  // "Xã của tôi" first for a chairman; a department officer's own place is already a section (its lists).
  const sections: NavItem[] = own && !has(own.href) ? [{ href: own.href, label: own.label }, ...allowed] : allowed;
  return (
    <header>
      <div className="bg-brand-800 text-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3 sm:px-6">
          <Link prefetch={false} href="/" className="group flex items-center gap-3 rounded focus-visible:outline-white">
            <Emblem />
            <span className="leading-tight">
              <span className="block text-lg font-bold tracking-tight group-hover:underline">{t('app.name')}</span>
              <span className="block text-sm text-brand-100">{provinceName}</span>
            </span>
          </Link>
          <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
            {user ? (
              <div className="flex items-center gap-3">
                <p className="text-right text-sm leading-tight" data-testid="signed-in-user">
                  <span className="block font-semibold">{user.displayName}</span>
                  <span className="block text-xs text-brand-100">{t(`roles.${user.role}`)}</span>
                </p>
                <InboxLink userId={user.id} current={path.startsWith('/inbox')} />
                <SignOutButton />
              </div>
            ) : null}
            {user && can(user, 'people.search') ? <PeopleSearchBox /> : null}
            <LanguageSwitcher />
          </div>
        </div>
      </div>
      {sections.length > 0 ? (
        <nav aria-label={t('nav.label')} className="border-b border-stone-200 bg-white">
          <ul className="mx-auto flex max-w-7xl flex-wrap gap-x-4 px-4 sm:px-6">
            {sections.map((section) => {
              const current = isCurrent(section.href, path, sections);
              return (
                <li key={section.href}>
                  <Link prefetch={false}
                    href={section.href}
                    aria-current={current ? 'page' : undefined}
                    className={`relative -mb-px inline-block whitespace-nowrap border-b-2 px-1 py-2.5 text-sm font-semibold hover:text-brand-900 ${
                      current ? 'border-brand-700 text-brand-800' : 'border-transparent text-stone-700'
                    }`}
                  >
                    {t(section.label as Parameters<typeof t>[0])}
                    {section.href === '/secondments' && awaiting > 0 ? (
                      <>
                        <span aria-hidden="true" className="ml-1.5 rounded-full bg-red-700 px-1.5 py-0.5 text-xs font-bold text-white">
                          {awaiting}
                        </span>
                        <span className="sr-only"> ({t('secondment.navAwaiting', { count: awaiting })})</span>
                      </>
                    ) : null}
                    {section.href === '/transfers' && awaitingTransfers > 0 ? (
                      <>
                        <span aria-hidden="true" className="ml-1.5 rounded-full bg-red-700 px-1.5 py-0.5 text-xs font-bold text-white">
                          {awaitingTransfers}
                        </span>
                        <span className="sr-only"> ({t('transfer.navAwaiting', { count: awaitingTransfers })})</span>
                      </>
                    ) : null}
                    {section.href === '/transfers' && overdueTransfers > 0 ? (
                      <>
                        <span aria-hidden="true" className="ml-1 rounded-full border border-red-700 bg-white px-1.5 py-0.5 text-xs font-bold text-red-800" data-testid="nav-transfers-overdue">
                          {t('transfer.navOverdue', { count: overdueTransfers })}
                        </span>
                        <span className="sr-only"> ({t('transfer.navOverdue', { count: overdueTransfers })})</span>
                      </>
                    ) : null}
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>
      ) : null}
    </header>
  );
}

function Emblem() {
  return (
    <svg aria-hidden="true" viewBox="0 0 40 40" className="size-10 shrink-0">
      <rect width="40" height="40" rx="8" fill="#b42318" />
      <path
        fill="#fcd34d"
        d="M20 8.5l3.1 9.2h9.7l-7.8 5.7 3 9.2L20 26.9l-7.9 5.7 3-9.2-7.8-5.7h9.7z"
      />
    </svg>
  );
}
