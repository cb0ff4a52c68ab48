// @ts-check
/**
 * The Headroom artwork as code: a context gauge — a ring whose filled arc is how full the context
 * window is. Shapes are signed distance functions on a unit square, rasterised with analytic
 * anti-aliasing (coverage = 0.5 − distance in pixels), so every size is drawn, never scaled.
 *
 * Tray states must differ by shape as well as colour, because macOS template images are monochrome:
 * ok ⅓ of the ring, warning ⅔, critical nearly full with a centre dot, compact-soon full with a "!".
 */

/** @typedef {[number, number, number, number]} Rgba  0–255 channels, alpha 0–1 */
/** @typedef {(u: number, v: number) => number} Shape  signed distance in unit-square units */
/** @typedef {{ shape: Shape, color: Rgba | ((u: number, v: number) => Rgba) }} Layer */

/** @param {number} x @param {number} y */
const length = (x, y) => Math.hypot(x, y);

/** @param {number} cx @param {number} cy @param {number} r @returns {Shape} */
export const circle = (cx, cy, r) => (u, v) => length(u - cx, v - cy) - r;

/** @param {number} cx @param {number} cy @param {number} half @param {number} radius @returns {Shape} */
export const roundedSquare = (cx, cy, half, radius) => (u, v) => {
  const qx = Math.abs(u - cx) - half + radius;
  const qy = Math.abs(v - cy) - half + radius;
  return length(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius;
};

/** A round-capped line from (ax, ay) to (bx, by). @param {number} ax @param {number} ay @param {number} bx @param {number} by @param {number} r @returns {Shape} */
export const segment = (ax, ay, bx, by, r) => (u, v) => {
  const px = u - ax;
  const py = v - ay;
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, (px * dx + py * dy) / (dx * dx + dy * dy)));
  return length(px - dx * t, py - dy * t) - r;
};

/**
 * A round-capped arc of a ring, from 12 o'clock clockwise over `fraction` of the turn.
 * @param {number} cx @param {number} cy @param {number} radius @param {number} thickness @param {number} fraction
 * @returns {Shape}
 */
export const arc = (cx, cy, radius, thickness, fraction) => {
  const end = fraction * 2 * Math.PI;
  const caps = [0, end].map((angle) => [cx + radius * Math.sin(angle), cy - radius * Math.cos(angle)]);
  return (u, v) => {
    const dx = u - cx;
    const dy = v - cy;
    const angle = (Math.atan2(dx, -dy) + 2 * Math.PI) % (2 * Math.PI);
    if (fraction >= 1 || angle <= end) return Math.abs(length(dx, dy) - radius) - thickness / 2;
    return Math.min(...caps.map(([x = 0, y = 0]) => length(u - x, v - y))) - thickness / 2;
  };
};

/** @param {number} size @param {Layer[]} layers */
export function rasterize(size, layers) {
  const rgba = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const u = (x + 0.5) / size;
      const v = (y + 0.5) / size;
      let [r, g, b, a] = [0, 0, 0, 0];
      for (const layer of layers) {
        const coverage = Math.max(0, Math.min(1, 0.5 - layer.shape(u, v) * size));
        if (coverage === 0) continue;
        const [lr, lg, lb, la] = typeof layer.color === 'function' ? layer.color(u, v) : layer.color;
        const src = la * coverage;
        const out = src + a * (1 - src);
        if (out > 0) {
          r = (lr * src + r * a * (1 - src)) / out;
          g = (lg * src + g * a * (1 - src)) / out;
          b = (lb * src + b * a * (1 - src)) / out;
        }
        a = out;
      }
      const i = (y * size + x) * 4;
      rgba[i] = Math.round(r);
      rgba[i + 1] = Math.round(g);
      rgba[i + 2] = Math.round(b);
      rgba[i + 3] = Math.round(a * 255);
    }
  }
  return { size, rgba };
}

export const LEVELS = /** @type {const} */ (['ok', 'warning', 'critical', 'compact-soon']);
/** @typedef {typeof LEVELS[number]} Level */

/** @type {Record<Level, Rgba>} */
const LEVEL_COLORS = {
  ok: [63, 185, 80, 1],
  warning: [227, 179, 65, 1],
  critical: [248, 81, 73, 1],
  'compact-soon': [188, 77, 255, 1],
};
/** @type {Record<Level, number>} */
const LEVEL_FILL = { ok: 1 / 3, warning: 2 / 3, critical: 0.9, 'compact-soon': 1 };

const RING = { cx: 0.5, cy: 0.5, radius: 0.36, thickness: 0.16 };

/**
 * One tray state. `template` draws black on transparent for macOS, which tints it for the menu bar;
 * otherwise the level's colour on a grey track readable on light and dark taskbars.
 * @param {Level} level @param {number} size @param {boolean} template
 */
export function trayIcon(level, size, template) {
  const mark = template ? /** @type {Rgba} */ ([0, 0, 0, 1]) : LEVEL_COLORS[level];
  const track = template ? /** @type {Rgba} */ ([0, 0, 0, 0.3]) : /** @type {Rgba} */ ([140, 149, 158, 0.6]);
  /** @type {Layer[]} */
  const layers = [
    { shape: arc(RING.cx, RING.cy, RING.radius, RING.thickness, 1), color: track },
    { shape: arc(RING.cx, RING.cy, RING.radius, RING.thickness, LEVEL_FILL[level]), color: mark },
  ];
  if (level === 'critical') layers.push({ shape: circle(0.5, 0.5, 0.12), color: mark });
  if (level === 'compact-soon') {
    layers.push({ shape: segment(0.5, 0.33, 0.5, 0.52, 0.055), color: mark }, { shape: circle(0.5, 0.66, 0.065), color: mark });
  }
  return rasterize(size, layers);
}

/**
 * The app icon: the gauge on a dark rounded square, inset by the macOS icon grid's margin (824 of 1024)
 * so it sits at the same visual size as other apps in the Dock.
 * @param {number} size
 */
export function appIcon(size) {
  /** @param {number} _u @param {number} v @returns {Rgba} */
  const background = (_u, v) => [Math.round(31 - 20 * v), Math.round(41 - 23 * v), Math.round(55 - 23 * v), 1];
  return rasterize(size, [
    { shape: roundedSquare(0.5, 0.5, 412 / 1024, 185 / 1024), color: background },
    { shape: arc(0.5, 0.5, 0.25, 0.09, 1), color: [255, 255, 255, 0.14] },
    { shape: arc(0.5, 0.5, 0.25, 0.09, 0.72), color: [45, 212, 191, 1] },
    { shape: circle(0.5, 0.5, 0.06), color: [45, 212, 191, 1] },
  ]);
}
