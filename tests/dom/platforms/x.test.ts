// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { count, loadFixture, textNode } from './load';

describe('x.com home timeline 2025 (real page)', () => {
  const page = loadFixture('x/2025-02-home-timeline.html', 'https://x.com/home');
  it('finds 6 posts with status permalinks, authors, ISO times and text', () => {
    expect(page.adapter.id).toBe('x');
    expect(count(page.items, 'post')).toBe(6);
    for (const p of page.items) {
      expect(p.permalink).toMatch(/^https:\/\/x\.com\/\w+\/status\/\d+$/);
      expect(p.time).toMatch(/^\d{4}-\d\d-\d\dT/);
      expect(p.author).toMatch(/\(@\w+\)$/);
    }
    expect(page.items[0]).toMatchObject({
      permalink: 'https://x.com/BGatesIsaPyscho/status/1890459111671656594',
      author: 'Concerned Citizen (@BGatesIsaPyscho)',
      authorUrl: 'https://x.com/BGatesIsaPyscho',
      time: '2025-02-14T17:52:29.000Z',
    });
    expect(page.items[0]?.text).toMatch(/^Study of excess mortality/);
  });
  it('closestItem finds the tweet article', () => {
    expect(page.adapter.closestItem(textNode(page.doc, 'Study of excess mortality'))?.getAttribute('data-testid')).toBe(
      'tweet',
    );
  });
  it('on a conversation page, replies are comments', () => {
    const conv = loadFixture(
      'x/2025-02-home-timeline.html',
      'https://x.com/BGatesIsaPyscho/status/1890459111671656594',
    );
    expect(count(conv.items, 'post')).toBe(1);
    expect(count(conv.items, 'comment')).toBe(5);
  });
  it('twitter.com uses the same adapter', () => {
    const tw = loadFixture('x/2025-02-home-timeline.html', 'https://twitter.com/home');
    expect(tw.adapter.id).toBe('x');
  });
});
