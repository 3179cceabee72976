import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { requireUser } from '@/lib/auth/current-user';
import { can } from '@/lib/auth/policy';
import { db } from '@/lib/db/client';

/**
 * The commune workspace's way to its proposals of reception into the civil service
 * (docs/decisions/043-reception-and-recruitment.md): how many are open, and the link; for the users who may see them.
 */
export async function CommuneReceptionsLink({ commune }: { commune: { id: number; code: string; provinceId: number } }) {
  const user = await requireUser();
  if (!can(user, 'reception.view', { provinceId: commune.provinceId, communeId: commune.id })) return null;
  const [open, t] = await Promise.all([
    db().reception.count({ where: { communeId: commune.id, state: { in: ['proposed', 'appraised'] } } }),
    getTranslations('reception.propose'),
  ]);
  return (
    <section aria-labelledby="receptions" className="mt-8 rounded-lg border border-stone-200 bg-white p-4 shadow-xs" data-testid="commune-receptions-link">
      <h2 id="receptions" className="text-lg font-semibold text-stone-900">{t('link')}</h2>
      <p className="mt-1 text-sm text-stone-700">{t('linkLead', { open })}</p>
      <p className="mt-2">
        <Link prefetch={false} href={`/communes/${encodeURIComponent(commune.code)}/manage/receptions`} className="text-sm font-semibold text-brand-800 underline hover:text-brand-900">
          {can(user, 'reception.propose', { provinceId: commune.provinceId, communeId: commune.id }) ? t('linkPropose') : t('linkView')}
        </Link>
      </p>
    </section>
  );
}
