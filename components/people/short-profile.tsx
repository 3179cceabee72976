import { getTranslations } from 'next-intl/server';
import type { ShortProfile as Profile } from '@/lib/db/people-profile-queries';
import { getFormatters } from '@/lib/i18n/server';
import { shortProfileParts } from '@/lib/i18n/short-profile';
import { untyped } from '@/lib/i18n/translator';

// A short profile wherever a person is chosen (the transfer plan and its what-if, the transfer proposal, the 5%
// lists, the placement page): the name, then age, years in the current post, education and field, and the date of
// reaching retirement age, read by `listShortProfiles` (lib/db/people-profile-queries.ts) in one statement per page.
// The age, never the birth date: the birth date is personal data (docs/domain.md, Who sees what). The facts wrap on a
// phone, each kept whole but the field's name.

/** `withName` false where the name and code are already beside it; nothing when the person was not read. */
export async function ShortProfile({ profile, withName = true }: { profile: Profile | undefined; withName?: boolean }) {
  if (!profile) return null;
  const [t, format] = await Promise.all([getTranslations(), getFormatters()]);
  const parts = shortProfileParts(profile, untyped(t), format.date);
  return (
    <span className="block whitespace-normal" data-testid="short-profile">
      {withName ? (
        <span className="block">
          <span className="font-semibold text-stone-900">{profile.fullName}</span> <span className="numeric text-xs text-stone-600">{profile.code}</span>
        </span>
      ) : null}
      <span className="mt-0.5 flex max-w-md flex-wrap gap-x-2 gap-y-0.5 text-xs text-stone-700">
        {parts.map((part, index) => (
          <span key={part.key} data-profile={part.key} className={`${part.key === 'schooling' ? '' : 'whitespace-nowrap'} ${part.isWarning ? 'font-medium text-amber-900' : ''}`}>
            {part.text}
            {index < parts.length - 1 ? <span aria-hidden="true" className="ml-2 text-stone-400">·</span> : null}
          </span>
        ))}
      </span>
    </span>
  );
}
