// @vitest-environment happy-dom
// The near tracker on a page whose layout the test sets (happy-dom has none): boxes per element, the scroll position,
// and animation frames run by hand.
import { beforeEach, describe, expect, it } from 'vitest';
import { createNearTracker } from '../../../utils/scanner/near-tracker';

let frames: FrameRequestCallback[] = [];
const runFrame = () => {
  const due = frames;
  frames = [];
  for (const cb of due) cb(0);
};

function place(el: Element, top: number, height: number) {
  Object.defineProperty(el, 'getBoundingClientRect', {
    configurable: true,
    value: () => {
      const y = top - window.scrollY;
      return { top: y, bottom: y + height, left: 0, right: 500, width: 500, height, x: 0, y } as DOMRect;
    },
  });
}

/** Counts the boxes measured from now on. */
function countMeasurements(posts: Element[]): { n: number } {
  const counter = { n: 0 };
  for (const p of posts) {
    const own = p.getBoundingClientRect;
    Object.defineProperty(p, 'getBoundingClientRect', {
      configurable: true,
      value: () => {
        counter.n += 1;
        return own.call(p);
      },
    });
  }
  return counter;
}

function scrollTo(y: number) {
  Object.defineProperty(window, 'scrollY', { configurable: true, value: y });
  window.dispatchEvent(new Event('scroll'));
}

function feed(n: number, height = 100): HTMLElement[] {
  document.body.innerHTML = '';
  const posts: HTMLElement[] = [];
  for (let i = 0; i < n; i++) {
    const el = document.createElement('article');
    el.textContent = `Beitrag ${i}`;
    document.body.append(el);
    place(el, i * height, height - 10);
    posts.push(el);
  }
  return posts;
}

let near: Set<Element>;
let changes: number;
function track() {
  near = new Set();
  changes = 0;
  return createNearTracker(document, (target, isNear) => {
    changes += 1;
    if (isNear) near.add(target);
    else near.delete(target);
  });
}
const indexes = (posts: Element[]) => posts.flatMap((p, i) => (near.has(p) ? [i] : []));

beforeEach(() => {
  frames = [];
  window.requestAnimationFrame = (cb) => frames.push(cb);
  window.cancelAnimationFrame = () => undefined;
  Object.defineProperty(window, 'innerHeight', { configurable: true, value: 800 });
  Object.defineProperty(window, 'scrollY', { configurable: true, value: 0 });
});

describe('near tracker', () => {
  it('reports what lies within one viewport above and below the screen, in the next frame', () => {
    const posts = feed(2000);
    const tracker = track();
    for (const p of posts) tracker.observe(p);
    expect(near.size).toBe(0);
    runFrame();
    // Viewport 0–800, band −800…1600: posts 0–16 (post 16 starts at 1600).
    expect(indexes(posts)).toEqual([...Array(17).keys()]);
    tracker.disconnect();
  });

  it('measures targets added in a scan slice at the end of that slice, without asking for a frame', () => {
    const posts = feed(40);
    const tracker = track();
    tracker.beginFlush();
    for (const p of posts) tracker.observe(p);
    expect(frames.length).toBe(0);
    tracker.flush(Number.POSITIVE_INFINITY);
    expect(indexes(posts)).toEqual([...Array(17).keys()]);
    expect(frames.length).toBe(0);
    tracker.disconnect();
  });

  it('follows the document scroll with no re-measuring, and reports only what changed', () => {
    const posts = feed(2000);
    const tracker = track();
    for (const p of posts) tracker.observe(p);
    // New targets are measured a bounded number per frame.
    for (let n = 0; n < 20 && frames.length; n++) runFrame();
    expect(frames.length).toBe(0);
    const measured = countMeasurements(posts);
    changes = 0;
    scrollTo(100_000);
    runFrame();
    expect(measured.n).toBe(0);
    // Band 99,200 … 101,600: posts 992 (ends at 99,290) to 1016.
    expect(indexes(posts)).toEqual(Array.from({ length: 25 }, (_, i) => 992 + i));
    expect(changes).toBe(17 + 25);
    tracker.disconnect();
  });

  it('keeps a post taller than three screens near while any of it is, and drops unobserved posts', () => {
    const posts = feed(50);
    const tall = document.createElement('article');
    document.body.prepend(tall);
    place(tall, 0, 20_000);
    const tracker = track();
    tracker.observe(tall);
    for (const p of posts) tracker.observe(p);
    runFrame();
    scrollTo(15_000);
    runFrame();
    expect(near.has(tall)).toBe(true);
    tracker.unobserve(tall);
    scrollTo(15_100);
    runFrame();
    expect(near.has(tall)).toBe(true); // unobserved: no more reports about it, not even "gone"
    scrollTo(0);
    runFrame();
    expect(indexes(posts)).toEqual([...Array(17).keys()]);
    tracker.disconnect();
  });

  it('re-measures after invalidate (posts inserted above moved everything down)', () => {
    const posts = feed(100);
    const tracker = track();
    for (const p of posts) tracker.observe(p);
    runFrame();
    expect(near.has(posts[0] as Element)).toBe(true);
    for (const [i, p] of posts.entries()) place(p, 5000 + i * 100, 90);
    scrollTo(0);
    runFrame();
    expect(near.has(posts[0] as Element)).toBe(true); // stale boxes until told
    tracker.invalidate();
    runFrame();
    expect(near.size).toBe(0);
    tracker.disconnect();
  });

  it('after content is added above, finds the posts the shift brought on screen in the next frame', () => {
    const posts = feed(300);
    const tracker = track();
    for (const p of posts) tracker.observe(p);
    runFrame();
    scrollTo(10_000);
    runFrame();
    for (const [i, p] of posts.entries()) place(p, 3000 + i * 100, 90);
    tracker.invalidate([document.body.firstChild as Node]);
    runFrame();
    // Band 9,200 … 11,600: the posts now there started at 6,200 … 8,600 before the shift.
    expect(indexes(posts)).toEqual(Array.from({ length: 25 }, (_, i) => 62 + i));
  });

  it('measures nothing when posts are appended below the last one (infinite scroll)', () => {
    const posts = feed(100);
    const tracker = track();
    for (const p of posts) tracker.observe(p);
    runFrame();
    const measured = countMeasurements(posts);
    const more = document.createElement('article');
    document.body.append(more);
    tracker.invalidate([more]);
    runFrame();
    expect(measured.n).toBe(0);
    tracker.invalidate([document.body.firstChild as Node]);
    runFrame();
    expect(measured.n).toBeGreaterThan(0);
    expect(measured.n).toBeLessThan(40); // the band's posts, not all 100
    tracker.disconnect();
  });

  it('re-measures when an inner scroller scrolls, not when the document does', () => {
    const posts = feed(30);
    const tracker = track();
    for (const p of posts) tracker.observe(p);
    runFrame();
    for (const [i, p] of posts.entries()) place(p, 3000 + i * 100, 90);
    window.dispatchEvent(new Event('scroll'));
    runFrame();
    expect(near.has(posts[0] as Element)).toBe(true);
    const inner = document.createElement('div');
    document.body.append(inner);
    inner.dispatchEvent(new Event('scroll'));
    runFrame();
    expect(near.has(posts[0] as Element)).toBe(false);
    expect(indexes(posts)).toEqual([]);
    tracker.disconnect();
  });

  it('corrects a target the caller marked near itself once it is measured far away', () => {
    const posts = feed(100);
    const tracker = track();
    for (const p of posts) tracker.observe(p);
    const far = posts[90] as Element;
    tracker.markNear(far);
    runFrame();
    expect(near.has(far)).toBe(false);
    expect(changes).toBe(18); // 17 came near, the marked one was reported gone
    tracker.disconnect();
  });
});
