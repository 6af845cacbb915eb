// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { count, loadFixture, textNode } from './load';

describe('youtube watch page comments (built fixture)', () => {
  const page = loadFixture('youtube/watch-comments.html', 'https://www.youtube.com/watch?v=Abc123xyz_0&t=42s');
  it('finds the video and 3 comments (one reply)', () => {
    expect(page.adapter.id).toBe('youtube');
    expect(count(page.items, 'post')).toBe(1);
    expect(count(page.items, 'comment')).toBe(3);
  });
  it('reads the video', () => {
    expect(page.items[0]).toMatchObject({
      permalink: 'https://www.youtube.com/watch?v=Abc123xyz_0',
      author: 'Stadt Musterstadt',
      authorUrl: 'https://www.youtube.com/@StadtMusterstadt',
    });
    expect(page.items[0]?.text).toContain('Haushalt 2026');
  });
  it('reads comments with &lc= permalinks, visible times, old and new renderers', () => {
    expect(page.items[1]).toMatchObject({
      kind: 'comment',
      permalink: 'https://www.youtube.com/watch?lc=UgxAAA111&v=Abc123xyz_0',
      author: '@erika.muster',
      time: 'vor 2 Tagen',
      text: 'Wann öffnet das Hallenbad wieder? Die Baustelle steht seit Monaten still.',
    });
    expect(page.items[2]).toMatchObject({ author: '@StadtMusterstadt', time: 'vor 1 Tag' });
    expect(page.items[3]).toMatchObject({
      permalink: 'https://www.youtube.com/watch?lc=UgxBBB222&v=Abc123xyz_0',
      author: 'Max Mustermann',
      text: 'Der Radweg an der Hauptstraße ist gefährlich.',
    });
  });
  it('closestItem returns the reply, not its thread', () => {
    const el = page.adapter.closestItem(textNode(page.doc, 'Wiedereröffnung'));
    expect(el && page.adapter.extract(el, page.url).permalink).toContain('reply1');
  });
  it('Shorts URLs are handled and expect items', () => {
    const url = new URL('https://www.youtube.com/shorts/Abc123xyz_0');
    expect(page.adapter.expectsItemsAt?.(url)).toBe(true);
  });
});

describe('youtube watch page 2022, rendered ytd-app (real page)', () => {
  const url = 'https://www.youtube.com/watch?v=wOWhfNB_r-0';
  const page = loadFixture('youtube/2022-03-watch-comments-ytd-app.html', url);
  it('finds the video and its 20 comment threads', () => {
    expect(page.adapter.id).toBe('youtube');
    expect(count(page.items, 'post')).toBe(1);
    expect(count(page.items, 'comment')).toBe(20);
  });
  it('reads the video as the page’s own post, with the page URL', () => {
    expect(page.items[0]).toMatchObject({ kind: 'post', permalink: url, author: 'NetworkChuck' });
    expect(page.items[0]?.text).toMatch(/^start, stop, restart Linux services/);
  });
  it('gives every comment its own &lc= link, an author and the visible time', () => {
    const comments = page.items.filter((i) => i.kind === 'comment');
    for (const c of comments) {
      expect(c.permalink).toMatch(/^https:\/\/www\.youtube\.com\/watch\?lc=[\w-]+&v=wOWhfNB_r-0$/);
      expect(c.author).not.toBe('');
      expect(c.time).toMatch(/^il y a \d+ mois/);
    }
    expect(comments[5]).toMatchObject({
      permalink: 'https://www.youtube.com/watch?lc=UgwQoWye7Dk0ZW_g3Md4AaABAg&v=wOWhfNB_r-0',
      author: 'Jeff Geerling',
      authorUrl: 'https://www.youtube.com/channel/UCR-DXc1voovS8nhAvccRZhg',
      text: 'PEBDAC—Problem Exists Between Daemon And Computer',
    });
  });
});
