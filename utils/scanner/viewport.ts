// What is on screen right now, as the subtrees to scan first: the elements under a grid of points over the viewport
// (the browser's own hit test), lifted to their block elements, innermost only. Called from a requestAnimationFrame
// callback, so the layout it needs is the one that frame computes anyway, and ranges registered from it are painted
// in that same frame.
import { blockElementOf, isInSkippedSubtree } from './text-blocks';

/** Vertical and horizontal spacing of the sample points, in CSS px: a 16 px step meets every line of 15 px text. */
const ROW_STEP = 16;
const COLUMNS = 6;

export function visibleRoots(doc: Document): Element[] {
  const view = doc.defaultView;
  if (!view || !doc.body || typeof doc.elementFromPoint !== 'function') return [];
  const width = view.innerWidth;
  const height = view.innerHeight;
  const hits = new Set<Element>();
  for (let y = ROW_STEP / 2; y < height; y += ROW_STEP) {
    for (let c = 0; c < COLUMNS; c++) {
      const el = doc.elementFromPoint(((c + 0.5) * width) / COLUMNS, y);
      if (el) hits.add(el);
    }
  }
  const roots = new Set<Element>();
  for (const el of hits) {
    // The hit element holds the text under the point; its block element holds the whole run of that text.
    const first = el.firstChild ?? el;
    const block = first.nodeType === Node.TEXT_NODE ? (blockElementOf(first) ?? el) : el;
    if (block === doc.body || block === doc.documentElement) continue;
    roots.add(block);
  }
  // Innermost only: a post hit on its padding would otherwise be walked whole, and so would its container.
  const containers = new Set<Element>();
  for (const root of roots) {
    for (let up = root.parentElement; up; up = up.parentElement) if (roots.has(up)) containers.add(up);
  }
  return [...roots].filter((root) => !containers.has(root) && !isInSkippedSubtree(root));
}
