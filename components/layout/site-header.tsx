import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { LanguageSwitcher } from './language-switcher';

export async function SiteHeader({ provinceName }: { provinceName: string }) {
  const t = await getTranslations();
  return (
    <header>
      <div className="bg-brand-800 text-white">
        <div className="mx-auto flex max-w-7xl items-center justify-between gap-4 px-4 py-3 sm:px-6">
          <Link href="/" className="group flex items-center gap-3 rounded focus-visible:outline-white">
            <Emblem />
            <span className="leading-tight">
              <span className="block text-lg font-bold tracking-tight group-hover:underline">{t('app.name')}</span>
              <span className="block text-sm text-brand-100">{provinceName}</span>
            </span>
          </Link>
          <LanguageSwitcher />
        </div>
      </div>
      <nav aria-label={t('nav.label')} className="border-b border-stone-200 bg-white">
        <ul className="mx-auto flex max-w-7xl gap-1 px-4 sm:px-6">
          <li>
            <Link
              href="/"
              className="-mb-px inline-block border-b-2 border-brand-700 px-1 py-2.5 text-sm font-semibold text-brand-800 hover:text-brand-900"
            >
              {t('nav.overview')}
            </Link>
          </li>
        </ul>
      </nav>
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
