'use client';

import Link from 'next/link';
import { createContext, useContext, type ReactNode } from 'react';
import { useDatabaseOutage } from './_lib/use-database-outage';

// The error page of every page below the root layout, and its six sentences, which the root layout renders in the
// reader's language and hands down through ErrorPageTextsProvider (docs/decisions/051-no-web-font-and-brotli-assets.md):
// - the error page is the one client component outside a group of forms, and next-intl's client runtime with the
//   catalogue's whole `errors` namespace would otherwise load on every page for it (forms get their messages from
//   components/forms/form-messages.tsx);
// - the layout renders the provider from this very module, so the page's code arrives with the page's first scripts
//   instead of in a second round trip once they have run (400 ms on slow 3G).

export type ErrorPageTexts = { title: string; body: string; retry: string; home: string; unavailableTitle: string; unavailableBody: string };

const Texts = createContext<ErrorPageTexts | null>(null);

export function ErrorPageTextsProvider({ texts, children }: { texts: ErrorPageTexts; children: ReactNode }) {
  return <Texts.Provider value={texts}>{children}</Texts.Provider>;
}

function useErrorPageTexts(): ErrorPageTexts {
  const texts = useContext(Texts);
  if (!texts) throw new Error('useErrorPageTexts outside ErrorPageTextsProvider (app/layout.tsx)');
  return texts;
}

/**
 * Unexpected failures: a generic message only; the details stay in the server log (docs/architecture.md,
 * Conventions). The database out of reach: "the service is interrupted", and the page comes back by itself.
 */
export default function ErrorPage({ retry }: { error: unknown; retry: () => void }) {
  const t = useErrorPageTexts();
  const outage = useDatabaseOutage(retry);
  return (
    <div role="alert" className="mx-auto max-w-xl py-12 text-center">
      <h1 className="text-2xl font-bold tracking-tight text-stone-900">{outage ? t.unavailableTitle : t.title}</h1>
      <p className="mt-2 text-stone-700">{outage ? t.unavailableBody : t.body}</p>
      <div className="mt-6 flex flex-wrap justify-center gap-3">
        <button
          type="button"
          onClick={() => retry()}
          className="rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white shadow-xs hover:bg-brand-800"
        >
          {t.retry}
        </button>
        <Link prefetch={false} href="/" className="rounded-md px-4 py-2 text-sm font-semibold text-brand-800 underline hover:text-brand-900">
          {t.home}
        </Link>
      </div>
    </div>
  );
}
