import type { ReactNode } from 'react';

// Short classes of app/globals.css: badges repeat on every row of the long tables, sent as HTML and React payload.
const TONES = {
  red: 'badge-red',
  amber: 'badge-amber',
  green: 'badge-green',
  blue: 'badge-blue',
  violet: 'badge-violet',
  neutral: 'badge-neutral',
} as const;

export type BadgeTone = keyof typeof TONES;

export function Badge({ tone, children }: { tone: BadgeTone; children: ReactNode }) {
  return (
    <span
      className={`badge ${TONES[tone]}`}
    >
      {children}
    </span>
  );
}
