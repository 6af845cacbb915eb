// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { loadFixture, textNode } from './load';

describe('mastodon thread (built fixture)', () => {
  const url = 'https://social.musterstadt.example/@stadt/112233445566778899';
  const page = loadFixture('mastodon/thread.html', url);
  it('is detected by markup on an unknown host', () => {
    expect(page.adapter.id).toBe('mastodon');
  });
  it('finds the focal post and 2 replies', () => {
    expect(page.items.map((i) => i.kind)).toEqual(['post', 'comment', 'comment']);
    expect(page.items[0]).toMatchObject({
      permalink: url,
      author: 'Stadt Musterstadt (@stadt)',
      time: '2025-06-03T07:30:00.000Z',
    });
    expect(page.items[1]).toMatchObject({
      permalink: 'https://social.musterstadt.example/@anwohnerin/112233445566779000',
      author: 'Anwohnerin (@anwohnerin@chaos.social)',
      authorUrl: 'https://social.musterstadt.example/@anwohnerin',
      time: '2025-06-03T08:01:00.000Z',
      text: 'Gilt das auch für Radfahrer?',
    });
  });
  it('closestItem returns the status', () => {
    expect(page.adapter.closestItem(textNode(page.doc, 'absteigen'))?.getAttribute('data-id')).toBe(
      '112233445566779100',
    );
  });
  it('a page without Mastodon markup is not Mastodon', () => {
    const other = loadFixture('generic/blog-comments.html', url);
    expect(other.adapter.id).toBe('generic');
  });
});
