// @vitest-environment happy-dom
// The viewport pass: what the browser's hit test finds on screen is scanned and registered in the first animation
// frame, before the IntersectionObserver has reported anything; the idle walk then does the rest without scanning
// those blocks again. happy-dom has no layout: elementFromPoint is given (the first post is "on screen").
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { compileMatcher } from '../../../utils/matcher';
import { type BlockMatches, createScanner, type ScanStats } from '../../../utils/scanner';
import { visibleRoots } from '../../../utils/scanner/viewport';
import { FakeIntersectionObserver, highlightTexts, installStubs } from './_stubs';

let controller: AbortController;

beforeEach(() => {
  controller = new AbortController();
  document.body.innerHTML =
    '<div id="feed"><div class="post" id="one"><p id="p1">Neues aus <b>Linden</b>brück</p><p>Baustelle am Markt</p></div>' +
    '<div class="post" id="two"><p id="p2">Lindenbrück feiert</p></div></div>';
});
afterEach(() => {
  controller.abort();
  vi.restoreAllMocks();
});

describe('viewport pass', () => {
  it('lifts hit elements to their innermost block elements and skips body and editors', () => {
    const p1 = document.getElementById('p1') as HTMLElement;
    const bold = p1.querySelector('b') as HTMLElement;
    const one = document.getElementById('one') as HTMLElement;
    const hits = [bold, one, document.body];
    let i = 0;
    vi.spyOn(document, 'elementFromPoint').mockImplementation(() => hits[i++ % hits.length] as Element);
    expect(visibleRoots(document)).toEqual([p1]);
  });

  it('registers the on-screen block in the first frame, before any intersection report, and scans it once', async () => {
    const registry = installStubs();
    FakeIntersectionObserver.everythingVisible = false;
    const p1 = document.getElementById('p1') as HTMLElement;
    vi.spyOn(document, 'elementFromPoint').mockImplementation(() => p1);
    const found: BlockMatches[] = [];
    const idle: ScanStats[] = [];
    const scanner = createScanner({
      doc: document,
      matcher: compileMatcher({
        municipality: { name: 'Lindenbrück', aliases: [] },
        topics: [{ id: 'bau', terms: ['Baustelle'] }],
      }),
      highlightFor: (id) => (id === 'municipality' ? 'lauscher-municipality' : 'lauscher-amber'),
      onMatches: (block, matches) => {
        found.push({ block, matches });
        return block.element.closest('.post');
      },
      onIdle: (s) => idle.push(s),
      signal: controller.signal,
    });
    scanner.start();
    await new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
    // Registered from the frame callback: p1's match, and the rest of its post as soon as it is scanned.
    expect(highlightTexts(registry)['lauscher-municipality']).toEqual(['Lindenbrück']);
    await scanner.whenIdle();
    expect(idle.at(-1)?.viewportMatches).toBe(1);
    expect(idle.at(-1)?.matches).toBe(3);
    // Every match handed over once: the idle walk skipped the block the viewport pass had scanned.
    expect(found.map((f) => f.block.text)).toEqual([
      'Neues aus Lindenbrück',
      'Baustelle am Markt',
      'Lindenbrück feiert',
    ]);
    // The post on screen is registered whole; the other waits for the IntersectionObserver.
    expect(highlightTexts(registry)).toEqual({
      'lauscher-municipality': ['Lindenbrück'],
      'lauscher-amber': ['Baustelle'],
    });
  });
});
