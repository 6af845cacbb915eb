// @vitest-environment happy-dom
// The logging path on real saved pages: every text block of the page goes through the post index as the scanner
// hands it over, and what the index sends is compared with what the adapter reads from the same page.
import { describe, expect, it, vi } from 'vitest';
import { createPostIndex, MAX_UNREAD } from '../../../utils/content/post-index';
import { compileMatcher, type Matcher } from '../../../utils/matcher';
import type { MentionInput } from '../../../utils/model';
import { collectBlocks } from '../../../utils/scanner/text-blocks';
import { type Loaded, loadFixture, textNode } from '../platforms/load';

// Whole real pages parsed and walked in happy-dom: slow on a loaded machine, so a generous per-test limit.
vi.setConfig({ testTimeout: 60_000 });

/**
 * Stand-in for the matcher where a page's every item must reach the index: the first word of every block is a
 * "match". The real matcher is used below where the terms are what a test is about.
 */
const EVERY_BLOCK: Matcher = {
  scan(text) {
    const m = /[\p{L}\p{N}]{2,}/u.exec(text);
    return m ? [{ start: m.index, end: m.index + m[0].length, topicId: 'any', term: 'any' }] : [];
  },
};

/** A post index on the page that keeps what it sends. */
function indexOn(page: Loaded) {
  const sent: MentionInput[] = [];
  const index = createPostIndex({
    adapter: page.adapter,
    pageUrl: () => page.url.href,
    send: async (m) => {
      sent.push(...m);
    },
  });
  return { sent, index };
}

function logPage(page: Loaded, matcher: Matcher) {
  const { sent, index } = indexOn(page);
  const groups = new Map<Element, Element>();
  for (const block of collectBlocks(page.doc.body)) {
    const matches = matcher.scan(block.text);
    if (matches.length) groups.set(block.element, index.add(block, matches));
  }
  index.flush();
  return { sent, index, groups };
}

const REAL_PAGES: Array<[string, string]> = [
  [
    'reddit/2020-redesign-thread.html',
    'https://www.reddit.com/r/Python/comments/1bbbwk/whats_your_opinion_on_what_to_include_in_init_py/',
  ],
  [
    'reddit/2018-old-reddit-thread.html',
    'https://old.reddit.com/r/aww/comments/8dyrb3/ben_is_very_proud_of_himself_for_learning_to_go/',
  ],
  [
    'generic/2020-zeit-de-article-comments.html',
    'https://www.zeit.de/mobilitaet/2020-01/zugverkehr-christian-lindner-hochgeschwindigkeitsstrecke-eu-kommission',
  ],
  ['linkedin/2022-05-feed.html', 'https://www.linkedin.com/feed/'],
  ['youtube/2022-03-watch-comments-ytd-app.html', 'https://www.youtube.com/watch?v=wOWhfNB_r-0'],
  ['instagram/2025-04-post-with-comments.html', 'https://www.instagram.com/p/DFsnKM3pHnC/'],
  ['instagram/2026-03-post-with-comments.html', 'https://www.instagram.com/p/DOuQoNmDKST/?img_index=3'],
  ['x/2025-02-home-timeline.html', 'https://x.com/home'],
  [
    'facebook/2022-01-www-photo-permalink-comments.html',
    'https://www.facebook.com/photo/?fbid=1144501625643317&set=a.117311035029053',
  ],
  ['facebook/2021-06-m-group-feed.html', 'https://m.facebook.com/groups/southamericansincomputing/'],
];

describe.each(REAL_PAGES)('post index on %s (real page)', (path, url) => {
  const page = loadFixture(path, url);
  const { sent } = logPage(page, EVERY_BLOCK);
  const logged = page.items.filter((i) => !i.promoted);

  it('logs exactly the items the adapter reads (no chrome, no ads), each once, with its permalink and author', () => {
    expect(sent.map((m) => [m.permalink, m.author, m.kind])).toEqual(
      logged.map((i) => [i.permalink || page.url.href, i.author, i.kind]),
    );
    expect(new Set(sent.map((m) => m.mentionKey)).size).toBe(sent.length);
  });
  it('gives every mention one snippet from its own text', () => {
    for (const m of sent) {
      expect(m.snippet.length).toBeGreaterThan(0);
      expect(m.terms).toEqual(['any']);
    }
  });
});

describe('post index with the real matcher', () => {
  it('zeit.de: the comments that name the Bahn, each with its own ?cid= permalink, author and snippet', () => {
    const page = loadFixture(
      'generic/2020-zeit-de-article-comments.html',
      'https://www.zeit.de/mobilitaet/2020-01/zugverkehr-christian-lindner-hochgeschwindigkeitsstrecke-eu-kommission',
    );
    const matcher = compileMatcher({ municipality: { name: '' }, topics: [{ id: 'bahn', terms: ['Bahn'] }] });
    const { sent } = logPage(page, matcher);
    const comments = sent.filter((m) => m.kind === 'comment');
    expect(comments.map((m) => m.author)).toEqual(['Rechtssozialdemokrat', 'Robert Geiss', 'VVPP']);
    for (const m of comments) {
      expect(m.permalink).toMatch(/\?cid=\d+#cid-\d+$/);
      expect(m.snippet).toMatch(/Bahn/);
      expect(m.topicIds).toEqual(['bahn']);
    }
  });

  it('LinkedIn 2022: a promoted post is highlighted (grouped) but not logged, and has no mention under the pointer', () => {
    const page = loadFixture('linkedin/2022-05-feed.html', 'https://www.linkedin.com/feed/');
    const matcher = compileMatcher({ municipality: { name: '' }, topics: [{ id: 'eng', terms: ['engineer'] }] });
    const { sent, index, groups } = logPage(page, matcher);
    const node = textNode(page.doc, 'If you’re a great engineer');
    expect(sent.map((m) => m.author)).not.toContain('Rippling');
    expect([...groups.keys()].some((el) => el.contains(node))).toBe(true);
    expect(index.mentionAt(node)).toBeNull();
  });
});

describe('post index bookkeeping', () => {
  const url = 'https://www.reddit.com/r/Python/comments/1bbbwk/whats_your_opinion_on_what_to_include_in_init_py/';
  const matcher = compileMatcher({ municipality: { name: '' }, topics: [{ id: 'py', terms: ['Werkzeug', 'Flat'] }] });

  it('groups a reply’s blocks by its outermost comment (old reddit nests replies in the DOM)', () => {
    const page = loadFixture(
      'reddit/2018-old-reddit-thread.html',
      'https://old.reddit.com/r/aww/comments/8dyrb3/ben_is_very_proud_of_himself_for_learning_to_go/',
    );
    const { groups } = logPage(page, EVERY_BLOCK);
    const reply = textNode(page.doc, 'Is that the cardboard house from Neko Atsume');
    const group = [...groups.entries()].find(([block]) => block.contains(reply))?.[1];
    expect(page.adapter.closestItem(reply)?.getAttribute('data-fullname')).toBe('t1_dxr2q90');
    expect(group?.getAttribute('data-fullname')).toBe('t1_dxr0evr');
  });

  it('while the scan is busy, reads at least one waiting item per block and more only while a millisecond lasts', () => {
    const run = (clockStepMs: number) => {
      const page = loadFixture(
        'reddit/2018-old-reddit-thread.html',
        'https://old.reddit.com/r/aww/comments/8dyrb3/ben_is_very_proud_of_himself_for_learning_to_go/',
      );
      let t = 0;
      const clock = vi.spyOn(performance, 'now').mockImplementation(() => (t += clockStepMs));
      const index = createPostIndex({
        adapter: page.adapter,
        pageUrl: () => page.url.href,
        send: async () => undefined,
        isBusy: () => true,
      });
      const items = new Set<Element>();
      let mostUnread = 0;
      let readOverLimit = 0;
      for (const block of collectBlocks(page.doc.body)) {
        const matches = EVERY_BLOCK.scan(block.text);
        if (!matches.length) continue;
        const before = index.stats().extracted;
        index.add(block, matches);
        const item = index.itemAt(block.element);
        if (item) items.add(item);
        const unread = items.size - index.stats().extracted;
        mostUnread = Math.max(mostUnread, unread);
        if (items.size > MAX_UNREAD + 1) readOverLimit = Math.max(readOverLimit, index.stats().extracted - before);
      }
      clock.mockRestore();
      return { items: items.size, mostUnread, readOverLimit };
    };
    // A clock that runs 5 ms per reading: one item per block, and still never more than MAX_UNREAD waiting.
    const slow = run(5);
    expect(slow.items).toBeGreaterThan(MAX_UNREAD + 20);
    expect(slow.mostUnread).toBeLessThanOrEqual(MAX_UNREAD);
    expect(slow.readOverLimit).toBe(1);
    // A fast one: a burst of several per block.
    const fast = run(0.001);
    expect(fast.mostUnread).toBeLessThanOrEqual(MAX_UNREAD);
    expect(fast.readOverLimit).toBeGreaterThan(1);
  });

  it('keeps at most 32 spellings of the matched words per item, and every term', () => {
    const page = loadFixture('reddit/2020-redesign-thread.html', url);
    const { sent, index } = indexOn(page);
    const block = collectBlocks(page.doc.body).find((b) => b.text.length > 120 && index.itemAt(b.element));
    if (!block) throw new Error('no long comment block in the fixture');
    // 100 different "words" (the text's first 1, 2, … 100 characters) for one term, and a second term once
    const matches = Array.from({ length: 100 }, (_, k) => ({ start: 0, end: k + 1, topicId: 'py', term: 'Flat' }));
    index.add(block, [...matches, { start: 0, end: 3, topicId: 'py', term: 'Werkzeug' }]);
    index.flush();
    expect(sent).toHaveLength(1);
    expect(sent[0]?.terms).toEqual(['Flat', 'Werkzeug']);
    expect(sent[0]?.topicIds).toEqual(['py']);
    expect(sent[0]?.words).toHaveLength(32);
    expect(sent[0]?.words?.[31]).toBe(block.text.slice(0, 32));
  });

  it('sends an item again only for new terms', () => {
    const page = loadFixture('reddit/2020-redesign-thread.html', url);
    const { sent, index } = logPage(page, matcher);
    expect(sent.find((m) => m.terms.includes('Werkzeug'))?.permalink).toBe(`${url}c95cwe4/`);
    const before = sent.length;
    const again = (m: Matcher) => {
      for (const block of collectBlocks(page.doc.body)) {
        const found = m.scan(block.text);
        if (found.length) index.add(block, found);
      }
      index.flush();
    };
    again(matcher);
    expect(sent.length).toBe(before);
    again(
      compileMatcher({ municipality: { name: '' }, topics: [{ id: 'py', terms: ['Werkzeug', 'Flat', 'mitsuhiko'] }] }),
    );
    expect(sent.slice(before).map((m) => [m.permalink, m.terms])).toEqual([[`${url}c95hxkn/`, ['mitsuhiko']]]);
  });

  it('mentionAt reads only the one item under the pointer and finds its element by key', () => {
    const page = loadFixture('reddit/2020-redesign-thread.html', url);
    const sent: MentionInput[] = [];
    const index = createPostIndex({
      adapter: page.adapter,
      pageUrl: () => url,
      send: async (m) => void sent.push(...m),
    });
    for (const block of collectBlocks(page.doc.body)) {
      const m = matcher.scan(block.text);
      if (m.length) index.add(block, m);
    }
    const mention = index.mentionAt(textNode(page.doc, 'personally a fan of'));
    expect(mention).toMatchObject({ kind: 'comment', permalink: `${url}c95cwe4/`, terms: ['Werkzeug'] });
    expect(mention?.snippet).toContain('Werkzeug');
    expect(index.stats().extracted).toBe(1);
    expect(index.elementFor(mention?.mentionKey ?? '')?.id).toBe('t1_c95cwe4');
    expect(index.mentionAt(textNode(page.doc, 'Continue this thread'))).toBeNull();
  });

  it('a known site whose markup changed: each repeated unit is its own item, not one per page', () => {
    const page = loadFixture('changed/facebook-group-new-markup.html', 'https://www.facebook.com/groups/musterstadt/');
    const { sent } = logPage(page, compileMatcher({ municipality: { name: 'Musterstadt' }, topics: [] }));
    expect(sent.map((m) => [m.platform, m.permalink, m.snippet])).toEqual([
      [
        'facebook',
        'https://www.facebook.com/groups/musterstadt/',
        'Die Baustelle in Musterstadt ist endlich fertig, danke an alle!',
      ],
      [
        'facebook',
        'https://www.facebook.com/groups/musterstadt/',
        'Weiß jemand, ob morgen in Musterstadt Markt ist? Ich frage für meine Oma, sie liest hier mit.',
      ],
    ]);
    expect(new Set(sent.map((m) => m.mentionKey)).size).toBe(2);
  });
});
