// Paints matches with the CSS Custom Highlight API, keeping only ranges near the viewport registered: Chromium
// re-validates every registered range on any DOM or style change, so registering all of a long feed's matches
// makes every later frame slow. Off-screen matches are kept as plain offsets (not live Ranges, which the browser
// would also update on every mutation) and turned into Ranges when their block scrolls near.
//
// Visibility is tracked per group (by default the block itself; the content script passes the post a block belongs
// to) by near-tracker.ts, a sorted index of the groups' boxes: no IntersectionObserver, whose per-target work
// Chromium repeats in every frame after any change on the page.
//
// A hostile block (a post repeating the town 3,000 times) would still register thousands of ranges when it comes
// near: such a block registers only a window of MAX_LIVE_PER_BLOCK spans around the viewport, found by a binary
// search over its spans' positions and moved as the page scrolls. Every span is still tracked and counted.
import { ALL_HIGHLIGHT_NAMES } from './highlight-styles';
import { createNearTracker, type VisibilityFactory } from './near-tracker';

/**
 * Most ranges one block registers at a time: ~half a screen of the town named word after word, a whole screen of any
 * ordinary post. Every registered range costs every later frame (bench: 132 live ranges with the hostile post in view
 * gave pointer moves 3.4× the page alone, 312 gave 7.8×).
 */
export const MAX_LIVE_PER_BLOCK = 150;

export interface Span {
  name: string;
  /** Which topic ('municipality' for the town) and which configured term matched: what the tooltip shows. */
  topicId: string;
  term: string;
  startNode: Text;
  startOffset: number;
  endNode: Text;
  endOffset: number;
}

interface Tracked {
  element: Element;
  group: Group;
  spans: Span[];
  live: Array<{ name: string; range: Range }> | null;
  /** For a block with more than MAX_LIVE_PER_BLOCK spans: the index of the first registered span. */
  from: number;
}

/** An observed element and the blocks whose visibility it stands for. */
interface Group {
  target: Element;
  members: Set<Tracked>;
  /** As last reported by the near tracker (false until its first report). */
  near: boolean;
}

/** What a registered range stands for: its span and the block element it is tracked with. */
export interface RangeInfo {
  span: Span;
  element: Element;
}

export interface PainterOptions {
  /** Which groups are near the viewport (default: the near tracker; tests pass a fake they drive). */
  visibility?: VisibilityFactory;
}

export function createPainter(doc: Document, options: PainterOptions = {}) {
  const highlights = new Map<string, Highlight>();
  for (const name of ALL_HIGHLIGHT_NAMES) {
    const h = new Highlight();
    highlights.set(name, h);
    CSS.highlights.set(name, h);
  }
  const tracked = new Map<Element, Tracked>();
  const groups = new Map<Element, Group>();
  /** Blocks whose ranges are registered right now (a few hundred at most): what a hit-test looks through. */
  const liveBlocks = new Set<Tracked>();
  /** Registered range → its span; a WeakMap, so a range dropped by the page or by us costs nothing to forget. */
  const infoOf = new WeakMap<AbstractRange, RangeInfo>();
  let liveRanges = 0;
  /** Posts the user ignored: their blocks are dropped and never painted again on this page. */
  const forgotten = new Set<Element>();
  const isForgotten = (el: Element) => {
    for (const f of forgotten) if (f.contains(el)) return true;
    return false;
  };

  /** A Range for a span, or null when the text changed since it was scanned (the observer re-scans it). */
  function rangeOf(s: Span): Range | null {
    try {
      const range = doc.createRange();
      range.setStart(s.startNode, s.startOffset);
      range.setEnd(s.endNode, s.endOffset);
      return range;
    } catch {
      return null;
    }
  }

  /**
   * The first span of a big block to register: a little before the first one that reaches the viewport, by a
   * binary search over the spans (in document order, so top to bottom): ~12 measurements for 3,000 spans.
   */
  function windowStart(t: Tracked): number {
    let lo = 0;
    let hi = t.spans.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const bottom = rangeOf(t.spans[mid] as Span)?.getBoundingClientRect().bottom ?? 0;
      if (bottom < 0) lo = mid + 1;
      else hi = mid;
    }
    return Math.max(0, Math.min(lo - (MAX_LIVE_PER_BLOCK >> 3), t.spans.length - MAX_LIVE_PER_BLOCK));
  }

  function register(t: Tracked) {
    if (t.live) return;
    t.live = [];
    liveBlocks.add(t);
    let spans = t.spans;
    if (spans.length > MAX_LIVE_PER_BLOCK) {
      t.from = windowStart(t);
      spans = spans.slice(t.from, t.from + MAX_LIVE_PER_BLOCK);
      bigLive.add(t);
      watchScroll();
    }
    for (const s of spans) {
      try {
        const range = doc.createRange();
        range.setStart(s.startNode, s.startOffset);
        range.setEnd(s.endNode, s.endOffset);
        highlights.get(s.name)?.add(range);
        infoOf.set(range, { span: s, element: t.element });
        t.live.push({ name: s.name, range });
        liveRanges += 1;
      } catch {
        // The text changed since it was scanned; the mutation observer re-scans that block.
      }
    }
  }

  function unregister(t: Tracked) {
    if (!t.live) return;
    for (const { name, range } of t.live) highlights.get(name)?.delete(range);
    liveRanges -= t.live.length;
    liveBlocks.delete(t);
    bigLive.delete(t);
    t.live = null;
  }

  /** Big blocks registered now: their window follows the scroll position (one check per frame while scrolling). */
  const bigLive = new Set<Tracked>();
  const view = doc.defaultView;
  let scrollWatched = false;
  let scrollFrame = 0;
  function onScroll() {
    if (scrollFrame || bigLive.size === 0) return;
    scrollFrame = requestAnimationFrame(() => {
      scrollFrame = 0;
      for (const t of [...bigLive]) {
        const from = windowStart(t);
        // Moved by less than a quarter of the window: what is on screen is still registered.
        if (Math.abs(from - t.from) < MAX_LIVE_PER_BLOCK >> 2) continue;
        unregister(t);
        register(t);
      }
    });
  }
  function watchScroll() {
    if (scrollWatched || !view) return;
    scrollWatched = true;
    view.addEventListener('scroll', onScroll, { passive: true, capture: true });
  }

  const visibility = (options.visibility ?? createNearTracker)(doc, (target, near) => {
    const g = groups.get(target);
    if (!g) return;
    g.near = near;
    for (const t of g.members) {
      if (near) register(t);
      else unregister(t);
    }
  });

  function join(t: Tracked, target: Element) {
    let g = groups.get(target);
    if (!g) {
      g = { target, members: new Set(), near: false };
      groups.set(target, g);
      visibility.observe(target);
    }
    g.members.add(t);
    t.group = g;
    if (g.near) register(t);
  }

  function leave(t: Tracked) {
    const g = t.group;
    g.members.delete(t);
    if (g.members.size === 0) {
      groups.delete(g.target);
      visibility.unobserve(g.target);
    }
  }

  function drop(el: Element) {
    const t = tracked.get(el);
    if (!t) return;
    unregister(t);
    tracked.delete(el);
    leave(t);
  }

  return {
    /**
     * Replaces the spans painted for one block element (an empty list clears it). `group`: the element whose
     * visibility decides whether they are registered (the post the block belongs to; default the block itself).
     */
    set(el: Element, spans: Span[], group: Element = el) {
      const old = tracked.get(el);
      if (spans.length === 0 || (forgotten.size > 0 && isForgotten(el))) {
        if (old) drop(el);
        return;
      }
      if (old) {
        unregister(old);
        old.spans = spans;
        if (old.group.target !== group) {
          leave(old);
          join(old, group);
        } else if (old.group.near) register(old);
        return;
      }
      const t = { element: el, spans, live: null, from: 0 } as unknown as Tracked;
      tracked.set(el, t);
      join(t, group);
    },
    /** Adds spans to a block already set in this scan (a block element split by <br> or nested blocks). */
    append(el: Element, spans: Span[], group: Element = el) {
      const old = tracked.get(el);
      if (!old) {
        this.set(el, spans, group);
        return;
      }
      if (spans.length === 0) return;
      const wasLive = old.live !== null;
      unregister(old);
      old.spans = old.spans.concat(spans);
      if (wasLive) register(old);
    },
    /** Groups joined until endSlice() are measured at its end (see Visibility.beginFlush). */
    beginSlice() {
      visibility.beginFlush();
    },
    endSlice(until: number) {
      visibility.flush(until);
    },
    /** Elements were added or removed at these nodes: the groups' boxes may have moved. */
    layoutChanged(where: Node[]) {
      visibility.invalidate(where);
    },
    /** Forgets blocks that left the document (virtualised lists, removed posts). */
    sweep() {
      for (const el of tracked.keys()) if (!el.isConnected) drop(el);
      for (const f of forgotten) if (!f.isConnected) forgotten.delete(f);
    },
    /** An ignored post or comment: drops the highlights inside `item` now and keeps them off on later scans. */
    forget(item: Element) {
      forgotten.add(item);
      for (const el of [...tracked.keys()]) if (item.contains(el)) drop(el);
    },
    /** The span and block element of a range this painter registered, else undefined. */
    lookup(range: AbstractRange): RangeInfo | undefined {
      return infoOf.get(range);
    },
    /**
     * Read-only accessor for the keyboard navigator (utils/content/navigator.ts): every painted span with its block,
     * registered or kept as offsets, in no particular order.
     */
    *allSpans(): Generator<RangeInfo> {
      for (const t of tracked.values()) for (const span of t.spans) yield { span, element: t.element };
    },
    /** Number of ranges registered now; 0 means there is nothing to hover. */
    get liveCount() {
      return liveRanges;
    },
    /** Blocks whose ranges are registered now, with those ranges (keyboard focus: the first one inside an element). */
    *liveBlocks(): Generator<{ element: Element; ranges: Range[] }> {
      for (const t of liveBlocks) if (t.live) yield { element: t.element, ranges: t.live.map((l) => l.range) };
    },
    /**
     * The registered block under a pointer target: the nearest tracked ancestor of the element the browser's own
     * hit test found (its text belongs to that block), with its ranges in document order; null when it has none.
     */
    liveBlockAt(target: Node): { element: Element; ranges: Range[] } | null {
      for (let el = target instanceof Element ? target : target.parentElement; el; el = el.parentElement) {
        const t = tracked.get(el);
        if (t) return t.live?.length ? { element: t.element, ranges: t.live.map((l) => l.range) } : null;
      }
      return null;
    },
    /**
     * Registers now, before the near tracker's first report, the blocks whose group the caller measured on screen
     * (the first frame after DOMContentLoaded or a navigation paints them). The tracker corrects it later.
     */
    registerNow(groupTarget: Element) {
      const g = groups.get(groupTarget);
      if (!g || g.near) return;
      g.near = true;
      visibility.markNear(groupTarget);
      for (const t of g.members) register(t);
    },
    /** The element whose visibility decides a block's registration, for blocks tracked now. */
    groupOf(el: Element): Element | undefined {
      return tracked.get(el)?.group.target;
    },
    clear() {
      for (const el of [...tracked.keys()]) drop(el);
    },
    stats() {
      let live = 0;
      let spans = 0;
      for (const t of tracked.values()) {
        spans += t.spans.length;
        live += t.live?.length ?? 0;
      }
      return { blocks: tracked.size, spans, live };
    },
    destroy() {
      visibility.disconnect();
      view?.removeEventListener('scroll', onScroll, { capture: true });
      if (scrollFrame) cancelAnimationFrame(scrollFrame);
      bigLive.clear();
      tracked.clear();
      groups.clear();
      liveBlocks.clear();
      liveRanges = 0;
      for (const name of ALL_HIGHLIGHT_NAMES) {
        if (CSS.highlights.get(name) === highlights.get(name)) CSS.highlights.delete(name);
      }
    },
  };
}

export type Painter = ReturnType<typeof createPainter>;
