/**
 * Numbers and times written for people: `12.3k`, `1.2M`, `$4.56`, `3 min ago`, `1 h 20 min`.
 *
 * The CLI table and the dashboard both use these, so a figure reads the same in the terminal and in
 * the window. Pure functions: no locale, no clock (the caller passes `now`), no DOM or Node API, so
 * the output is the same on every machine and in every test. Unknown values (`null`) print as an em
 * dash, never as a made-up 0.
 */

/** What an unknown value prints as. */
export const UNKNOWN = '—';

const SCALES: readonly (readonly [number, string])[] = [
  [1e3, 'k'],
  [1e6, 'M'],
  [1e9, 'B'],
];

/**
 * A token count in at most four significant characters: `950`, `12.3k`, `123k`, `1.2M`.
 * One decimal below 100 of a unit, none above, so a column of counts stays narrow.
 */
export function formatTokens(count: number | null): string {
  if (count === null || !Number.isFinite(count)) return UNKNOWN;
  const sign = count < 0 ? '-' : '';
  const abs = Math.abs(count);
  if (abs < 999.5) return sign + String(Math.round(abs));
  for (const [scale, suffix] of SCALES) {
    const value = abs / scale;
    // Move up a unit rather than print "1000k": 999,800 reads as "1M".
    if (value < 999.5 || suffix === 'B') return sign + scaled(value) + suffix;
  }
  return sign + String(Math.round(abs));
}

function scaled(value: number): string {
  return value < 99.95 ? trimZero(value.toFixed(1)) : String(Math.round(value));
}

function trimZero(text: string): string {
  return text.endsWith('.0') ? text.slice(0, -2) : text;
}

/** A whole count with thousands separators, for exact figures: `1,234,567`. */
export function formatCount(count: number | null): string {
  if (count === null || !Number.isFinite(count)) return UNKNOWN;
  const rounded = Math.round(count);
  const digits = String(Math.abs(rounded)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return (rounded < 0 ? '-' : '') + digits;
}

/** Dollars with cents (`$4.56`), `<$0.01` for a cost too small to show, whole dollars from $1,000. */
export function formatUsd(amount: number | null): string {
  if (amount === null || !Number.isFinite(amount)) return UNKNOWN;
  if (amount > 0 && amount < 0.005) return '<$0.01';
  if (amount >= 1000) return `$${formatCount(amount)}`;
  return `$${amount.toFixed(2)}`;
}

/**
 * A percentage with one decimal (`82.4%`), fine enough to see a single turn move the context. Cut,
 * not rounded: 89.96% reads `89.9%`, so a figure on screen never claims a threshold not yet crossed.
 */
export function formatPercent(percent: number | null): string {
  if (percent === null || !Number.isFinite(percent)) return UNKNOWN;
  // The epsilon absorbs binary noise (0.57 × 100 = 56.99999999999999 must read 57%), not real tenths.
  const tenths = Math.floor(percent * 10 + 1e-9) / 10;
  return `${trimZero(tenths.toFixed(1))}%`;
}

/** A span of minutes as people say it: `<1 min`, `12 min`, `1 h 20 min`, `3 d 4 h`. */
export function formatMinutes(minutes: number | null): string {
  if (minutes === null || !Number.isFinite(minutes) || minutes < 0) return UNKNOWN;
  if (minutes < 1) return '<1 min';
  const total = Math.round(minutes);
  if (total < 60) return `${total} min`;
  const hours = Math.floor(total / 60);
  if (hours < 24) return joinUnits(hours, 'h', total % 60, 'min');
  return joinUnits(Math.floor(hours / 24), 'd', hours % 24, 'h');
}

function joinUnits(major: number, majorUnit: string, minor: number, minorUnit: string): string {
  return minor === 0 ? `${major} ${majorUnit}` : `${major} ${majorUnit} ${minor} ${minorUnit}`;
}

/**
 * How long ago an ISO time was, relative to `now` (epoch ms): `just now`, `3 min ago`, `2 h ago`,
 * `yesterday`, `5 days ago`, then the date. A time in the future (clock skew) reads as `just now`.
 */
export function formatAgo(iso: string | null, now: number): string {
  if (iso === null) return UNKNOWN;
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return UNKNOWN;
  const seconds = (now - at) / 1000;
  if (seconds < 45) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.round(hours / 24);
  if (days === 1) return 'yesterday';
  if (days < 14) return `${days} days ago`;
  return iso.slice(0, 10);
}

/** Bytes in binary units: `512 B`, `1.5 KiB`, `2.3 GiB`. */
export function formatBytes(bytes: number | null): string {
  if (bytes === null || !Number.isFinite(bytes) || bytes < 0) return UNKNOWN;
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${Math.round(value)} B` : `${trimZero(value.toFixed(1))} ${units[unit]}`;
}

/** The last path segment of a project folder, the name a person calls it by. */
export function projectLabel(project: string | null): string {
  if (!project) return UNKNOWN;
  const parts = project.split(/[\\/]+/).filter((part) => part.length > 0);
  return parts[parts.length - 1] ?? project;
}
