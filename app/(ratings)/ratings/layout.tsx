import type { ReactNode } from 'react';
import { FormMessages } from '@/components/forms/form-messages';

// The rating forms (components/ratings/rating-forms.tsx) answer in this namespace; each page checks its own access.
const FORM_NAMESPACES = ['ratings'] as const;

export default function RatingsLayout({ children }: { children: ReactNode }) {
  return <FormMessages paths={FORM_NAMESPACES}>{children}</FormMessages>;
}
