// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { loadFixture, textNode } from './load';

describe('generic adapter on a blog page (built fixture)', () => {
  const url = 'https://anzeiger.example/stadtfest-abgesagt/?utm_source=feed';
  const page = loadFixture('generic/blog-comments.html', url);
  it('finds the article and 2 comments', () => {
    expect(page.adapter.id).toBe('generic');
    expect(page.items.map((i) => i.kind)).toEqual(['post', 'comment', 'comment']);
  });
  it('reads permalinks from self links or the own id anchor; the page’s own article is the page', () => {
    expect(page.items[0]).toMatchObject({
      permalink: 'https://anzeiger.example/stadtfest-abgesagt/?utm_source=feed',
      author: 'Lokalredaktion',
      time: '2025-06-04T10:00:00.000Z',
      text: 'Stadtfest Musterstadt abgesagt Das Stadtfest fällt wegen Bauarbeiten am Marktplatz aus.',
    });
    expect(page.items[1]).toMatchObject({
      permalink: 'https://anzeiger.example/stadtfest-abgesagt/#comment-12',
      author: 'Erika',
      time: '2025-06-04T11:05:00.000Z',
      text: 'Sehr schade, die Stadt hätte früher informieren sollen.',
    });
    expect(page.items[2]).toMatchObject({
      permalink: 'https://anzeiger.example/stadtfest-abgesagt/?utm_source=feed#comment-13',
      author: 'Redaktion',
    });
  });
  it('closestItem: innermost item, else nearest block element', () => {
    expect(page.adapter.closestItem(textNode(page.doc, 'gestern bekannt'))?.id).toBe('comment-13');
    expect(page.adapter.closestItem(textNode(page.doc, 'Impressum'))?.tagName).toBe('P');
  });
});
