import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

export type Crumb = { label: string; href?: string };

/** The last crumb is the current page. */
export async function Breadcrumbs({ items }: { items: Crumb[] }) {
  const t = await getTranslations('nav');
  return (
    <nav aria-label={t('breadcrumb')} className="mb-3 text-sm">
      <ol className="flex flex-wrap items-center gap-x-1.5 gap-y-1 text-stone-600">
        {items.map((item, index) => (
          <li key={`${index}-${item.label}`} className="flex items-center gap-1.5">
            {index > 0 ? (
              <span aria-hidden="true" className="text-stone-400">
                /
              </span>
            ) : null}
            {item.href ? (
              <Link prefetch={false} href={item.href} className="text-brand-700 underline hover:text-brand-900">
                {item.label}
              </Link>
            ) : (
              <span aria-current="page" className="font-medium text-stone-800">
                {item.label}
              </span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
