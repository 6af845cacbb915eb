// Which observed elements (the posts whose highlights the painter registers) are near the viewport, without an
// IntersectionObserver: Chromium recomputes every IntersectionObserver target in every frame after any style or
// layout change, so ~2,000 observed posts cost each later frame ~4 ms (trace of the bench feed: class toggle
// frames, and every idle slice of the first scan paid one such frame), whether or not anything moved.
//
// Instead the tracker keeps the targets' boxes in document coordinates, sorted by top, and answers "what is within
// one viewport of the screen" with a binary search: a scroll of the document costs O(log n + near) and no
// measurement. Boxes are measured once when a target is added (in the next animation frame, when the page lays out
// anyway) and again only after something may have moved them: a resize, a scroll inside an inner scroller, or the
// consumer's invalidate() (the scanner calls it for elements added or removed, except below the last post). Then the
// boxes near the screen are measured in the next frame and the rest in idle time. A text edit does not re-measure:
// the margin of a whole viewport absorbs small shifts.
export type NearChange = (target: Element, near: boolean) => void;

export interface Visibility {
  observe(target: Element): void;
  unobserve(target: Element): void;
  /**
   * For a caller that adds targets in a slice of idle time (the scanner): targets observed until flush() are measured
   * at its end, in the same slice, instead of each slice requesting a frame for it (a frame per slice left the scan
   * one slice per frame; layout is up to date in idle time, so measuring costs no layout).
   */
  beginFlush(): void;
  /** Measures the targets observed since beginFlush, until `until` (performance.now()); the rest in the next frame. */
  flush(until: number): void;
  /** The caller registered this target itself (the viewport pass measured it on screen). */
  markNear(target: Element): void;
  /**
   * Elements were added or removed at `where` (the added elements; for removals, what preceded them): targets may
   * have moved, so they are re-measured in the next frame, unless every change lies after the bottom-most target in
   * document order (infinite scroll appending below the feed moves nothing already there).
   */
  invalidate(where?: Iterable<Node>): void;
  disconnect(): void;
}

export type VisibilityFactory = (doc: Document, onChange: NearChange) => Visibility;

interface Box {
  target: Element;
  top: number;
  bottom: number;
  /** Display-none or detached: never near until re-measured. */
  empty: boolean;
}

/** Boxes taller than this many viewports are checked one by one instead of through the sorted index. */
const TALL = 3;
/** New targets measured per frame at most. */
const MEASURE_PER_FRAME = 150;
/** Longest idle slice of the background re-measure, in ms. */
const SWEEP_SLICE_MS = 4;
/** Distinct shifts followed when verifying the band (content added at one or two places). */
const MAX_SHIFTS = 3;

const requestIdle: (cb: (deadline?: IdleDeadline) => void) => void =
  typeof requestIdleCallback === 'function'
    ? (cb) => requestIdleCallback(cb, { timeout: 1000 })
    : (cb) => setTimeout(() => cb(), 0);

export const createNearTracker: VisibilityFactory = (doc, onChange) => {
  const view = doc.defaultView;
  const boxes = new Map<Element, Box>();
  /** Ordinary boxes sorted by top; tall ones apart. */
  let sorted: Box[] = [];
  let tall: Box[] = [];
  const fresh = new Set<Box>();
  const near = new Set<Element>();
  /**
   * Something may have moved the boxes since they were measured. Then each update measures the boxes it is about to
   * answer with (and those a shift would bring into the band), and a background sweep in idle time re-measures the
   * rest; re-measuring everything in one frame would be a long task (~50 ms for 2,000 posts).
   */
  let suspect = false;
  let sweep: { boxes: Box[]; at: number; generation: number } | null = null;
  let generation = 0;
  /** Boxes were unobserved since the last update: filter them out of the index. */
  let dropped = false;
  let frame = 0;
  let disconnected = false;
  /** Between beginFlush and flush: new targets wait for the flush instead of requesting a frame. */
  let flushing = false;

  function schedule() {
    if (frame || disconnected || !view) return;
    frame = view.requestAnimationFrame(update);
  }

  function measure(box: Box) {
    let r = box.target.getBoundingClientRect();
    // A display:contents element has no box of its own; its content has.
    if (r.width === 0 && r.height === 0 && box.target.firstChild) {
      const range = doc.createRange();
      range.selectNodeContents(box.target);
      r = range.getBoundingClientRect();
    }
    const y = view?.scrollY ?? 0;
    box.empty = !box.target.isConnected || (r.width === 0 && r.height === 0);
    box.top = r.top + y;
    box.bottom = r.bottom + y;
  }

  const byTop = (a: Box, b: Box) => a.top - b.top;

  function isTall(box: Box): boolean {
    return box.bottom - box.top > TALL * (view?.innerHeight ?? 800);
  }

  /** Index of the first box in `sorted` whose top is greater than y. */
  function upperBound(y: number): number {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((sorted[mid] as Box).top <= y) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Re-sorts after some boxes were re-measured (sorting numbers is cheap; measuring is what costs). */
  function resort() {
    const all = [...sorted, ...tall];
    sorted = [];
    tall = [];
    for (const box of all) (isTall(box) ? tall : sorted).push(box);
    sorted.sort(byTop);
  }

  /** Starts (or restarts) re-measuring every box in idle time. */
  function startSweep() {
    generation += 1;
    // A sweep under way finishes its pass and then starts over (an inner scroller fires this on every scroll event:
    // no new list each time).
    if (sweep) return;
    sweep = { boxes: [...boxes.values()], at: 0, generation };
    requestIdle(sweepSlice);
  }

  function sweepSlice(deadline?: IdleDeadline) {
    if (disconnected || !sweep) return;
    const until = performance.now() + Math.min(SWEEP_SLICE_MS, deadline?.timeRemaining() ?? SWEEP_SLICE_MS);
    const s = sweep;
    while (s.at < s.boxes.length && performance.now() < until) {
      const box = s.boxes[s.at++] as Box;
      if (boxes.get(box.target) === box) measure(box);
    }
    if (s.at < s.boxes.length || s.generation !== generation) {
      if (s.at >= s.boxes.length) {
        // A pass finished but something moved meanwhile: keep what it measured in order, then go again.
        resort();
        sweep = { boxes: [...boxes.values()], at: 0, generation };
      }
      requestIdle(sweepSlice);
      return;
    }
    sweep = null;
    suspect = false;
    resort();
    schedule();
  }

  function addFresh(until = Number.POSITIVE_INFINITY) {
    const added: Box[] = [];
    let n = 0;
    for (const box of fresh) {
      // A bounded number per call (each measurement ~25 µs on a big page); the rest in the next frame.
      if (n++ >= MEASURE_PER_FRAME || (n > 1 && performance.now() >= until)) break;
      fresh.delete(box);
      if (boxes.get(box.target) !== box) continue;
      measure(box);
      if (isTall(box)) tall.push(box);
      else added.push(box);
    }
    if (fresh.size) schedule();
    if (added.length === 0) return;
    // A slice adds boxes in document order, mostly below the ones already there: a merge, not a sort of everything.
    added.sort(byTop);
    // The usual slice of a first scan: everything added lies below the index; appending spares a copy of it per frame.
    const last = sorted[sorted.length - 1];
    if (last === undefined || last.top <= (added[0] as Box).top) {
      for (const box of added) sorted.push(box);
      return;
    }
    const merged: Box[] = new Array(sorted.length + added.length);
    let i = 0;
    let j = 0;
    let k = 0;
    while (i < sorted.length && j < added.length) {
      merged[k++] = (sorted[i] as Box).top <= (added[j] as Box).top ? (sorted[i++] as Box) : (added[j++] as Box);
    }
    while (i < sorted.length) merged[k++] = sorted[i++] as Box;
    while (j < added.length) merged[k++] = added[j++] as Box;
    sorted = merged;
  }

  /** Boxes of the index whose cached top lies where a box reaching into [from, to] can start. */
  function inBand(from: number, to: number, h: number): Box[] {
    const out: Box[] = [];
    // Every ordinary box that reaches into [from, to] starts below from − TALL·h.
    const limit = from - TALL * h;
    for (let i = upperBound(to) - 1; i >= 0; i--) {
      const box = sorted[i] as Box;
      if (box.top < limit) break;
      out.push(box);
    }
    for (const box of tall) if (box.top <= to && box.bottom >= from) out.push(box);
    return out;
  }

  /**
   * While boxes may have moved: measures the band's boxes now; when they moved (content added above shifts what is
   * below by the same amount), also the boxes the same shift brings into the band, then re-sorts.
   */
  function verifyBand(from: number, to: number, h: number) {
    const shifts = new Set<number>();
    const check = (list: Box[]) => {
      for (const box of list) {
        const before = box.top;
        measure(box);
        const d = Math.round(box.top - before);
        if (d !== 0 && shifts.size < MAX_SHIFTS) shifts.add(d);
      }
    };
    check(inBand(from, to, h));
    if (shifts.size === 0) return;
    for (const d of shifts) check(inBand(from - d, to - d, h));
    resort();
  }

  function update() {
    frame = 0;
    refresh();
  }

  function refresh(until?: number) {
    if (disconnected || !view) return;
    if (dropped) {
      dropped = false;
      const kept = (box: Box) => boxes.get(box.target) === box;
      sorted = sorted.filter(kept);
      tall = tall.filter(kept);
    }
    if (fresh.size) addFresh(until);
    const h = view.innerHeight;
    const from = view.scrollY - h;
    const to = view.scrollY + 2 * h;
    if (suspect) verifyBand(from, to, h);
    const now = new Set<Element>();
    for (const box of inBand(from, to, h)) if (!box.empty && box.bottom >= from) now.add(box.target);
    for (const target of near) {
      if (!now.has(target)) {
        near.delete(target);
        onChange(target, false);
      }
    }
    for (const target of now) {
      if (!near.has(target)) {
        near.add(target);
        onChange(target, true);
      }
    }
  }

  function onScroll(e: Event) {
    // The document's own scroll moves every box alike (document coordinates hold); an inner scroller moves some.
    const t = e.target;
    if (t instanceof Element && t !== doc.documentElement && t !== doc.body && t !== doc.scrollingElement) moved();
    schedule();
  }
  function moved() {
    if (boxes.size === 0) return;
    suspect = true;
    startSweep();
    schedule();
  }
  view?.addEventListener('scroll', onScroll, { passive: true, capture: true });
  view?.addEventListener('resize', moved, { passive: true });

  return {
    observe(target) {
      if (boxes.has(target)) return;
      const box: Box = { target, top: 0, bottom: 0, empty: true };
      boxes.set(target, box);
      fresh.add(box);
      // Measured by the caller's next flush (the scan slice that found it), or else in the next frame.
      if (!flushing) schedule();
    },
    unobserve(target) {
      const box = boxes.get(target);
      if (!box) return;
      boxes.delete(target);
      fresh.delete(box);
      near.delete(target);
      // Out of the index at the next update (a sweep can drop hundreds at once: one filter, not a splice each).
      box.empty = true;
      dropped = true;
      schedule();
    },
    beginFlush() {
      flushing = true;
    },
    flush(until) {
      flushing = false;
      if (fresh.size) refresh(until);
    },
    markNear(target) {
      if (boxes.has(target)) near.add(target);
    },
    invalidate(where) {
      if (boxes.size === 0) return;
      if (where && sorted.length > 0) {
        const last = (sorted[sorted.length - 1] as Box).target;
        let below = true;
        for (const node of where) {
          if (node !== last && !(last.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING)) {
            below = false;
            break;
          }
        }
        if (below) return;
      }
      moved();
    },
    disconnect() {
      disconnected = true;
      sweep = null;
      if (frame) view?.cancelAnimationFrame(frame);
      view?.removeEventListener('scroll', onScroll, { capture: true });
      view?.removeEventListener('resize', moved);
      boxes.clear();
      sorted = [];
      tall = [];
      fresh.clear();
      near.clear();
    },
  };
};
