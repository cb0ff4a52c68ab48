/** The current time, refreshed every `everyMs`, so "3 min ago" keeps counting with no new data. */
import { useEffect, useState } from 'preact/hooks';

export function useNow(everyMs = 15_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

/** Epoch ms of the viewer's local midnight, for "today" totals. */
export function localDayStart(now: number): number {
  const day = new Date(now);
  day.setHours(0, 0, 0, 0);
  return day.getTime();
}
