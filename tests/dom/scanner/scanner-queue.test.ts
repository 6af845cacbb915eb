// @vitest-environment happy-dom
// Regression: a slice that ends right after one subtree, with more subtrees queued, must schedule the next slice;
// otherwise the scanner stays "busy" forever and the deferred log never drains.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { compileMatcher } from '../../../utils/matcher';
import { createScanner } from '../../../utils/scanner';
import { fakeVisibility, installStubs } from './_stubs';

let controller: AbortController;
beforeEach(() => {
  installStubs();
  controller = new AbortController();
  document.body.innerHTML = '';
});
afterEach(() => controller.abort());

it('scans every queued subtree even when each slice has room for only one', async () => {
  const found: string[] = [];
  const scanner = createScanner({
    visibility: fakeVisibility,
    doc: document,
    matcher: compileMatcher({ municipality: { name: 'Musterstadt' }, topics: [] }),
    highlightFor: () => 'lauscher-municipality',
    onMatches: (block) => {
      found.push(block.text);
      return null;
    },
    signal: controller.signal,
    sliceMs: 0, // every slice ends after its first step
  });
  scanner.start();
  await scanner.whenIdle();
  for (let i = 0; i < 5; i++) {
    const post = document.createElement('section');
    post.textContent = `Beitrag ${i} aus Musterstadt`;
    document.body.append(post);
  }
  await new Promise((r) => setTimeout(r, 0)); // mutation records
  await scanner.whenIdle();
  expect(scanner.busy).toBe(false);
  expect(found).toHaveLength(5);
});

it('keeps scanning when a consumer of the matches throws', async () => {
  document.body.innerHTML = '<p>Musterstadt</p><div><p>Noch einmal Musterstadt</p></div>';
  let calls = 0;
  const scanner = createScanner({
    visibility: fakeVisibility,
    doc: document,
    matcher: compileMatcher({ municipality: { name: 'Musterstadt' }, topics: [] }),
    highlightFor: () => 'lauscher-municipality',
    onMatches: () => {
      calls++;
      throw new Error('consumer broke');
    },
    signal: controller.signal,
    sliceMs: 0,
  });
  scanner.start();
  await scanner.whenIdle();
  expect(scanner.busy).toBe(false);
  expect(calls).toBeGreaterThan(0);
});
