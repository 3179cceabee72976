import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { ListPage } from '@/lib/domain/list-page';

/**
 * The links between the pages of a long table: previous, each page, next. Plain links (they work without
 * JavaScript), each landing on the table's section (`anchor`). Nothing is rendered for a list of one page.
 */
export async function ListPagination({ page, href, anchor }: { page: Pick<ListPage<unknown>, 'page' | 'pages'>; href: (page: number) => string; anchor: string }) {
  if (page.pages <= 1) return null;
  const t = await getTranslations('listPage');
  const to = (n: number) => `${href(n)}#${anchor}`;
  const link = 'inline-flex min-h-10 min-w-10 items-center justify-center rounded-md px-3 text-sm font-medium text-brand-800 ring-1 ring-inset ring-stone-300 hover:bg-stone-50';
  const numbers = Array.from({ length: page.pages }, (_, i) => i + 1);
  return (
    <nav aria-label={t('label')} className="mt-3 flex flex-wrap items-center gap-2" data-testid="list-pagination">
      {page.page > 1 ? (
        <Link prefetch={false} className={link} href={to(page.page - 1)} rel="prev">
          {t('previous')}
        </Link>
      ) : null}
      <ol className="flex flex-wrap gap-1">
        {numbers.map((n) => (
          <li key={n}>
            {n === page.page ? (
              <span aria-current="page" aria-label={t('current', { page: n })} className={`${link} numeric bg-brand-700 text-white ring-brand-700`}>
                {n}
              </span>
            ) : (
              <Link prefetch={false} className={`${link} numeric`} href={to(n)} aria-label={t('goTo', { page: n })}>
                {n}
              </Link>
            )}
          </li>
        ))}
      </ol>
      {page.page < page.pages ? (
        <Link prefetch={false} className={link} href={to(page.page + 1)} rel="next">
          {t('next')}
        </Link>
      ) : null}
      <span className="numeric ml-auto text-sm text-stone-700">{t('page', { page: page.page, pages: page.pages })}</span>
    </nav>
  );
}
