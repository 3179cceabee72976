import 'server-only';
import { getTranslations } from 'next-intl/server';
import { FIELD_CODES } from '@/lib/validation/position';

/** The fields-of-expertise catalogue as select options, in the user's language. */
export async function fieldOptions() {
  const t = await getTranslations('fields');
  return FIELD_CODES.map((code) => ({ value: code, label: t(code) }));
}
