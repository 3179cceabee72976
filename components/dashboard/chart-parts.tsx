/** A chart's legend: a colour swatch beside each label. */
export function Legend({ items }: { items: [string, string][] }) {
  return (
    <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-stone-700">
      {items.map(([color, label]) => (
        <li key={label} className="inline-flex items-center gap-1.5">
          <span aria-hidden="true" className="inline-block size-3 rounded-sm" style={{ backgroundColor: color }} />
          {label}
        </li>
      ))}
    </ul>
  );
}

/** What a chart shows when it has nothing to draw. */
export function EmptyChart({ text, testId }: { text: string; testId?: string }) {
  return (
    <p className="rounded-md border border-dashed border-stone-300 bg-stone-50 px-3 py-6 text-center text-sm text-stone-700" data-testid={testId}>
      {text}
    </p>
  );
}
