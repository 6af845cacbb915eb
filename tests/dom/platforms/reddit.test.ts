// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { count, loadFixture, textNode } from './load';

const THREAD = 'https://old.reddit.com/r/aww/comments/8dyrb3/ben_is_very_proud_of_himself_for_learning_to_go/';

describe('old reddit thread 2018 (real page)', () => {
  const page = loadFixture('reddit/2018-old-reddit-thread.html', THREAD);
  it('finds the post and 197 comments', () => {
    expect(page.adapter.id).toBe('reddit');
    expect(count(page.items, 'post')).toBe(1);
    expect(count(page.items, 'comment')).toBe(197);
  });
  it('reads post and comments', () => {
    expect(page.items[0]).toMatchObject({
      permalink: 'https://www.reddit.com/r/aww/comments/8dyrb3/ben_is_very_proud_of_himself_for_learning_to_go/',
      author: 'Brookefemale',
      time: '2018-04-21T21:28:31.000Z',
      text: 'Ben is very proud of himself for learning to go on walks',
    });
    expect(page.items[1]).toMatchObject({
      kind: 'comment',
      permalink: `${THREAD.replace('old.', 'www.')}dxr0evr/`,
      author: 'Brookefemale',
      time: '2018-04-21T21:36:45.000Z',
    });
    expect(page.items[1]?.text).toMatch(/^Bonus pics of Ben on a walk/);
    // a parent's text does not include its replies
    expect(page.items[1]?.text).not.toContain('Neko Atsume');
  });
  it('closestItem returns the innermost comment', () => {
    const el = page.adapter.closestItem(textNode(page.doc, 'Is that the cardboard house from Neko Atsume'));
    expect(el?.getAttribute('data-fullname')).toBe('t1_dxr2q90');
  });
});

describe('reddit redesign 2018-2023 (built fixture)', () => {
  const page = loadFixture(
    'reddit/2021-redesign-thread.html',
    'https://www.reddit.com/r/Musterstadt/comments/abc123/baustelle_am_bahnhof/',
  );
  it('finds post and 2 comments', () => {
    expect(page.items.map((i) => i.kind)).toEqual(['post', 'comment', 'comment']);
    expect(page.items[0]).toMatchObject({
      permalink: 'https://www.reddit.com/r/Musterstadt/comments/abc123/baustelle_am_bahnhof/',
      author: 'erika_muster',
      time: 'vor 5 Std.',
      text: 'Baustelle am Bahnhof Musterstadt Weiß jemand, wie lange die Baustelle noch dauert?',
    });
    expect(page.items[1]).toMatchObject({
      permalink: 'https://www.reddit.com/r/Musterstadt/comments/abc123/baustelle_am_bahnhof/c1/',
      author: 'max_m',
      time: 'vor 4 Std.',
      text: 'Laut Stadt bis Ende August.',
    });
  });
});

describe('reddit shreddit web components (built fixture)', () => {
  const page = loadFixture(
    'reddit/2025-shreddit-thread.html',
    'https://www.reddit.com/r/Musterstadt/comments/xyz789/neues_parkhaus/',
    (doc) => {
      // chrome in open shadow roots, like the live components
      for (const host of doc.querySelectorAll('shreddit-post, shreddit-comment')) {
        const root = host.attachShadow({ mode: 'open' });
        root.innerHTML = '<div class="meta"><span>Antworten</span></div><slot name="title"></slot><slot></slot>';
      }
    },
  );
  it('reads attributes of posts and nested comments', () => {
    expect(page.items.map((i) => i.kind)).toEqual(['post', 'comment', 'comment']);
    expect(page.items[0]).toMatchObject({
      permalink: 'https://www.reddit.com/r/Musterstadt/comments/xyz789/neues_parkhaus/',
      author: 'stadtfan',
      time: '2025-05-20T10:00:00.000Z',
    });
    expect(page.items[0]?.text).toContain('Parkhaus am Rathausplatz');
    expect(page.items[1]).toMatchObject({
      permalink: 'https://www.reddit.com/r/Musterstadt/comments/xyz789/comment/k1/',
      author: 'radlerin',
      time: '2025-05-20T11:00:00.000Z',
      text: 'Lieber mehr Fahrradstellplätze!',
    });
    expect(page.items[2]).toMatchObject({ author: 'stadtfan', text: 'Beides wäre gut.' });
  });
  it('closestItem: innermost comment, also from inside a shadow root', () => {
    expect(page.adapter.closestItem(textNode(page.doc, 'Beides wäre gut'))?.getAttribute('thingid')).toBe('t1_k2');
    const inner = page.doc.querySelector('shreddit-comment')?.shadowRoot?.querySelector('span');
    expect(inner && page.adapter.closestItem(inner)?.getAttribute('thingid')).toBe('t1_k1');
  });
});

describe('reddit redesign thread 2020 (real page)', () => {
  const url = 'https://www.reddit.com/r/Python/comments/1bbbwk/whats_your_opinion_on_what_to_include_in_init_py/';
  const page = loadFixture('reddit/2020-redesign-thread.html', url);
  it('finds the post and its 19 comments, no menus or shells', () => {
    expect(count(page.items, 'post')).toBe(1);
    expect(count(page.items, 'comment')).toBe(19);
    for (const i of page.items) expect(i.text).not.toBe('');
  });
  it('reads the post as the page’s own, with title and body', () => {
    expect(page.items[0]).toMatchObject({ kind: 'post', permalink: url, time: '6 years ago' });
    expect(page.items[0]?.text).toMatch(
      /^What's your opinion on what to include in __init__.py \? I'm new to packaging/,
    );
  });
  it('gives every comment its own permalink; the saved page shows no author names, so none are made up', () => {
    const comments = page.items.filter((i) => i.kind === 'comment');
    expect(new Set(comments.map((c) => c.permalink)).size).toBe(19);
    for (const c of comments) {
      expect(c.permalink).toMatch(new RegExp(`^${url}c95\\w+/$`));
      expect(c.author).toBe('');
    }
    expect(comments[10]).toMatchObject({
      permalink: `${url}c95ijh5/`,
      text: 'Nothing. Explicit is better than implicit.',
    });
  });
  it('closestItem: a comment, not its t3_ share menu', () => {
    expect(page.adapter.closestItem(textNode(page.doc, 'Explicit is better than implicit'))?.id).toBe('t1_c95ijh5');
    expect(page.adapter.closestItem(textNode(page.doc, '50 comments'))?.id).toBe('t3_1bbbwk');
  });
});

describe('reddit promoted posts', () => {
  const page = loadFixture(
    'reddit/2021-redesign-thread.html',
    'https://www.reddit.com/r/Musterstadt/comments/abc123/baustelle_am_bahnhof/',
    (doc) => {
      // a promoted unit as the redesign marks it (class promotedlink on the post container)
      const ad = doc.querySelector('[data-testid="post-container"]')?.cloneNode(true) as Element;
      ad.classList.add('promotedlink');
      for (const el of ad.querySelectorAll('[id]')) el.id = el.id.replace('t3_abc123', 't3_ad999');
      doc.body.append(ad);
    },
  );
  it('are still items (highlighted) but marked promoted, so the log skips them', () => {
    const posts = page.items.filter((i) => i.kind === 'post');
    expect(posts.map((p) => !!p.promoted)).toEqual([false, true]);
  });
});
