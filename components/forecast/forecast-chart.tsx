'use client';

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { COLORS } from '@/components/dashboard/colors';

// One commune's forecast as bars from zero: per year the expected headcount beside the quota (recharts draws in the
// browser only; the table beside it is the text alternative and what works without JavaScript).

export type ForecastChartRow = { year: string; headcount: number; quota: number };

export function ForecastChart({ rows, labels }: { rows: ForecastChartRow[]; labels: { headcount: string; quota: string } }) {
  return (
    <div aria-hidden="true" className="h-48 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="year" tick={{ fontSize: 12, fill: '#44403c' }} />
          <YAxis domain={[0, 'auto']} allowDecimals={false} tick={{ fontSize: 12, fill: '#44403c' }} width={36} />
          <Tooltip />
          <Legend formatter={(value: string) => <span style={{ color: '#44403c' }}>{value}</span>} />
          <Bar dataKey="headcount" name={labels.headcount} fill={COLORS.series[0]} isAnimationActive={false} />
          <Bar dataKey="quota" name={labels.quota} fill={COLORS.neutral} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
