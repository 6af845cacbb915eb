// What is on screen right now, as the subtrees to scan first: a descent from <body> through the elements whose box
// meets the viewport, down to the first ones small enough to scan whole (at most a screen tall) or holding running
// text. Called from a requestAnimationFrame callback, so the layout it needs is the one that frame computes anyway,
// and ranges registered from it are painted in that same frame.
//
// Why not the browser's hit test on a grid of points (the previous version): on the 2,000-post bench feed each
// elementFromPoint took ~1 ms (it walks the feed's children one by one), 300 points 300 ms of the first frame. The
// descent measures a few boxes per level, and a long list (a feed) by binary search over its children, which are laid
// out top to bottom there: ~100 measurements on the bench feed.
import { blockElementOf, isInlineElement, isInSkippedSubtree, isSkippedElement } from './text-blocks';

/** Enough for any screen; bounds the work on a page that shows thousands of tiny elements. */
const MAX_ROOTS = 200;
const MAX_DEPTH = 64;
/** Children lists longer than this are searched, not walked: a feed's posts are laid out in document order. */
const LONG_LIST = 16;

export function visibleRoots(doc: Document): Element[] {
  const view = doc.defaultView;
  if (!view || !doc.body) return [];
  const height = view.innerHeight;
  const width = view.innerWidth;
  const found: Element[] = [];

  const boxless = (r: DOMRect) => r.width === 0 && r.height === 0;
  const onScreen = (r: DOMRect) => r.bottom > 0 && r.top < height && r.right > 0 && r.left < width;

  /** Direct text, or only inline children: the element is one block of running text. */
  function holdsText(el: Element): boolean {
    let inlineOnly = true;
    for (let n = el.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === Node.TEXT_NODE && /\S/.test((n as Text).data)) return true;
      if (n.nodeType === Node.ELEMENT_NODE && !isInlineElement(n as Element)) inlineOnly = false;
    }
    return inlineOnly;
  }

  function visit(el: Element, depth: number) {
    if (found.length >= MAX_ROOTS || isSkippedElement(el)) return;
    const r = el.getBoundingClientRect();
    // No box: hidden, or display:contents (its children have boxes).
    if (boxless(r)) {
      if (el.childElementCount > 0 && depth < MAX_DEPTH) visitChildren(el, depth + 1);
      return;
    }
    if (!onScreen(r)) return;
    if (r.height <= height || el.childElementCount === 0 || depth >= MAX_DEPTH || holdsText(el)) {
      found.push(el);
      return;
    }
    visitChildren(el, depth + 1);
  }

  function visitChildren(el: Element, depth: number) {
    const kids = el.children;
    const long = kids.length > LONG_LIST;
    let i = 0;
    if (long) {
      // The first child whose box reaches below the top of the screen (boxless ones count as "maybe on screen").
      let lo = 0;
      let hi = kids.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        const r = (kids[mid] as Element).getBoundingClientRect();
        if (!boxless(r) && r.bottom <= 0) lo = mid + 1;
        else hi = mid;
      }
      i = Math.max(0, lo - 1);
    }
    for (; i < kids.length && found.length < MAX_ROOTS; i++) {
      const child = kids[i] as Element;
      if (long) {
        const r = child.getBoundingClientRect();
        if (!boxless(r) && r.top >= height) break;
      }
      visit(child, depth);
    }
  }

  visitChildren(doc.body, 0);

  // An inline element stands for its block (its text runs on with the block's); innermost only, no duplicates.
  const roots = new Set<Element>();
  for (const el of found) {
    const root = isInlineElement(el) ? (blockElementOf(el) ?? el) : el;
    if (root !== doc.body && root !== doc.documentElement) roots.add(root);
  }
  const containers = new Set<Element>();
  for (const root of roots) {
    for (let up = root.parentElement; up; up = up.parentElement) if (roots.has(up)) containers.add(up);
  }
  return [...roots].filter((root) => !containers.has(root) && !isInSkippedSubtree(root));
}
