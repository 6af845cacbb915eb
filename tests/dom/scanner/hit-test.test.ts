// @vitest-environment happy-dom
// The hover hit-test's bounds: a pointer target outside every registered block costs no range measurement, and
// inside a block only ~log2(n) ranges plus the pointer's line are measured. happy-dom has no layout, so the ranges'
// boxes are given (one word per 20 px line) and every measurement is counted: a count, not a timing.
import { beforeEach, describe, expect, it } from 'vitest';
import { hitTest, hitTestRanges } from '../../../utils/scanner/hit-test';
import { createPainter, MAX_LIVE_PER_BLOCK, type Span } from '../../../utils/scanner/painter';
import { FakeVisibility, fakeVisibility, installStubs } from './_stubs';

let measured = 0;

/** Ranges laid out one per line, 20 px high, 100 px wide, in document order. */
function layOut(ranges: Range[]) {
  ranges.forEach((r, i) => {
    const box = new DOMRect(0, i * 20, 100, 20);
    r.getBoundingClientRect = () => {
      measured += 1;
      return box;
    };
    r.getClientRects = () => {
      measured += 1;
      return [box] as unknown as DOMRectList;
    };
  });
}

function spansOf(text: Text, word: string, n: number): Span[] {
  return Array.from({ length: n }, (_, i) => ({
    name: 'lauscher-municipality',
    topicId: 'municipality',
    term: word,
    startNode: text,
    startOffset: i * (word.length + 1),
    endNode: text,
    endOffset: i * (word.length + 1) + word.length,
  }));
}

beforeEach(() => {
  installStubs();
  FakeVisibility.everythingVisible = false;
  measured = 0;
});

describe('hit-test', () => {
  it('finds the range on the pointer line by measuring O(log n) ranges of 3,000', () => {
    document.body.innerHTML = '<p id="p"></p>';
    const text = document.createTextNode(Array(3000).fill('Lindenbrück').join(' '));
    (document.getElementById('p') as HTMLElement).append(text);
    const ranges = spansOf(text, 'Lindenbrück', 3000).map((s) => {
      const r = document.createRange();
      r.setStart(s.startNode, s.startOffset);
      r.setEnd(s.endNode, s.endOffset);
      return r;
    });
    layOut(ranges);
    const spans = spansOf(text, 'Lindenbrück', 3000);
    const lookup = (range: AbstractRange) => {
      const i = ranges.indexOf(range as Range);
      return i >= 0 ? { span: spans[i] as Span, element: document.body } : undefined;
    };
    const hit = hitTestRanges({ lookup }, ranges, 50, 2345 * 20 + 10);
    expect(hit?.range).toBe(ranges[2345]);
    expect(measured).toBeLessThan(20);
    measured = 0;
    expect(hitTestRanges({ lookup }, ranges, 150, 10)).toBeNull(); // right of every box
    expect(measured).toBeLessThan(20);
  });

  it('measures nothing when the pointer is over an element outside every registered block', () => {
    document.body.innerHTML = '<p id="a">Lindenbrück</p><div id="b"><span id="s">Wetter</span></div>';
    const painter = createPainter(document, { visibility: fakeVisibility });
    const a = document.getElementById('a') as HTMLElement;
    painter.set(a, spansOf(a.firstChild as Text, 'Lindenbrück', 1));
    (FakeVisibility.instances.at(-1) as FakeVisibility).report([a], true);
    layOut([...painter.liveBlocks()].flatMap((b) => b.ranges));
    expect(hitTest(painter, 50, 10, document.getElementById('s'))).toBeNull();
    expect(measured).toBe(0);
    // Over the block (its text node is the pointer target's first node): the range is found.
    expect(hitTest(painter, 50, 10, a.firstChild)?.span.term).toBe('Lindenbrück');
  });
});

describe('hit-test: boxes kept per block', () => {
  it('measures a block’s ranges once while its size stays, follows it when it scrolls, measures again on a resize', () => {
    document.body.innerHTML = '<p id="a"></p>';
    const a = document.getElementById('a') as HTMLElement;
    a.append(document.createTextNode(Array(40).fill('Lindenbrück').join(' ')));
    const painter = createPainter(document, { visibility: fakeVisibility });
    painter.set(a, spansOf(a.firstChild as Text, 'Lindenbrück', 40));
    (FakeVisibility.instances.at(-1) as FakeVisibility).report([a], true);
    const ranges = [...painter.liveBlocks()].flatMap((b) => b.ranges);
    // The block's box: at `top`, 100 × 800; each range's box one 20 px line below the other, relative to it.
    let top = 0;
    let width = 100;
    a.getBoundingClientRect = () => new DOMRect(0, top, width, 800);
    ranges.forEach((r, i) => {
      r.getBoundingClientRect = () => {
        measured += 1;
        return new DOMRect(0, top + i * 20, 100, 20);
      };
      r.getClientRects = () => {
        measured += 1;
        return [new DOMRect(0, top + i * 20, 100, 20)] as unknown as DOMRectList;
      };
    });
    const termAt = (y: number) => hitTest(painter, 50, y, a.firstChild)?.range;

    expect(termAt(25 * 20 + 10)).toBe(ranges[25]);
    const first = measured;
    expect(first).toBeGreaterThan(0);
    expect(termAt(25 * 20 + 12)).toBe(ranges[25]);
    expect(measured).toBe(first); // the same block, the same size: nothing measured
    // The page scrolls by 300 px: block and ranges move together, still nothing measured.
    top = -300;
    expect(termAt(25 * 20 + 10 - 300)).toBe(ranges[25]);
    expect(measured).toBe(first);
    // The block gets narrower (its text reflows): measured afresh.
    width = 80;
    expect(termAt(25 * 20 + 10 - 300)).toBe(ranges[25]);
    expect(measured).toBeGreaterThan(first);
  });
});

describe('painter: hostile blocks', () => {
  it('registers at most MAX_LIVE_PER_BLOCK ranges of a block with 3,000 matches, and counts all of them', () => {
    document.body.innerHTML = '<p id="p"></p>';
    const p = document.getElementById('p') as HTMLElement;
    p.append(Array(3000).fill('Lindenbrück').join(' '));
    const painter = createPainter(document, { visibility: fakeVisibility });
    painter.set(p, spansOf(p.firstChild as Text, 'Lindenbrück', 3000));
    (FakeVisibility.instances.at(-1) as FakeVisibility).report([p], true);
    expect(painter.liveCount).toBe(MAX_LIVE_PER_BLOCK);
    expect(painter.stats()).toEqual({ blocks: 1, spans: 3000, live: MAX_LIVE_PER_BLOCK });
    expect(painter.liveBlockAt(p.firstChild as Text)?.ranges).toHaveLength(MAX_LIVE_PER_BLOCK);
  });
});
