import type { ReactNode } from 'react';

/** The page's one h1, with an optional eyebrow above it and a lead paragraph or badges below. */
export function PageHeader({ eyebrow, title, lead, children }: { eyebrow?: ReactNode; title: string; lead?: ReactNode; children?: ReactNode }) {
  return (
    <div className="mb-6">
      {eyebrow ? <p className="text-sm font-medium text-brand-700">{eyebrow}</p> : null}
      <h1 className="text-2xl font-bold tracking-tight text-stone-900 sm:text-3xl">{title}</h1>
      {lead ? <p className="mt-1.5 max-w-3xl text-stone-700">{lead}</p> : null}
      {children}
    </div>
  );
}
