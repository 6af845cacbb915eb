// The live page scanner: scans subtrees in small idle-time slices, paints matches, and reports them for the log.
// It keeps up with infinite scroll through a MutationObserver and never modifies the page's DOM.
import type { Match, Matcher } from '../matcher';
import { outermostRoots, scanRootFor } from './mutation-roots';
import { createPainter, type Painter, type Span } from './painter';
import { createBlockWalker, nodeIndexAt, type TextBlock } from './text-blocks';

export interface BlockMatches {
  block: TextBlock;
  matches: Match[];
}

export interface ScannerOptions {
  doc: Document;
  matcher: Matcher;
  /** The highlight name a topic paints with, or null to log without painting. */
  highlightFor(topicId: string): string | null;
  /** Blocks with matches, once per time slice. */
  onMatches(found: BlockMatches[]): void;
  signal: AbortSignal;
  /** Longest main-thread slice in ms before yielding to the page. */
  sliceMs?: number;
  rootMargin?: string;
  /** Called for each open shadow root met, e.g. to adopt the highlight styles into it. */
  onShadowRoot?: (root: ShadowRoot) => void;
  /**
   * The element whose visibility decides when a block's ranges are registered (e.g. the post it belongs to: fewer
   * observed elements make every later frame cheaper); default the block element. Asked for blocks with matches.
   */
  groupFor?: (block: TextBlock) => Element | null | undefined;
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
  slices: number;
  maxSliceMs: number;
  startedAt: number;
}

const NODES_PER_CHECK = 64;

export function createScanner(options: ScannerOptions) {
  const { doc, signal } = options;
  let matcher = options.matcher;
  let highlightFor = options.highlightFor;
  const sliceMs = options.sliceMs ?? 8;
  const painter: Painter = createPainter(doc, { rootMargin: options.rootMargin });
  const pending = new Set<Node>();
  const shadowRoots = new Set<ShadowRoot>();
  let job: { walker: ReturnType<typeof createBlockWalker>; seen: Set<Element> } | null = null;
  let scheduled = false;
  let needSweep = false;
  let idleWaiters: Array<() => void> = [];
  const counters = { found: 0, busyMs: 0, slices: 0, maxSliceMs: 0, startedAt: 0 };

  function stats(): ScanStats {
    const p = painter.stats();
    return { blocks: p.blocks, matches: p.spans, live: p.live, ...counters };
  }
  function resetCounters() {
    Object.assign(counters, { found: 0, busyMs: 0, slices: 0, maxSliceMs: 0, startedAt: performance.now() });
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

  function onMutations(records: MutationRecord[]) {
    for (const r of records) {
      if (r.type === 'characterData') {
        const root = scanRootFor(r.target);
        if (root) pending.add(root);
        continue;
      }
      for (const node of r.addedNodes) {
        const root = scanRootFor(node);
        if (root) pending.add(root);
      }
      if (r.removedNodes.length) {
        needSweep = true;
        // Text removed from a block changes what the rest of it says.
        if (r.target.nodeType === Node.ELEMENT_NODE) {
          const root = scanRootFor(r.target);
          if (root) pending.add(root);
        }
      }
    }
    schedule();
  }

  function schedule() {
    if (scheduled || signal.aborted) return;
    scheduled = true;
    if (typeof requestIdleCallback === 'function') requestIdleCallback(runSlice, { timeout: 100 });
    else setTimeout(runSlice, 0);
  }

  function spansFor(block: TextBlock, matches: Match[]): Span[] {
    const spans: Span[] = [];
    for (const m of matches) {
      const name = highlightFor(m.topicId);
      if (!name) continue;
      const a = nodeIndexAt(block.starts, m.start, false);
      const b = nodeIndexAt(block.starts, m.end, true);
      spans.push({
        name,
        topicId: m.topicId,
        term: m.term,
        startNode: block.nodes[a] as Text,
        startOffset: m.start - (block.starts[a] as number),
        endNode: block.nodes[b] as Text,
        endOffset: m.end - (block.starts[b] as number),
      });
    }
    return spans;
  }

  function processBlock(block: TextBlock, seen: Set<Element>, found: BlockMatches[]) {
    const matches = matcher.scan(block.text);
    const spans = matches.length ? spansFor(block, matches) : [];
    const group = spans.length ? (options.groupFor?.(block) ?? block.element) : block.element;
    if (seen.has(block.element)) painter.append(block.element, spans, group);
    else {
      seen.add(block.element);
      painter.set(block.element, spans, group);
    }
    if (matches.length) {
      found.push({ block, matches });
      counters.found += matches.length;
    }
  }

  function runSlice() {
    scheduled = false;
    if (signal.aborted) return;
    const began = performance.now();
    const until = began + sliceMs;
    const found: BlockMatches[] = [];
    // At least one step per slice, however busy the page: the scan always makes progress.
    do {
      if (!job) {
        const next = takeRoot();
        if (!next) break;
        job = { walker: createBlockWalker(next, onShadowRoot), seen: new Set() };
      }
      for (const block of job.walker.next(NODES_PER_CHECK)) processBlock(block, job.seen, found);
      if (job.walker.done) job = null;
    } while (performance.now() < until);
    if (needSweep) {
      needSweep = false;
      painter.sweep();
    }
    if (found.length) {
      try {
        options.onMatches(found);
      } catch (err) {
        // A consumer's error must not stop the scan (highlighting goes on, the queue keeps draining).
        console.warn('[Lauscher]', err);
      }
    }
    const took = performance.now() - began;
    counters.busyMs += took;
    counters.slices += 1;
    if (took > counters.maxSliceMs) counters.maxSliceMs = took;
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
    observer.disconnect();
    painter.destroy();
    pending.clear();
    job = null;
  });

  return {
    /** Starts watching the document and scans what is there. */
    start() {
      resetCounters();
      observe(doc.documentElement);
      pending.add(doc.body ?? doc.documentElement);
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
      painter.clear();
      resetCounters();
      pending.add(doc.body ?? doc.documentElement);
      for (const root of shadowRoots) if (root.host.isConnected) pending.add(root);
      schedule();
    },
    /** True while subtrees wait to be scanned (or a slice is scheduled). */
    get busy(): boolean {
      return !!job || pending.size > 0 || queue.length > 0 || scheduled;
    },
    /** Resolves when every pending subtree has been scanned. */
    whenIdle(): Promise<void> {
      if (!job && pending.size === 0 && queue.length === 0 && !scheduled) return Promise.resolve();
      return new Promise((resolve) => idleWaiters.push(resolve));
    },
    stats,
    /** The painter, read-only use: which span a registered range is (tooltip), what is registered (hit-test). */
    painter: painter as Pick<Painter, 'lookup' | 'liveCount' | 'liveBlocks' | 'allSpans'>,
  };
}

export type Scanner = ReturnType<typeof createScanner>;
