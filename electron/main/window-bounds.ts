/**
 * Where the window reopens: the size and position it had, unless that no longer makes sense.
 *
 * Guarantees (pure; the displays are passed in):
 * - saved JSON is untrusted — anything malformed gives the default size, centred;
 * - the size is clamped between the minimum and the largest work area, so a window saved on a big
 *   monitor still fits a laptop screen;
 * - the position is kept only if enough of the window (its title bar) lands on a current display,
 *   otherwise the window is centred rather than opened off-screen after a monitor was unplugged.
 */
import { z } from 'zod';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What `new BrowserWindow` takes: no x/y means "centre it". */
export interface WindowBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
}

export const DEFAULT_WINDOW_SIZE = { width: 1100, height: 720 } as const;
export const MIN_WINDOW_SIZE = { width: 640, height: 420 } as const;
/** How much of the window must be on a display for the saved position to be kept: a grabbable title bar. */
const MIN_VISIBLE = { width: 120, height: 40 } as const;

const SavedBoundsSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
});

export function restoreBounds(saved: unknown, workAreas: Rect[]): WindowBounds {
  const parsed = SavedBoundsSchema.safeParse(saved);
  if (!parsed.success || workAreas.length === 0) return { ...DEFAULT_WINDOW_SIZE };
  const maxWidth = Math.max(...workAreas.map((area) => area.width));
  const maxHeight = Math.max(...workAreas.map((area) => area.height));
  const width = clamp(parsed.data.width, Math.min(MIN_WINDOW_SIZE.width, maxWidth), maxWidth);
  const height = clamp(parsed.data.height, Math.min(MIN_WINDOW_SIZE.height, maxHeight), maxHeight);
  const { x, y } = parsed.data;
  const visible = workAreas.some((area) => overlapWidth(x, width, area) >= MIN_VISIBLE.width && titleBarVisible(y, area));
  return visible ? { x, y, width, height } : { width, height };
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}

function overlapWidth(x: number, width: number, area: Rect): number {
  return Math.min(x + width, area.x + area.width) - Math.max(x, area.x);
}

/** The title bar sits at the top edge: it must be inside the area, not just some part of the window. */
function titleBarVisible(y: number, area: Rect): boolean {
  return y >= area.y && y + MIN_VISIBLE.height <= area.y + area.height;
}
