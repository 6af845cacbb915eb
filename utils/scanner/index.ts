// The live page scanner: scans subtrees in small idle-time slices, paints matches, and reports them for the log.
// It keeps up with infinite scroll through a MutationObserver and never modifies the page's DOM.
//
// Start (and every rescanAll: new terms, SPA navigation) begins with a viewport pass in the next animation frame:
// the blocks under the viewport (viewport.ts) are scanned and registered in that frame's callback, so the page's
// first frame already shows their highlights; the whole page follows in idle slices of at most `sliceMs`. The
// first full walk skips the blocks the viewport pass did (unless they changed since).
//
// Steady-state cost (issue 12): what every later frame pays is the ranges registered (painter.ts keeps only
// near-viewport ones, at most MAX_LIVE_PER_BLOCK per block), the visibility index (near-tracker.ts: nothing per frame,
// a binary search per scroll) and the ::highlight properties (measured per property in the header of highlight-styles.ts: background and colour only).
import type { Match, Matcher } from '../matcher';
import { outermostRoots, scanRootFor } from './mutation-roots';
import type { VisibilityFactory } from './near-tracker';
import { createPainter, type Painter, type Span } from './painter';
import { blockElementOf, createBlockWalker, isInSkippedSubtree, nodeIndexAt, type TextBlock } from './text-blocks';
import { visibleRoots } from './viewport';

export interface BlockMatches {
  block: TextBlock;
  matches: Match[];
}

export interface ScannerOptions {
  doc: Document;
  matcher: Matcher;
  /** The highlight name a topic paints with, or null to log without painting. */
  highlightFor(topicId: string): string | null;
  /**
   * Each block with matches, in one call: the consumer records them (the post index) and returns the element whose
   * visibility decides when the block's ranges are registered (e.g. the post it belongs to: fewer observed elements
   * make every later frame cheaper); null/undefined = the block element.
   */
  onMatches(block: TextBlock, matches: Match[]): Element | null | undefined;
  signal: AbortSignal;
  /** Longest main-thread slice in ms before yielding to the page. */
  sliceMs?: number;
  /** Which groups are near the viewport (default: the near tracker; tests pass a fake). */
  visibility?: VisibilityFactory;
  /** Called for each open shadow root met, e.g. to adopt the highlight styles into it. */
  onShadowRoot?: (root: ShadowRoot) => void;
  /** Called each time the queue drains (everything pending scanned and handed to onMatches). */
  onIdle?: (stats: ScanStats) => void;
}

/** Counters since start (or the last rescanAll), for the test hook and the bench. Cheap: a few additions per slice. */
export interface ScanStats {
  /** Blocks and spans tracked now (matches on the page as it stands). */
  blocks: number;
  matches: number;
  /** Matches handed to onMatches since start / the last rescanAll (re-scanned blocks count again). */
  found: number;
  /** Ranges registered right now. */
  live: number;
  /** Main-thread time spent in scan slices, their number, the longest one, and performance.now() of the start. */
  busyMs: number;
  /**
   * The viewport pass: performance.now() when its frame callback ended (0: not run yet), its scan time, the layout
   * its hit tests waited for (the page's own first layout, which that frame needs anyway), and its matches.
   */
  viewportAt: number;
  viewportMs: number;
  viewportLayoutMs: number;
  viewportMatches: number;
  slices: number;
  maxSliceMs: number;
  /** Slices (viewport pass included) that ran longer than 8 ms: a preempted or GC-paused one counts too. */
  slicesOver8: number;
  startedAt: number;
}

/** Nodes the walker visits per step (a step yields the blocks completed in them; the clock is read per block). */
const NODES_PER_CHECK = 32;
/**
 * How much earlier than `sliceMs` a slice stops starting new blocks: one block and its log reading fit in it, and so
 * does a young-generation GC (2–6 ms on the 2,000-post bench feed), which lands inside some slice whatever it does.
 * With 3 ms, 11–20 % of the bench's slices took over 8 ms (per-slice probe: the overrun was a GC inside one block or
 * one walker step); with 5 ms, 5 %, at the same total scan time in twice as many slices.
 */
const SLICE_MARGIN_MS = 5;

export function createScanner(options: ScannerOptions) {
  const { doc, signal } = options;
  let matcher = options.matcher;
  let highlightFor = options.highlightFor;
  const sliceMs = options.sliceMs ?? 8;
  const painter: Painter = createPainter(doc, { visibility: options.visibility });
  const pending = new Set<Node>();
  const shadowRoots = new Set<ShadowRoot>();
  let job: {
    walker: ReturnType<typeof createBlockWalker>;
    seen: Set<Element>;
    skip?: Set<Element>;
    /** Blocks the walker yielded that the last slice had no time left for. */
    blocks: TextBlock[];
  } | null = null;
  /** Blocks the viewport pass scanned, for the first full walk to skip; null once that walk has begun. */
  let prescanned: Set<Element> | null = null;
  let initialWalkPending = false;
  let viewportFrame = 0;
  /** True from start/rescanAll until the viewport pass ran (or a second went by without a frame). */
  let holdSlices = false;
  let scheduled = false;
  let needSweep = false;
  let idleWaiters: Array<() => void> = [];
  const counters = {
    found: 0,
    busyMs: 0,
    slices: 0,
    maxSliceMs: 0,
    slicesOver8: 0,
    startedAt: 0,
    viewportAt: 0,
    viewportMs: 0,
    viewportLayoutMs: 0,
    viewportMatches: 0,
  };

  function stats(): ScanStats {
    const p = painter.stats();
    return { blocks: p.blocks, matches: p.spans, live: p.live, ...counters };
  }
  function resetCounters() {
    Object.assign(counters, {
      found: 0,
      busyMs: 0,
      slices: 0,
      maxSliceMs: 0,
      slicesOver8: 0,
      startedAt: performance.now(),
      viewportAt: 0,
      viewportMs: 0,
      viewportLayoutMs: 0,
      viewportMatches: 0,
    });
  }

  const observer = new MutationObserver(onMutations);

  function observe(target: Node) {
    observer.observe(target, { childList: true, subtree: true, characterData: true });
  }

  function onShadowRoot(root: ShadowRoot) {
    if (shadowRoots.has(root)) return;
    shadowRoots.add(root);
    observe(root);
    options.onShadowRoot?.(root);
    pending.add(root);
  }

  /** A block the viewport pass scanned has changed: the full walk must scan it again. */
  function unskip(root: Node | null) {
    if (!prescanned || !root) return;
    prescanned.delete(root as Element);
    const block = blockElementOf(root);
    if (block) prescanned.delete(block);
  }

  function onMutations(records: MutationRecord[]) {
    /** Where elements were added or removed: what the near tracker checks for moved posts. */
    const movedAt: Node[] = [];
    for (const r of records) {
      if (prescanned) unskip(r.target);
      if (r.type === 'characterData') {
        const root = scanRootFor(r.target);
        if (root) pending.add(root);
        continue;
      }
      for (const node of r.addedNodes) {
        const root = scanRootFor(node);
        if (root) pending.add(root);
        // An element added can move everything below it; a text node swapped (a time stamp) moves next to nothing.
        if (node.nodeType === Node.ELEMENT_NODE && !isInSkippedSubtree(node)) movedAt.push(node);
      }
      if (r.removedNodes.length) {
        needSweep = true;
        for (const node of r.removedNodes) {
          if (node.nodeType === Node.ELEMENT_NODE) {
            movedAt.push(r.previousSibling ?? r.target);
            break;
          }
        }
        // Text removed from a block changes what the rest of it says.
        if (r.target.nodeType === Node.ELEMENT_NODE) {
          const root = scanRootFor(r.target);
          if (root) pending.add(root);
        }
      }
    }
    if (movedAt.length) painter.layoutChanged(movedAt);
    schedule();
  }

  /**
   * The end of the browser's current idle period (performance.now()), while slices run within it. One idle
   * callback per slice left the scan at one slice per frame interval (each idle period ran one): within an idle
   * period, the next slice follows as a task of its own (a MessageChannel message), so input and rendering still get
   * in between every two slices.
   */
  let idleUntil = 0;
  const next = typeof MessageChannel === 'function' ? new MessageChannel() : null;
  if (next) next.port1.onmessage = () => runSlice();

  function schedule() {
    if (scheduled || signal.aborted || holdSlices) return;
    scheduled = true;
    if (next && performance.now() + sliceMs <= idleUntil) next.port2.postMessage(0);
    else if (typeof requestIdleCallback === 'function') requestIdleCallback(runSlice, { timeout: 100 });
    else setTimeout(() => runSlice(), 0);
  }

  function spansFor(block: TextBlock, matches: Match[]): Span[] {
    // The painter keeps these arrays while the block is tracked: sized to fit (an array grown from [] by push keeps
    // room for 16), trimmed if a match has no highlight.
    const spans: Span[] = new Array(matches.length);
    let n = 0;
    for (const m of matches) {
      const name = highlightFor(m.topicId);
      if (!name) continue;
      const a = nodeIndexAt(block.starts, m.start, false);
      const b = nodeIndexAt(block.starts, m.end, true);
      spans[n++] = {
        name,
        topicId: m.topicId,
        term: m.term,
        startNode: block.nodes[a] as Text,
        startOffset: m.start - (block.starts[a] as number),
        endNode: block.nodes[b] as Text,
        endOffset: m.end - (block.starts[b] as number),
      };
    }
    spans.length = n;
    return spans;
  }

  /** Hands a block with matches to the consumer; its group element, or the block's when it has none or throws. */
  function report(block: TextBlock, matches: Match[]): Element {
    counters.found += matches.length;
    try {
      return options.onMatches(block, matches) ?? block.element;
    } catch (err) {
      // A consumer's error must not stop the scan (highlighting goes on, the queue keeps draining).
      console.warn('[Lauscher]', err);
      return block.element;
    }
  }

  /** Scans one block, reports its matches and paints them; returns how many matches it had. */
  function processBlock(block: TextBlock, seen: Set<Element>): number {
    const matches = matcher.scan(block.text);
    const reported = matches.length ? report(block, matches) : block.element;
    const spans = matches.length ? spansFor(block, matches) : [];
    const group = spans.length ? reported : block.element;
    if (seen.has(block.element)) painter.append(block.element, spans, group);
    else {
      seen.add(block.element);
      painter.set(block.element, spans, group);
    }
    return matches.length;
  }

  /**
   * The viewport pass, in an animation frame callback: what is on screen is scanned and registered before this frame
   * paints. Bounded like a slice; what it does not reach the idle slices do.
   */
  function viewportPass() {
    viewportFrame = 0;
    if (signal.aborted) return;
    const t0 = performance.now();
    // The grid of hit tests makes the browser lay the page out now: the layout this frame needs anyway, so it is
    // counted apart (viewportLayoutMs), and the slice budget starts after it.
    const roots = visibleRoots(doc);
    const began = performance.now();
    painter.beginSlice();
    const until = began + sliceMs;
    const seen = new Set<Element>();
    let matches = 0;
    const skip = new Set<Element>();
    for (const [i, root] of roots.entries()) {
      // The first root always (a single block: on a busy machine one chunk can outlast the budget).
      if (i > 0 && performance.now() >= until) break;
      const walker = createBlockWalker(root, onShadowRoot);
      const here: Element[] = [];
      while (!walker.done && (i === 0 || performance.now() < until)) {
        for (const block of walker.next(NODES_PER_CHECK)) {
          matches += processBlock(block, seen);
          here.push(block.element);
          const group = painter.groupOf(block.element);
          if (group) painter.registerNow(group);
        }
      }
      // Only a root walked to its end was scanned whole (a block can continue after a nested one).
      if (walker.done) for (const el of here) skip.add(el);
    }
    // The first full walk skips them, unless it began before this frame (a page without frames, e.g. hidden).
    if (initialWalkPending) prescanned = skip;
    // Layout is fresh here: the posts found are measured now, the ones near the screen registered for this frame.
    painter.endSlice(until);
    const took = performance.now() - began;
    Object.assign(counters, {
      viewportAt: performance.now(),
      viewportMs: took,
      viewportLayoutMs: began - t0,
      viewportMatches: matches,
    });
    counters.busyMs += took;
    if (took > counters.maxSliceMs) counters.maxSliceMs = took;
    if (took > 8) counters.slicesOver8 += 1;
    // The idle slices start after this frame: before it, they would only delay the page's first paint.
    holdSlices = false;
    schedule();
  }

  function scheduleViewportPass() {
    if (viewportFrame || signal.aborted || typeof requestAnimationFrame !== 'function') return;
    viewportFrame = requestAnimationFrame(viewportPass);
    holdSlices = !doc.hidden;
    // A page that renders no frames (a background tab) is scanned all the same; the viewport pass still runs when
    // its frame comes.
    const frameless = setTimeout(() => {
      if (!holdSlices) return;
      holdSlices = false;
      schedule();
    }, 3000);
    signal.addEventListener('abort', () => clearTimeout(frameless), { once: true });
  }

  function runSlice(deadline?: IdleDeadline) {
    scheduled = false;
    if (signal.aborted) return;
    const began = performance.now();
    // The browser's idle period may be shorter than the budget (a frame is due): end with it.
    if (deadline) idleUntil = deadline.didTimeout ? 0 : began + deadline.timeRemaining();
    const idle = deadline ? idleUntil - began : sliceMs;
    // The clock is read after each block, so the last one runs past the check: stop SLICE_MARGIN_MS early.
    const until = began + Math.max(1, Math.min(sliceMs - SLICE_MARGIN_MS, deadline?.didTimeout ? sliceMs : idle));
    painter.beginSlice();
    // At least one block per slice, however busy the page: the scan always makes progress.
    let first = true;
    while (first || performance.now() < until) {
      first = false;
      if (!job) {
        const next = takeRoot();
        if (!next) break;
        job = {
          walker: createBlockWalker(next, onShadowRoot),
          seen: new Set(),
          skip: prescanned ?? undefined,
          blocks: [],
        };
        prescanned = null;
        initialWalkPending = false;
      }
      if (job.blocks.length === 0) job.blocks = job.walker.next(NODES_PER_CHECK);
      // One block at a time, checking the clock after each: a slice ends within one block of its budget.
      let i = 0;
      while (i < job.blocks.length) {
        const block = job.blocks[i++] as TextBlock;
        if (!job.skip?.has(block.element)) processBlock(block, job.seen);
        if (performance.now() >= until) break;
      }
      job.blocks = job.blocks.slice(i);
      if (job.blocks.length === 0 && job.walker.done) job = null;
    }
    if (needSweep) {
      needSweep = false;
      painter.sweep();
    }
    // The posts this slice found are measured now, within the slice's budget (the rest in the next frame).
    painter.endSlice(began + sliceMs - 0.5);
    const took = performance.now() - began;
    counters.busyMs += took;
    counters.slices += 1;
    if (took > counters.maxSliceMs) counters.maxSliceMs = took;
    if (took > 8) counters.slicesOver8 += 1;
    if (job || pending.size || queue.length) schedule();
    else {
      const waiters = idleWaiters;
      idleWaiters = [];
      for (const w of waiters) w();
      options.onIdle?.(stats());
    }
  }

  let queue: Node[] = [];
  function takeRoot(): Node | undefined {
    if (queue.length === 0 && pending.size) {
      queue = outermostRoots(pending);
      pending.clear();
    }
    return queue.shift();
  }

  signal.addEventListener('abort', () => {
    next?.port1.close();
    observer.disconnect();
    painter.destroy();
    pending.clear();
    job = null;
    if (viewportFrame) cancelAnimationFrame(viewportFrame);
    holdSlices = false;
  });

  return {
    /** Starts watching the document and scans what is there. */
    start() {
      resetCounters();
      observe(doc.documentElement);
      pending.add(doc.body ?? doc.documentElement);
      initialWalkPending = true;
      scheduleViewportPass();
      schedule();
    },
    /** Re-scans everything, e.g. after the terms changed or the page navigated. */
    rescanAll(next?: { matcher: Matcher; highlightFor: (topicId: string) => string | null }) {
      if (next) {
        matcher = next.matcher;
        highlightFor = next.highlightFor;
      }
      job = null;
      queue = [];
      prescanned = null;
      painter.clear();
      resetCounters();
      pending.add(doc.body ?? doc.documentElement);
      for (const root of shadowRoots) if (root.host.isConnected) pending.add(root);
      initialWalkPending = true;
      scheduleViewportPass();
      schedule();
    },
    /** True while subtrees wait to be scanned (or a slice is scheduled). */
    get busy(): boolean {
      return !!job || pending.size > 0 || queue.length > 0 || scheduled || holdSlices;
    },
    /** Resolves when every pending subtree has been scanned. */
    whenIdle(): Promise<void> {
      if (!job && pending.size === 0 && queue.length === 0 && !scheduled && !holdSlices) return Promise.resolve();
      return new Promise((resolve) => idleWaiters.push(resolve));
    },
    stats,
    /**
     * The painter, read-only use: which span a registered range is (tooltip), what is registered (hit-test); `allSpans`
     * (the navigator, in reading order); and `forget` for a post the user ignored.
     */
    painter: painter as Pick<Painter, 'lookup' | 'liveCount' | 'liveBlocks' | 'liveBlockAt' | 'forget' | 'allSpans'>,
  };
}

export type Scanner = ReturnType<typeof createScanner>;
