// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { mentionKeyFor } from '../../../utils/platforms/mention-key';
import { count, loadFixture, textNode } from './load';

describe('facebook www feed 2022 (real page)', () => {
  const page = loadFixture('facebook/2022-04-www-feed-en.html', 'https://web.facebook.com/');
  it('finds the post and its comment', () => {
    expect(page.adapter.id).toBe('facebook');
    expect(count(page.items, 'post')).toBe(1);
    expect(count(page.items, 'comment')).toBe(1);
  });
  it('reads the post', () => {
    const post = page.items.find((i) => i.kind === 'post');
    expect(post).toMatchObject({
      permalink: 'https://www.facebook.com/Furkan.S.Raz/posts/1666788373661778',
      author: 'Fur Kan',
      authorUrl: 'https://www.facebook.com/Furkan.S.Raz',
      time: '2 hrs',
    });
    expect(post?.text).toContain('মানুষ কখনো');
  });
  it('reads the comment with its comment_id permalink and a clean profile URL', () => {
    const c = page.items.find((i) => i.kind === 'comment');
    expect(c).toMatchObject({
      permalink: 'https://www.facebook.com/Furkan.S.Raz/posts/1666788373661778?comment_id=1666821756991773',
      author: 'Md Parves Forayezi',
      authorUrl: 'https://www.facebook.com/parves.mdparvesforayezi',
      time: '1h',
      text: 'Love',
    });
  });
  it('closestItem returns the innermost item (a comment inside a post is the comment)', () => {
    const inComment = page.adapter.closestItem(textNode(page.doc, 'Md Parves Forayezi'));
    expect(inComment?.getAttribute('aria-label')).toMatch(/^Comment by/);
    const inPost = page.adapter.closestItem(textNode(page.doc, 'মানুষ কখনো'));
    expect(inPost?.hasAttribute('aria-posinset')).toBe(true);
  });
});

describe('facebook www feed 2025, sponsored unit (real page)', () => {
  const page = loadFixture('facebook/2025-07-www-feed-sponsored.html', 'https://www.facebook.com/');
  it('finds one post via aria-posinset and the 2025 rendering roles, skipping loading skeletons', () => {
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({
      kind: 'post',
      author: 'Indian Cricket Sarcasm',
      text: 'This is what Virat Kohli has earned',
      permalink: 'https://www.facebook.com/photo/?fbid=657567040194363&set=a.154185163865889',
      promoted: true,
    });
  });

  it('marks the sponsored unit as promoted by its ad-attribution links; organic posts are not', () => {
    const organic = loadFixture('facebook/2022-04-www-feed-en.html', 'https://www.facebook.com/');
    expect(organic.items.every((x) => !x.promoted)).toBe(true);
  });
});

describe('facebook www photo permalink page 2022 (real page)', () => {
  const url = 'https://www.facebook.com/photo/?fbid=1144501625643317&set=a.117311035029053';
  const page = loadFixture('facebook/2022-01-www-photo-permalink-comments.html', url);
  it('finds the photo post (viewer panel) and 6 comments', () => {
    expect(count(page.items, 'post')).toBe(1);
    expect(count(page.items, 'comment')).toBe(6);
  });
  it('reads the photo description without the scrambled date', () => {
    expect(page.items[0]).toMatchObject({
      author: 'Vicky Barik',
      text: 'FaR FrOm ThE LiGhT...',
      time: '14 October 2016',
    });
  });
  it('gives every comment a comment_id permalink and an author', () => {
    const comments = page.items.filter((i) => i.kind === 'comment');
    for (const c of comments) {
      expect(c.permalink).toMatch(/^https:\/\/www\.facebook\.com\/photo\/\?comment_id=\d+&fbid=1144501625643317/);
      expect(c.author).not.toBe('');
    }
    expect(comments.map((c) => c.author)).toContain('Pappu Das');
    expect(comments[0]?.text).toBe('Awesome lg6e toke Just too good.. Capture');
    expect(new Set(comments.map((c) => mentionKeyFor(c, url))).size).toBe(6);
  });
});

describe('m.facebook.com group feed 2021 (real page)', () => {
  const page = loadFixture(
    'facebook/2021-06-m-group-feed.html',
    'https://m.facebook.com/groups/southamericansincomputing/',
  );
  it('finds 21 posts, each with a permalink, author and abbr time', () => {
    expect(count(page.items, 'post')).toBe(21);
    for (const p of page.items) {
      expect(p.permalink).toMatch(
        /^https:\/\/www\.facebook\.com\/(?:groups\/southamericansincomputing\/permalink\/\d+\/|story\.php)/,
      );
      expect(p.author).not.toBe('');
      expect(p.time).toBeTruthy();
    }
  });
  it('reads the first post', () => {
    expect(page.items[0]).toMatchObject({
      permalink: 'https://www.facebook.com/groups/southamericansincomputing/permalink/1629606003787605/',
      author: 'Omar U. Florez',
      time: '3 April 2018 at 20:02',
    });
    expect(page.items[0]?.text).toMatch(/^Hola!, This group is aimed/);
  });
});

describe('facebook extract never throws', () => {
  it('falls back to kind post and the page URL on an empty container', () => {
    const page = loadFixture('facebook/2025-07-www-feed-sponsored.html', 'https://www.facebook.com/');
    const el = page.doc.createElement('div');
    el.setAttribute('role', 'article');
    el.setAttribute('aria-label', 'Kommentar von Erika Muster vor 2 Stunden');
    el.textContent = 'Hallo Musterstadt';
    const item = page.adapter.extract(el, page.url);
    expect(item).toMatchObject({
      kind: 'comment',
      author: 'Erika Muster',
      permalink: 'https://www.facebook.com/',
      text: 'Hallo Musterstadt',
    });
  });
});

describe('m.facebook.com group permalink page (built fixture)', () => {
  const url = 'https://m.facebook.com/groups/musterstadthilft/permalink/5550001/';
  const page = loadFixture('facebook/2021-m-group-permalink-hand-built.html', url);
  it('the page’s own post is an item with the page URL as its permalink', () => {
    expect(page.items[0]).toMatchObject({
      kind: 'post',
      permalink: 'https://www.facebook.com/groups/musterstadthilft/permalink/5550001/',
      author: 'Erika Beispiel',
      text: 'Wer hat in Musterstadt einen Schlüsselbund am Bahnhof gefunden?',
    });
  });
  it('its comment: author never from the "Like"/"Reply" links, permalink from the comment id', () => {
    expect(page.items[1]).toMatchObject({
      kind: 'comment',
      author: 'Max Muster',
      permalink: 'https://www.facebook.com/groups/musterstadthilft/permalink/5550001/?comment_id=7770001',
      text: 'Ja, liegt im Bürgerbüro Musterstadt.',
    });
    expect(page.items).toHaveLength(2);
  });
});
