import { redirect } from 'next/navigation';
import { requireUser } from '@/lib/auth/current-user';
import { getOwnUnit } from '../../_lib/own-unit';

export const dynamic = 'force-dynamic';

/** Where signing in lands: a chairman on his commune, a department officer on her department's lists, others on the overview. */
export default async function HomePage() {
  const user = await requireUser();
  const own = await getOwnUnit(user);
  redirect(own?.href ?? '/');
}
