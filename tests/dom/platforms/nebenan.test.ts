// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { loadFixture, textNode } from './load';

describe('nebenan.de post page (built fixture, unverified against the live site)', () => {
  const page = loadFixture('nebenan/feed-post-comments.html', 'https://nebenan.de/feed');
  it('finds 2 posts and 2 comments', () => {
    expect(page.adapter.id).toBe('nebenan');
    expect(page.items.map((i) => i.kind)).toEqual(['post', 'comment', 'comment', 'post']);
  });
  it('reads posts and comments', () => {
    expect(page.items[0]).toMatchObject({
      permalink: 'https://nebenan.de/feed/123456',
      author: 'Erika M.',
      authorUrl: 'https://nebenan.de/users/4711',
      time: '2025-06-01T06:15:00.000Z',
    });
    expect(page.items[0]?.text).toMatch(/^Sperrmüll an der Lindenstraße Seit einer Woche/);
    expect(page.items[0]?.text).not.toContain('Bürgerservice');
    expect(page.items[1]).toMatchObject({
      permalink: 'https://nebenan.de/feed/123456#comment-9001',
      author: 'Max M.',
      text: 'Ich habe es gestern beim Bürgerservice gemeldet.',
    });
    expect(page.items[2]).toMatchObject({ time: 'gestern', author: 'Hans S.' });
    expect(page.items[3]).toMatchObject({ permalink: 'https://nebenan.de/feed/123470', author: 'Max M.' });
  });
  it('closestItem returns the comment', () => {
    expect(page.adapter.closestItem(textNode(page.doc, 'Abholung'))?.id).toBe('comment-9002');
  });
});
