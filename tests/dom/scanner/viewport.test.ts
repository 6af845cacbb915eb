// @vitest-environment happy-dom
// The viewport pass: what is on screen is scanned and registered in the first animation frame, before the near
// tracker has reported anything; the idle walk then does the rest without scanning those blocks again. happy-dom has
// no layout: the tests give the boxes (the first post is "on screen").
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { compileMatcher } from '../../../utils/matcher';
import { type BlockMatches, createScanner, type ScanStats } from '../../../utils/scanner';
import { visibleRoots } from '../../../utils/scanner/viewport';
import { FakeVisibility, fakeVisibility, highlightTexts, installStubs } from './_stubs';

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

/** happy-dom has no layout: the test says where an element's box is (others have none, like display:contents). */
function place(el: Element, top: number, height: number) {
  vi.spyOn(el, 'getBoundingClientRect').mockReturnValue({
    top,
    bottom: top + height,
    left: 0,
    right: 600,
    width: 600,
    height,
    x: 0,
    y: top,
  } as DOMRect);
}
const $ = (id: string) => document.getElementById(id) as HTMLElement;

describe('viewport pass', () => {
  it('descends to the elements on screen that are small enough to scan whole, lifting inline ones to their block', () => {
    Object.defineProperty(window, 'innerHeight', { configurable: true, value: 800 });
    Object.defineProperty(window, 'innerWidth', { configurable: true, value: 1000 });
    document.body.innerHTML = `<div id="feed">${Array.from({ length: 40 }, (_, i) => `<div id="post${i}"><p>Beitrag ${i}</p></div>`).join('')}</div><div id="side"><span id="tag">Lindenbrück</span></div><textarea id="box">Lindenbrück</textarea>`;
    place($('feed'), -3000, 12_000);
    for (let i = 0; i < 40; i++) place($(`post${i}`), -3000 + i * 300, 280);
    place($('tag'), 100, 20);
    place($('box'), 200, 50);
    // Posts 10 (from 0) to 12 (from 600) meet the 800 px screen; the span stands for its block; no editors.
    expect(visibleRoots(document)).toEqual([$('post10'), $('post11'), $('post12'), $('side')]);
  });

  it('registers the on-screen post in the first frame, before any visibility report, and scans it once', async () => {
    const registry = installStubs();
    FakeVisibility.everythingVisible = false;
    place($('feed'), 0, 2000);
    place($('one'), 0, 300);
    place($('two'), 900, 300);
    const found: BlockMatches[] = [];
    const idle: ScanStats[] = [];
    const scanner = createScanner({
      visibility: fakeVisibility,
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
    // Registered from the frame callback: the post on screen, scanned whole.
    expect(highlightTexts(registry)).toEqual({
      'lauscher-municipality': ['Lindenbrück'],
      'lauscher-amber': ['Baustelle'],
    });
    await scanner.whenIdle();
    expect(idle.at(-1)?.viewportMatches).toBe(2);
    expect(idle.at(-1)?.matches).toBe(3);
    // Every match handed over once: the idle walk skipped the block the viewport pass had scanned.
    expect(found.map((f) => f.block.text)).toEqual([
      'Neues aus Lindenbrück',
      'Baustelle am Markt',
      'Lindenbrück feiert',
    ]);
    // The post below the screen waits for the near tracker.
    expect(highlightTexts(registry)).toEqual({
      'lauscher-municipality': ['Lindenbrück'],
      'lauscher-amber': ['Baustelle'],
    });
  });
});
