// @vitest-environment happy-dom
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
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
import { lazyText } from '../../../utils/platforms/dom';
import { loadFixture } from './load';

// Whole real pages parsed and walked in happy-dom: slow on a loaded machine, so a generous per-test limit.
vi.setConfig({ testTimeout: 60_000 });

const root = resolve(__dirname, '../../..');
const NOT_ADAPTERS = new Set(['index', 'types', 'dom', 'hosts', 'mention-key', 'locate']);
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
  it('names the source of every adapter fixture in its first line, real pages and hand-built ones counted apart', () => {
    const kinds: Record<string, { real: number; handBuilt: number }> = {};
    for (const site of [...adapterFiles, 'changed']) {
      const dir = resolve(root, 'tests/fixtures', site);
      for (const f of readdirSync(dir).filter((n) => n.endsWith('.html'))) {
        const first = readFileSync(resolve(dir, f), 'utf8').split('\n', 1)[0] ?? '';
        const k = kinds[site] ?? { real: 0, handBuilt: 0 };
        kinds[site] = k;
        if (first.startsWith('<!-- Real page saved by others: ')) k.real++;
        else if (first.startsWith('<!-- Built by hand for Lauscher')) k.handBuilt++;
        else throw new Error(`${site}/${f}: first line names no source`);
      }
    }
    expect(kinds).toEqual({
      facebook: { real: 4, handBuilt: 1 },
      generic: { real: 1, handBuilt: 2 },
      instagram: { real: 2, handBuilt: 0 },
      linkedin: { real: 1, handBuilt: 2 },
      mastodon: { real: 0, handBuilt: 1 },
      nebenan: { real: 0, handBuilt: 1 },
      reddit: { real: 2, handBuilt: 2 },
      x: { real: 1, handBuilt: 0 },
      youtube: { real: 1, handBuilt: 1 },
      changed: { real: 0, handBuilt: 1 },
    });
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

describe('lazy item text', () => {
  const pages: Array<[string, string]> = [
    ['facebook/2022-04-www-feed-en.html', 'https://web.facebook.com/'],
    ['facebook/2021-06-m-group-feed.html', 'https://m.facebook.com/groups/southamericansincomputing/'],
    ['generic/blog-comments.html', 'https://anzeiger.example/stadtfest-abgesagt/'],
    ['instagram/2025-04-post-with-comments.html', 'https://www.instagram.com/p/DFsnKM3pHnC/'],
    ['linkedin/feed-post-comments.html', 'https://www.linkedin.com/feed/'],
    ['mastodon/thread.html', 'https://social.musterstadt.example/@stadt/112233445566778899'],
    ['nebenan/feed-post-comments.html', 'https://nebenan.de/feed'],
    ['reddit/2018-old-reddit-thread.html', 'https://old.reddit.com/r/aww/comments/8dyrb3/ben/'],
    ['reddit/2021-redesign-thread.html', 'https://www.reddit.com/r/Musterstadt/comments/abc123/baustelle_am_bahnhof/'],
    ['reddit/2025-shreddit-thread.html', 'https://www.reddit.com/r/Musterstadt/comments/xyz789/neues_parkhaus/'],
    ['x/2025-02-home-timeline.html', 'https://x.com/home'],
    ['youtube/watch-comments.html', 'https://www.youtube.com/watch?v=Abc123xyz_0'],
  ];
  it.each(pages)('%s: text is an enumerable getter, read on first use and remembered', async (path, url) => {
    const page = loadFixture(path, url);
    expect(page.items.length).toBeGreaterThan(0);
    for (const item of page.items) {
      const desc = Object.getOwnPropertyDescriptor(item, 'text');
      expect(desc?.get).toBeTypeOf('function');
      expect(desc?.enumerable).toBe(true);
    }
    // lazy: the container's text is read when `text` is, not when the item is extracted
    const item = page.items.reduce((a, b) => (b.text.length > a.text.length ? b : a));
    const fresh = page.adapter.extract(item.container, page.url);
    const before = item.text;
    expect(before).not.toBe('');
    for (const el of item.container.querySelectorAll('*')) {
      for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 3) n.nodeValue = '';
    }
    expect(fresh.text).not.toBe(before);
    // remembered: the first read's value stays
    expect(item.text).toBe(before);
    expect(JSON.parse(JSON.stringify({ ...item, container: undefined })).text).toBe(before);
    await page.close();
  });
  it('never throws: a failing reader falls back to the squashed textContent, then to ""', () => {
    const el = document.createElement('div');
    el.innerHTML = '<p> Erste   Zeile</p>\n<p>zweite </p>';
    let calls = 0;
    const text = lazyText(() => {
      calls += 1;
      throw new Error('markup changed');
    }, el);
    expect(text()).toBe('Erste Zeile zweite');
    expect(text()).toBe('Erste Zeile zweite');
    expect(calls).toBe(1);
    const broken = {
      get textContent(): string {
        throw new Error('gone');
      },
    } as unknown as Element;
    expect(
      lazyText(() => {
        throw new Error('markup changed');
      }, broken)(),
    ).toBe('');
  });
});
