import { describe, expect, it } from 'vitest';
import { DEFAULT_WINDOW_SIZE, restoreBounds, type Rect } from '../../../electron/main/window-bounds';

const laptop: Rect = { x: 0, y: 25, width: 1440, height: 875 };
const monitorOnRight: Rect = { x: 1440, y: 0, width: 2560, height: 1415 };

describe('restoreBounds', () => {
  it.each([
    ['nothing saved', undefined],
    ['a string', 'x'],
    ['a missing height', { x: 1, y: 2, width: 800 }],
    ['a negative width', { x: 1, y: 2, width: -800, height: 600 }],
    ['fractional pixels', { x: 1.5, y: 2, width: 800, height: 600 }],
  ])('centres the default size for %s', (_name, saved) => {
    expect(restoreBounds(saved, [laptop])).toEqual(DEFAULT_WINDOW_SIZE);
  });

  it('keeps a position and size that fit a current display', () => {
    expect(restoreBounds({ x: 100, y: 60, width: 1000, height: 700 }, [laptop])).toEqual({ x: 100, y: 60, width: 1000, height: 700 });
    expect(restoreBounds({ x: 2000, y: 100, width: 1600, height: 1000 }, [laptop, monitorOnRight])).toEqual({ x: 2000, y: 100, width: 1600, height: 1000 });
  });

  it('centres a window whose monitor was unplugged', () => {
    expect(restoreBounds({ x: 2000, y: 100, width: 1000, height: 700 }, [laptop])).toEqual({ width: 1000, height: 700 });
  });

  it('keeps a window hanging off an edge while 120 px of its title bar are still on screen', () => {
    expect(restoreBounds({ x: 1320, y: 100, width: 1000, height: 700 }, [laptop])).toEqual({ x: 1320, y: 100, width: 1000, height: 700 });
    expect(restoreBounds({ x: 1321, y: 100, width: 1000, height: 700 }, [laptop])).toEqual({ width: 1000, height: 700 });
  });

  it('centres a window whose title bar is above or below the work area', () => {
    expect(restoreBounds({ x: 100, y: 0, width: 1000, height: 700 }, [laptop])).toEqual({ width: 1000, height: 700 });
    expect(restoreBounds({ x: 100, y: 861, width: 1000, height: 700 }, [laptop])).toEqual({ width: 1000, height: 700 });
  });

  it('shrinks a window saved on a big monitor to the largest display, and grows a tiny one to the minimum', () => {
    expect(restoreBounds({ x: 0, y: 25, width: 2500, height: 1400 }, [laptop])).toEqual({ x: 0, y: 25, width: 1440, height: 875 });
    expect(restoreBounds({ x: 10, y: 30, width: 100, height: 50 }, [laptop])).toEqual({ x: 10, y: 30, width: 640, height: 420 });
  });
});
