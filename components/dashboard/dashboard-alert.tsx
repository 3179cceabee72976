import Link from 'next/link';
import type { ReactNode } from 'react';

/** A dashboard that cannot be drawn as asked (an unknown year or filter): what was wrong and the way back. */
export function DashboardAlert({ title, testId, resetLabel, children }: { title: string; testId: string; resetLabel: string; children: ReactNode }) {
  return (
    <div role="alert" className="rounded-lg border border-red-200 bg-red-50 p-4 text-red-900" data-testid={testId}>
      <p className="font-semibold">{title}</p>
      {children}
      <p className="mt-2 text-sm">
        <Link prefetch={false} href="/dashboard" className="font-medium underline">
          {resetLabel}
        </Link>
      </p>
    </div>
  );
}
