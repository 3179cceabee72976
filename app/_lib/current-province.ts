import 'server-only';
import { connection } from 'next/server';
import { cache } from 'react';
import { db } from '@/lib/db/client';
import { getCurrentProvince } from '@/lib/db/staffing-queries';

/** The deployment's province, read once per request (the layout and the page both need it). */
export const getProvinceForRequest = cache(async () => {
  // Read at request time, never at build time (the build has no database): this makes every page dynamic.
  await connection();
  return getCurrentProvince(db());
});
