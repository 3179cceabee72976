import type { ShortProfile } from '@/lib/db/people-profile-queries';
import type { Translate } from './translator';

// The short profile's sentences from the catalogues (`people.profile.*`): one text per fact, in the order a reader
// weighs a person (age, time in the post, schooling, retirement). The component shows them as badges of text; a
// choice in a form, whose description is plain text, joins them with " · " (`shortProfileLine`).

export type ShortProfilePart = { key: 'age' | 'post' | 'schooling' | 'retirement'; text: string; isWarning: boolean };

export function shortProfileParts(profile: ShortProfile, t: Translate, formatDate: (isoDate: string) => string): ShortProfilePart[] {
  const fieldKey = `fields.${profile.field}`;
  const field = profile.field === null ? t('people.profile.noField') : t.has(fieldKey) ? t(fieldKey) : profile.field;
  const retirement = formatDate(profile.retirementDate);
  return [
    { key: 'age', text: t('people.profile.age', { age: profile.age }), isWarning: false },
    {
      key: 'post',
      text: profile.yearsInPost === null ? t('people.profile.noPost') : t('people.profile.inPost', { years: profile.yearsInPost }),
      isWarning: profile.yearsInPost === null,
    },
    { key: 'schooling', text: t('people.profile.schooling', { education: t(`education.${profile.education}`), field }), isWarning: false },
    {
      key: 'retirement',
      text: profile.isPastRetirement ? t('people.profile.retired', { date: retirement }) : t('people.profile.retires', { date: retirement }),
      isWarning: profile.isPastRetirement,
    },
  ];
}

/** The profile as one line of plain text, for a form choice's description. */
export function shortProfileLine(profile: ShortProfile, t: Translate, formatDate: (isoDate: string) => string): string {
  return shortProfileParts(profile, t, formatDate).map((part) => part.text).join(' · ');
}

/** A lookup of each person's line among `profiles` (null for a person not read), for a list of form choices. */
export function shortProfileLines(profiles: ReadonlyMap<number, ShortProfile>, t: Translate, formatDate: (isoDate: string) => string): (cadreId: number) => string | null {
  return (cadreId) => {
    const profile = profiles.get(cadreId);
    return profile ? shortProfileLine(profile, t, formatDate) : null;
  };
}
