// @vitest-environment happy-dom
import { existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PLATFORMS } from '../../../utils/model';
import {
  ADAPTERS,
  ADAPTERS_BY_ID,
  expectsItems,
  HOST_PATTERNS,
  hostPatterns,
  markupChanged,
  pickAdapter,
} from '../../../utils/platforms';
import { loadFixture } from './load';

const root = resolve(__dirname, '../../..');
const NOT_ADAPTERS = new Set(['index', 'types', 'dom', 'hosts', 'mention-key']);
const adapterFiles = readdirSync(resolve(root, 'utils/platforms'))
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
  .map((f) => f.replace(/\.ts$/, ''))
  .filter((f) => !NOT_ADAPTERS.has(f));

describe('adapter registry conventions', () => {
  it('has one adapter file per platform', () => {
    expect([...adapterFiles].sort()).toEqual([...PLATFORMS].sort());
  });
  it.each(adapterFiles)('%s has a saved-page fixture and a fixture test', (site) => {
    expect(existsSync(resolve(__dirname, `${site}.test.ts`))).toBe(true);
    const dir = resolve(root, 'tests/fixtures', site);
    expect(existsSync(dir) && readdirSync(dir).some((f) => f.endsWith('.html'))).toBe(true);
  });
  it('registers every site adapter under its id; generic is the fallback', () => {
    for (const id of PLATFORMS) expect(ADAPTERS_BY_ID[id].id).toBe(id);
    expect(ADAPTERS.map((a) => a.id)).not.toContain('generic');
  });
  it('has host patterns for every site adapter', () => {
    for (const a of ADAPTERS) expect(HOST_PATTERNS[a.id as keyof typeof HOST_PATTERNS].length).toBeGreaterThan(0);
    expect(hostPatterns).toContain('*://*.facebook.com/*');
    for (const p of hostPatterns) expect(p).toMatch(/^\*:\/\/(\*\.)?[a-z0-9.-]+\/\*$/);
  });
  it('picks adapters by host', () => {
    const doc = document;
    const cases: Array<[string, string]> = [
      ['https://www.facebook.com/stadt.musterstadt', 'facebook'],
      ['https://m.facebook.com/groups/1/', 'facebook'],
      ['https://twitter.com/home', 'x'],
      ['https://old.reddit.com/r/de/', 'reddit'],
      ['https://www.youtube.com/shorts/abc', 'youtube'],
      ['https://nebenan.de/feed', 'nebenan'],
      ['https://www.linkedin.com/feed/', 'linkedin'],
      ['https://www.instagram.com/p/abc/', 'instagram'],
      ['https://www.musterstadt.de/aktuelles', 'generic'],
    ];
    for (const [url, id] of cases) expect(pickAdapter(new URL(url), doc).id).toBe(id);
  });
});

describe('markup-changed detection', () => {
  it('reports a known site page with text but no items', () => {
    const page = loadFixture('generic/blog-comments.html', 'https://www.facebook.com/stadt.musterstadt');
    expect(page.adapter.id).toBe('facebook');
    expect(expectsItems(page.adapter, page.url)).toBe(true);
    page.doc.body.insertAdjacentHTML('beforeend', `<p>${'Musterstadt informiert. '.repeat(20)}</p>`);
    expect(markupChanged(page.adapter, page.url, page.doc)).toBe(true);
  });
  it('does not report when items are found, or on pages without items, or for generic', () => {
    const fb = loadFixture('facebook/2022-04-www-feed-en.html', 'https://www.facebook.com/');
    expect(markupChanged(fb.adapter, fb.url, fb.doc)).toBe(false);
    expect(expectsItems(fb.adapter, new URL('https://www.facebook.com/settings'))).toBe(false);
    const blog = loadFixture('generic/blog-comments.html', 'https://anzeiger.example/');
    expect(expectsItems(blog.adapter, blog.url)).toBe(false);
  });
});
