import { getTranslations } from 'next-intl/server';
import { signOutAction } from '@/lib/actions/auth/sign-out';

/** A form POST to the sign-out action (works without JavaScript), for the site header. */
export async function SignOutButton({ className }: { className?: string }) {
  const t = await getTranslations('auth');
  return (
    <form action={signOutAction}>
      <button
        type="submit"
        className={className ?? 'rounded-md border border-white/40 px-3 py-1.5 text-sm font-medium text-white hover:bg-white/10'}
      >
        {t('signOut')}
      </button>
    </form>
  );
}
