// Which of Lauscher's registered highlight ranges lies under a point (pointer hover, tooltip), at a cost that does
// not grow with the page or with the block under the pointer:
// 1. The spatial index is the browser's own: the pointer event's target is the element under the pointer, and the
//    nearest block the painter tracks above it is the only block whose text can be there. No tracked block with
//    registered ranges → no hit, without measuring anything (an ordinary move over the page costs a few lookups).
// 2. In that block, a binary search over the block's registered ranges (document order is top-to-bottom), measuring
//    ~log2(n) ranges plus the few on the pointer's line. The painter registers at most MAX_LIVE_PER_BLOCK ranges per
//    block (a window around the viewport), so a post with 3,000 matches costs what an ordinary one does. The boxes
//    measured are kept while the block keeps its size (blockBoxes), so the next moves measure only the block.
//    Not CSS.highlights.highlightsFromPoint, though Chromium has it: it runs a hit test of the whole page and then
//    measures every registered range (trace, 2,000-post bench feed, pointer over the 3,000-mention post: ~2 ms of
//    page hit test plus the ranges per move, on top of the browser's own hit test for the event).
import type { Painter, RangeInfo } from './painter';

export type HitTestSource = Pick<Painter, 'lookup' | 'liveCount' | 'liveBlocks' | 'liveBlockAt'>;

export interface Hit extends RangeInfo {
  range: AbstractRange;
}

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** How a hit-test measures a range: its bounding box and its line boxes, in viewport coordinates. */
export interface RangeBoxes {
  box(range: Range): Box;
  rects(range: Range): readonly Box[];
}

const direct: RangeBoxes = {
  box: (range) => range.getBoundingClientRect(),
  rects: (range) => Array.from(range.getClientRects()),
};

const inside = (r: Box, x: number, y: number) => x >= r.left && x <= r.right && y >= r.top && y <= r.bottom;
const moved = (r: Box, dx: number, dy: number): Box => ({
  left: r.left + dx,
  top: r.top + dy,
  right: r.right + dx,
  bottom: r.bottom + dy,
});

/**
 * Range boxes relative to their block's box, kept while the block keeps its size. Measuring a range maps its offsets
 * to line fragments, which in a 200,000-character text node costs ~0.1 ms a time (trace: 6 per move, most of
 * Lauscher's part of a move). Scrolling, in the page or in an inner scroller, moves the block and its ranges alike;
 * a change inside the block that moves its text either changes the block's size or re-registers its ranges (new
 * Range objects, measured afresh).
 */
const cache = new WeakMap<
  Element,
  { width: number; height: number; box: WeakMap<Range, Box>; rects: WeakMap<Range, Box[]> }
>();

export function blockBoxes(block: Element): RangeBoxes {
  const at = block.getBoundingClientRect();
  let entry = cache.get(block);
  if (!entry || entry.width !== at.width || entry.height !== at.height) {
    entry = { width: at.width, height: at.height, box: new WeakMap(), rects: new WeakMap() };
    cache.set(block, entry);
  }
  const { box, rects } = entry;
  return {
    box(range) {
      let rel = box.get(range);
      if (!rel) {
        rel = moved(range.getBoundingClientRect(), -at.left, -at.top);
        box.set(range, rel);
      }
      return moved(rel, at.left, at.top);
    },
    rects(range) {
      let rel = rects.get(range);
      if (!rel) {
        rel = Array.from(range.getClientRects(), (r) => moved(r, -at.left, -at.top));
        rects.set(range, rel);
      }
      return rel.map((r) => moved(r, at.left, at.top));
    },
  };
}

/**
 * The registered range under viewport point (x, y), or null. `target`: the element the pointer event hit (its
 * composed path's first node). Does nothing when no range is registered or the target is in no registered block.
 */
export function hitTest(source: HitTestSource, x: number, y: number, target: Node | null): Hit | null {
  if (source.liveCount === 0 || !target) return null;
  const block = source.liveBlockAt(target);
  if (!block) return null;
  return hitTestRanges(source, block.ranges, x, y, blockBoxes(block.element));
}

/**
 * The fallback within one block: the first range whose box reaches down to y (binary search: the ranges are in
 * document order, so their tops do not decrease), then the ranges from there that start on or above y.
 */
export function hitTestRanges(
  source: Pick<Painter, 'lookup'>,
  ranges: Range[],
  x: number,
  y: number,
  boxes: RangeBoxes = direct,
): Hit | null {
  let lo = 0;
  let hi = ranges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (boxes.box(ranges[mid] as Range).bottom < y) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < ranges.length; i++) {
    const range = ranges[i] as Range;
    const box = boxes.box(range);
    if (box.top > y) break;
    if (!inside(box, x, y)) continue;
    for (const rect of boxes.rects(range)) {
      if (!inside(rect, x, y)) continue;
      const info = source.lookup(range);
      if (info) return { ...info, range };
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
