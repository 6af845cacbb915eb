// @vitest-environment happy-dom
// The scanner end to end on a saved page: walk, match, paint (stubbed Highlight API, a visibility fake that
// reports everything near), then keep up with appended, removed and edited content.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compileMatcher, type MatcherConfig } from '../../../utils/matcher';
import { type BlockMatches, createScanner, type ScanStats } from '../../../utils/scanner';
import { firstHitWithin } from '../../../utils/scanner/hit-test';
import { collectBlocks } from '../../../utils/scanner/text-blocks';
import { type FakeHighlight, fakeVisibility, highlightTexts, installStubs } from './_stubs';

const CONFIG: MatcherConfig = {
  municipality: { name: 'Lima', aliases: [] },
  topics: [
    { id: 'grp', terms: ['group'] },
    { id: 'cs', terms: ['comput*'] },
  ],
};
const NAMES: Record<string, string> = {
  municipality: 'lauscher-municipality',
  grp: 'lauscher-amber',
  cs: 'lauscher-blue',
};

function loadSavedPage() {
  const html = readFileSync(resolve(__dirname, '../../fixtures/facebook/2021-06-m-group-feed.html'), 'utf8').replace(
    /<script\b[\s\S]*?<\/script>/gi,
    '',
  );
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  document.body.replaceWith(document.importNode(parsed.body, true));
}

let registry: Map<string, FakeHighlight>;
let controller: AbortController;
let found: BlockMatches[];
let idle: ScanStats[];

function start() {
  const matcher = compileMatcher(CONFIG);
  const scanner = createScanner({
    visibility: fakeVisibility,
    doc: document,
    matcher,
    highlightFor: (topicId) => NAMES[topicId] ?? null,
    onMatches: (block, matches) => {
      found.push({ block, matches });
      return null;
    },
    onIdle: (s) => idle.push(s),
    signal: controller.signal,
  });
  scanner.start();
  return { scanner, matcher };
}

beforeEach(() => {
  registry = installStubs();
  controller = new AbortController();
  found = [];
  idle = [];
  loadSavedPage();
});
afterEach(() => controller.abort());

const allTexts = () => Object.values(highlightTexts(registry)).flat();
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('scanner on a saved m.facebook.com group feed', () => {
  it('finds every match the matcher finds in the page blocks, paints each one, and reports idle', async () => {
    const { scanner, matcher } = start();
    await scanner.whenIdle();
    await settle();
    const expected = collectBlocks(document.body).reduce((n, b) => n + matcher.scan(b.text).length, 0);
    expect(expected).toBeGreaterThan(10);
    expect(found.reduce((n, f) => n + f.matches.length, 0)).toBe(expected);
    const texts = allTexts();
    expect(texts).toHaveLength(expected);
    for (const t of highlightTexts(registry)['lauscher-amber'] ?? []) expect(t.toLowerCase()).toBe('group');
    for (const t of highlightTexts(registry)['lauscher-blue'] ?? []) expect(t.toLowerCase()).toMatch(/^comput/);
    expect(idle.at(-1)).toMatchObject({ matches: expected, found: expected });
    // Live ranges are registered when the visibility fake reports (after the last slice's idle report),
    // so count them once that has settled, not in the idle stats.
    expect(scanner.painter.liveCount).toBe(expected);
  });

  it('highlights appended posts, drops removed ones, re-scans an edited block, and never an editor', async () => {
    const { scanner } = start();
    await scanner.whenIdle();
    await settle();
    const beforeTexts = allTexts();
    const before = beforeTexts.length;

    const post = document.createElement('article');
    post.innerHTML = '<p>New <b>gro</b>up for computing in Lima</p><textarea>group</textarea>';
    const editor = document.createElement('div');
    editor.setAttribute('contenteditable', 'true');
    editor.textContent = 'my group draft';
    post.append(editor);
    document.body.append(post);
    await settle();
    await scanner.whenIdle();
    await settle();
    const added = (t: string) => allTexts().filter((x) => x === t).length - beforeTexts.filter((x) => x === t).length;
    expect([added('Lima'), added('group'), added('computing')]).toEqual([1, 1, 1]);
    expect(allTexts().length).toBe(before + 3);
    expect(allTexts()).toContain('group'); // across <b>

    // The tooltip's hit-test by focus finds the span of the first range in the post.
    const hit = firstHitWithin(scanner.painter, post);
    expect(hit?.span).toMatchObject({ topicId: 'grp', term: 'group' });

    // Character data edit: only that block is re-scanned.
    const p = post.querySelector('p') as HTMLParagraphElement;
    (p.lastChild as Text).data = 'up for nothing in Lima';
    await settle();
    await scanner.whenIdle();
    await settle();
    expect(allTexts().length).toBe(before + 2);
    expect(added('computing')).toBe(0);

    post.remove();
    await settle();
    await scanner.whenIdle();
    await settle();
    expect(allTexts().length).toBe(before);
    expect(scanner.stats().matches).toBe(before);
  });

  it('rescanAll with a new matcher repaints', async () => {
    const { scanner } = start();
    await scanner.whenIdle();
    scanner.rescanAll({
      matcher: compileMatcher({ municipality: { name: '' }, topics: [{ id: 'grp', terms: ['Hola'] }] }),
      highlightFor: (id) => NAMES[id] ?? null,
    });
    await scanner.whenIdle();
    await settle();
    const texts = highlightTexts(registry);
    expect(Object.keys(texts)).toEqual(['lauscher-amber']);
    expect(texts['lauscher-amber']?.every((t) => t === 'Hola')).toBe(true);
  });
});
