// Paints matches with the CSS Custom Highlight API, keeping only ranges near the viewport registered: Chromium
// re-validates every registered range on any DOM or style change, so registering all of a long feed's matches
// makes every later frame slow. Off-screen matches are kept as plain offsets (not live Ranges, which the browser
// would also update on every mutation) and turned into Ranges when their block scrolls near.
//
// Visibility is observed per group (by default the block itself; the content script passes the post a block belongs
// to): Chromium recomputes every IntersectionObserver target after any layout change, so observing one element per
// post instead of one per paragraph keeps an unrelated DOM change on a long feed cheap.
import { ALL_HIGHLIGHT_NAMES } from './highlight-styles';

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
}

/** An observed element and the blocks whose visibility it stands for. */
interface Group {
  target: Element;
  members: Set<Tracked>;
  /** As last reported by the IntersectionObserver (false until its first report). */
  near: boolean;
}

/** What a registered range stands for: its span and the block element it is tracked with. */
export interface RangeInfo {
  span: Span;
  element: Element;
}

export interface PainterOptions {
  /** How far beyond the viewport ranges stay registered. */
  rootMargin?: string;
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

  function register(t: Tracked) {
    if (t.live) return;
    t.live = [];
    liveBlocks.add(t);
    for (const s of t.spans) {
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
    t.live = null;
  }

  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        const g = groups.get(entry.target);
        if (!g) continue;
        g.near = entry.isIntersecting;
        for (const t of g.members) {
          if (g.near) register(t);
          else unregister(t);
        }
      }
    },
    { rootMargin: options.rootMargin ?? '100% 0px' },
  );

  function join(t: Tracked, target: Element) {
    let g = groups.get(target);
    if (!g) {
      g = { target, members: new Set(), near: false };
      groups.set(target, g);
      observer.observe(target);
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
      observer.unobserve(g.target);
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
      if (spans.length === 0) {
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
      const t = { element: el, spans, live: null } as unknown as Tracked;
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
    /** Forgets blocks that left the document (virtualised lists, removed posts). */
    sweep() {
      for (const el of tracked.keys()) if (!el.isConnected) drop(el);
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
    /** Blocks whose ranges are registered now, with those ranges (hit-tests where highlightsFromPoint is missing). */
    *liveBlocks(): Generator<{ element: Element; ranges: Range[] }> {
      for (const t of liveBlocks) if (t.live) yield { element: t.element, ranges: t.live.map((l) => l.range) };
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
      observer.disconnect();
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
