// Which of Lauscher's registered highlight ranges lies under a point (pointer hover, tooltip). Uses
// CSS.highlights.highlightsFromPoint where the engine has it; elsewhere a hit-test over the registered ranges' client
// rects, which stays cheap because only near-viewport ranges are registered (≤ ~1,000), and blocks are checked by
// their bounding box before any range is measured.
import type { Painter, RangeInfo } from './painter';

export type HitTestSource = Pick<Painter, 'lookup' | 'liveCount' | 'liveBlocks'>;

export interface Hit extends RangeInfo {
  range: AbstractRange;
}

interface HighlightHitResult {
  highlight: Highlight;
  ranges: AbstractRange[];
}
type WithFromPoint = HighlightRegistry & {
  highlightsFromPoint?: (x: number, y: number) => HighlightHitResult[];
};

const inside = (r: DOMRect | DOMRectReadOnly, x: number, y: number) =>
  x >= r.left && x <= r.right && y >= r.top && y <= r.bottom;

/** The registered range under viewport point (x, y), or null. Does nothing when no range is registered. */
export function hitTest(source: HitTestSource, x: number, y: number): Hit | null {
  if (source.liveCount === 0) return null;
  const registry = (globalThis.CSS as { highlights?: WithFromPoint } | undefined)?.highlights;
  if (typeof registry?.highlightsFromPoint === 'function') {
    for (const { ranges } of registry.highlightsFromPoint(x, y)) {
      for (const range of ranges) {
        const info = source.lookup(range);
        if (info) return { ...info, range };
      }
    }
    return null;
  }
  return hitTestRects(source, x, y);
}

/** The fallback: block bounding boxes first, then the client rects of the ranges in the blocks that contain the point. */
export function hitTestRects(source: HitTestSource, x: number, y: number): Hit | null {
  for (const { element, ranges } of source.liveBlocks()) {
    if (!inside(element.getBoundingClientRect(), x, y)) continue;
    for (const range of ranges) {
      for (const rect of range.getClientRects()) {
        if (!inside(rect, x, y)) continue;
        const info = source.lookup(range);
        if (info) return { ...info, range };
      }
    }
  }
  return null;
}

/** The first registered range inside `el` (keyboard focus on a link or post that holds a highlight). */
export function firstHitWithin(source: HitTestSource, el: Element): Hit | null {
  if (source.liveCount === 0) return null;
  for (const { element, ranges } of source.liveBlocks()) {
    if (!el.contains(element) && !element.contains(el)) continue;
    for (const range of ranges) {
      if (!el.contains(range.startContainer)) continue;
      const info = source.lookup(range);
      if (info) return { ...info, range };
    }
  }
  return null;
}
