'use client';

import './globals.css';
import { app, errors } from '@/lib/generated/shell-messages.json';
import { useDatabaseOutage } from './_lib/use-database-outage';

// Replaces the root layout when the layout itself fails (for example the database is unreachable), so no
// locale or provider is available here: the Vietnamese catalogue's `app` and `errors` are read from their slice
// (scripts/lib/shell-messages.mjs), so the browser's code carries these strings, not the whole catalogue. With the database out of reach,
// it says the service is interrupted and comes back by itself (app/_lib/use-database-outage.ts).
export default function GlobalError({ retry }: { error: unknown; retry: () => void }) {
  const t = errors;
  const outage = useDatabaseOutage(retry);
  return (
    <html lang="vi">
      <body className="flex min-h-screen items-center justify-center px-4">
        <main role="alert" className="max-w-xl text-center">
          <p className="text-sm font-semibold text-brand-800">{app.name}</p>
          <h1 className="mt-2 text-2xl font-bold tracking-tight text-stone-900">{outage ? t.unavailableTitle : t.title}</h1>
          <p className="mt-2 text-stone-700">{outage ? t.unavailableBody : t.body}</p>
          <button
            type="button"
            onClick={() => retry()}
            className="mt-6 rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white shadow-xs hover:bg-brand-800"
          >
            {t.retry}
          </button>
        </main>
      </body>
    </html>
  );
}
