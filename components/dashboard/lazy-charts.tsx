'use client';

import dynamic from 'next/dynamic';
import { useEffect, useRef, useState, type ComponentProps, type ReactNode } from 'react';
import type * as Charts from './charts';
import { barChartHeight } from './chart-size';

// The dashboard's charts as the page uses them: recharts (the largest code on the dashboard) is fetched and drawn
// only when a chart comes near the screen, so the first screen is not blocked by drawing charts below it, and a
// page that shows none never loads it. Until then the chart's box keeps its height (no layout shift); the table
// beside each chart is the alternative that needs no JavaScript (components/dashboard/chart-card.tsx).

const Horizontal = dynamic(() => import('./charts').then((m) => m.HorizontalBars), { ssr: false });
const Columns = dynamic(() => import('./charts').then((m) => m.ColumnBars), { ssr: false });
const Trend = dynamic(() => import('./charts').then((m) => m.TrendLines), { ssr: false });

/** Renders its child once the box is within a screen's height of the viewport (at once where the browser cannot tell). */
function WhenNear({ height, children }: { height: number; children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(false);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    if (typeof IntersectionObserver === 'undefined') {
      setNear(true);
      return;
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) {
          setNear(true);
          observer.disconnect();
        }
      },
      { rootMargin: '100% 0px' },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return (
    <div ref={box} aria-hidden="true" style={{ minHeight: height }}>
      {near ? children : null}
    </div>
  );
}

export function HorizontalBars(props: ComponentProps<typeof Charts.HorizontalBars>) {
  return (
    <WhenNear height={barChartHeight(props.rows.length, props.perRow)}>
      <Horizontal {...props} />
    </WhenNear>
  );
}

export function ColumnBars(props: ComponentProps<typeof Charts.ColumnBars>) {
  return (
    <WhenNear height={props.height ?? 260}>
      <Columns {...props} />
    </WhenNear>
  );
}

export function TrendLines(props: ComponentProps<typeof Charts.TrendLines>) {
  return (
    <WhenNear height={props.height ?? 280}>
      <Trend {...props} />
    </WhenNear>
  );
}
