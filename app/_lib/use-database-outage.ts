'use client';

import { useEffect, useRef, useState } from 'react';

const HEALTH = '/api/health';
const POLL_MS = 5000;

/**
 * Whether the failure behind an error page is the database out of reach (the health check answers 503, or the
 * server does not answer at all): the page then says the service is interrupted, polls the health check, and
 * calls `onBack` (the boundary's retry) when it answers again, so the page recovers by itself
 * (docs/decisions/035-backups-and-a-lost-database.md).
 */
export function useDatabaseOutage(onBack: () => void): boolean {
  const [down, setDown] = useState(false);
  const back = useRef(onBack);
  useEffect(() => {
    back.current = onBack;
  });
  useEffect(() => {
    let active = true;
    let wasDown = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const check = async () => {
      const up = await fetch(HEALTH, { cache: 'no-store' }).then(
        (response) => response.ok,
        () => false,
      );
      if (!active) return;
      if (up) {
        if (wasDown) back.current();
        return;
      }
      wasDown = true;
      setDown(true);
      timer = setTimeout(check, POLL_MS);
    };
    void check();
    return () => {
      active = false;
      clearTimeout(timer);
    };
  }, []);
  return down;
}
