'use client';

import { useSyncExternalStore } from 'react';
import { Bar, BarChart, CartesianGrid, Cell, Legend, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { ResponsiveContainer } from 'recharts';
import { formattersFor } from '@/lib/i18n/format';
import type { AppLocale } from '@/lib/i18n/config';
import { barChartHeight } from './chart-size';
import { COLORS } from './colors';

// The dashboard's charts (recharts renders in the browser only). Each chart sits in a box of reserved height, so
// the page does not move when it draws, and is hidden from assistive technology: every chart has a table
// alternative beside it (components/dashboard/chart-card.tsx), which is also what works without JavaScript.


export type Series = { key: string; label: string; color: string; stack?: string };
export type Row = { label: string } & Record<string, number | string | null>;

const AXIS_TICK = { fontSize: 12, fill: '#44403c' };
/** Bars start at zero: the value axis always includes 0, whatever the sign of the data (never −65 to −61). */
const FROM_ZERO: [(min: number) => number, (max: number) => number] = [(min) => Math.min(0, min), (max) => Math.max(0, max)];

/** The words of `label` in lines of at most `perLine` characters, at most `maxLines` (the last one shortened). */
export function wrapLabel(label: string, perLine: number, maxLines = 2): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of label.split(/\s+/)) {
    if (line && `${line} ${word}`.length > perLine) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = `${kept[maxLines - 1].slice(0, Math.max(1, perLine - 1))}…`;
  return kept;
}

/** A category label wrapped on up to two lines within the axis' width (position titles are long). */
function WrappedTick({ x, y, payload, width }: { x?: number; y?: number; payload?: { value: string }; width: number }) {
  const lines = wrapLabel(String(payload?.value ?? ''), Math.max(8, Math.floor(width / 6.6)));
  return (
    <text x={x} y={y} textAnchor="end" fontSize={12} fill="#44403c">
      {lines.map((text, i) => (
        <tspan key={i} x={x} dx={-4} dy={i === 0 ? (lines.length > 1 ? -3 : 4) : 13}>
          {text}
        </tspan>
      ))}
    </text>
  );
}
// Legend text in the body colour (the swatch carries the series colour), so light series stay readable.
const legendText = (value: string) => <span style={{ color: '#44403c' }}>{value}</span>;

function Frame({ height, children }: { height: number; children: React.ReactElement }) {
  return (
    <div aria-hidden="true" className="w-full" style={{ height }}>
      <ResponsiveContainer width="100%" height="100%">
        {children}
      </ResponsiveContainer>
    </div>
  );
}

const NARROW = '(max-width: 480px)';
const subscribeNarrow = (onChange: () => void) => {
  const query = window.matchMedia(NARROW);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
};

/** On a phone the category labels get less room, so the bars keep more than half the width. */
function useNarrow(): boolean {
  return useSyncExternalStore(subscribeNarrow, () => window.matchMedia(NARROW).matches, () => false);
}

/** Horizontal bars, one row per category; with `signed`, one series coloured by sign (surplus / shortage). */
export function HorizontalBars({
  rows,
  series,
  locale,
  signed = false,
  labelWidth = 150,
  perRow,
}: {
  rows: Row[];
  series: Series[];
  locale: AppLocale;
  signed?: boolean;
  labelWidth?: number;
  perRow?: number;
}) {
  const format = formattersFor(locale);
  const width = useNarrow() ? Math.min(labelWidth, 112) : labelWidth;
  return (
    <Frame height={barChartHeight(rows.length, perRow)}>
      <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 4 }} accessibilityLayer={false}>
        <CartesianGrid horizontal={false} stroke="#e7e5e4" />
        <XAxis type="number" tick={AXIS_TICK} tickFormatter={(v: number) => format.number(v)} allowDecimals={false} domain={FROM_ZERO} />
        <YAxis type="category" dataKey="label" width={width} tick={<WrappedTick width={width} />} interval={0} />
        <Tooltip formatter={(value) => (typeof value === 'number' ? (signed ? format.signed(value) : format.number(value)) : String(value))} />
        {series.length > 1 ? <Legend wrapperStyle={{ fontSize: 12 }} formatter={legendText} itemSorter={null} /> : null}
        {signed ? <ReferenceLine x={0} stroke="#292524" /> : null}
        {series.map((s) => (
          <Bar key={s.key} dataKey={s.key} name={s.label} fill={s.color} stackId={s.stack} isAnimationActive={false} stroke="#ffffff" strokeWidth={s.stack ? 1 : 0}>
            {signed
              ? rows.map((row) => <Cell key={row.label} fill={Number(row[s.key]) < 0 ? COLORS.shortage : COLORS.surplus} />)
              : null}
          </Bar>
        ))}
      </BarChart>
    </Frame>
  );
}

/** Vertical bars, one group per category (education levels, committees). */
export function ColumnBars({ rows, series, locale, height = 260 }: { rows: Row[]; series: Series[]; locale: AppLocale; height?: number }) {
  const format = formattersFor(locale);
  return (
    <Frame height={height}>
      <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 4, left: 4 }} accessibilityLayer={false}>
        <CartesianGrid vertical={false} stroke="#e7e5e4" />
        <XAxis dataKey="label" tick={AXIS_TICK} interval={0} />
        <YAxis tick={AXIS_TICK} tickFormatter={(v: number) => format.number(v)} allowDecimals={false} width={56} domain={FROM_ZERO} />
        <Tooltip formatter={(value) => (typeof value === 'number' ? format.number(value) : String(value))} />
        {series.length > 1 ? <Legend wrapperStyle={{ fontSize: 12 }} formatter={legendText} itemSorter={null} /> : null}
        {series.map((s) => (
          <Bar key={s.key} dataKey={s.key} name={s.label} fill={s.color} isAnimationActive={false} />
        ))}
      </BarChart>
    </Frame>
  );
}

/** The trend: headcount on the left axis, difference and key vacancies on the right. */
export function TrendLines({ rows, series, locale, height = 280 }: { rows: Row[]; series: (Series & { axis: 'left' | 'right' })[]; locale: AppLocale; height?: number }) {
  const format = formattersFor(locale);
  return (
    <Frame height={height}>
      <LineChart data={rows} margin={{ top: 8, right: 8, bottom: 4, left: 4 }} accessibilityLayer={false}>
        <CartesianGrid stroke="#e7e5e4" />
        <XAxis dataKey="label" tick={AXIS_TICK} />
        <YAxis yAxisId="left" tick={AXIS_TICK} tickFormatter={(v: number) => format.number(v)} width={56} domain={['auto', 'auto']} />
        <YAxis yAxisId="right" orientation="right" tick={AXIS_TICK} tickFormatter={(v: number) => format.number(v)} width={48} />
        <Tooltip formatter={(value) => (typeof value === 'number' ? format.number(value) : String(value))} />
        <Legend wrapperStyle={{ fontSize: 12 }} formatter={legendText} itemSorter={null} />
        {series.map((s, i) => (
          <Line
            key={s.key}
            yAxisId={s.axis}
            dataKey={s.key}
            name={s.label}
            stroke={s.color}
            strokeWidth={2}
            strokeDasharray={i === 0 ? undefined : i === 1 ? '6 3' : '2 3'}
            dot={{ r: 3 }}
            isAnimationActive={false}
            connectNulls
          />
        ))}
      </LineChart>
    </Frame>
  );
}
