'use client';

import { Suspense } from 'react';
import { usePathname, useSearchParams } from 'next/navigation';
import { useTranslations } from '@/components/forms/translations';
import type { MessageKey } from '@/lib/actions/result';
import { isStaleAnswer, reloadTarget, type FormState } from './form-state';

/**
 * After a stale answer (someone else changed the record first), a plain link (no script needed) to the page as it
 * is now: `href`, else the current address. The pages are rendered per request, so the address is known on the
 * server too and the link is there before hydration.
 */
export function StaleNotice({ state, staleKeys, href }: { state: FormState; staleKeys: readonly MessageKey[]; href?: string }) {
  if (!isStaleAnswer(state, staleKeys)) return null;
  return (
    <p>
      {href ? (
        <ReloadLink href={href} />
      ) : (
        <Suspense fallback={null}>
          <CurrentPageLink />
        </Suspense>
      )}
    </p>
  );
}

function CurrentPageLink() {
  const pathname = usePathname();
  const search = useSearchParams();
  return <ReloadLink href={reloadTarget(pathname, search.toString())} />;
}

function ReloadLink({ href }: { href: string }) {
  const t = useTranslations('forms');
  return (
    <a href={href} className="text-sm font-semibold text-brand-800 underline hover:text-brand-900">
      {t('reload')}
    </a>
  );
}
