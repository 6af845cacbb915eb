// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { count, loadFixture, textNode } from './load';

describe('instagram post page 2025 (real page)', () => {
  const page = loadFixture('instagram/2025-04-post-with-comments.html', 'https://www.instagram.com/p/DFsnKM3pHnC/');
  it('finds the post (caption) and 14 visible comments; the likes/date footer is not an item', () => {
    expect(page.adapter.id).toBe('instagram');
    expect(count(page.items, 'post')).toBe(1);
    expect(count(page.items, 'comment')).toBe(14);
  });
  it('reads the caption', () => {
    expect(page.items[0]).toMatchObject({
      kind: 'post',
      permalink: 'https://www.instagram.com/p/DFsnKM3pHnC/',
      author: 'joexfitness',
      time: '2025-02-05T16:00:05.000Z',
    });
    expect(page.items[0]?.text).toMatch(/^⇩ Full Recipe/);
    expect(page.items[0]?.text).toContain('#highprotein');
  });
  it('reads comments with /c/<id>/ permalinks', () => {
    const c = page.items[1];
    expect(c).toMatchObject({
      kind: 'comment',
      permalink: 'https://www.instagram.com/p/DFsnKM3pHnC/c/18054160106028510/',
      author: 'mchew_win',
      authorUrl: 'https://www.instagram.com/mchew_win/',
      time: '2025-02-05T20:24:59.000Z',
      text: 'When saved in the refrigerator, do you heat up the cucumbers too?',
    });
    for (const i of page.items.slice(1)) expect(i.permalink).toMatch(/\/p\/DFsnKM3pHnC\/c\/\d+\/$/);
  });
  it('closestItem returns the comment block', () => {
    const el = page.adapter.closestItem(textNode(page.doc, 'heat up the cucumbers'));
    expect(el && page.adapter.extract(el, page.url).author).toBe('mchew_win');
  });
});

describe('instagram post page 2026 (real page)', () => {
  const page = loadFixture(
    'instagram/2026-03-post-with-comments.html',
    'https://www.instagram.com/p/DOuQoNmDKST/?img_index=3',
  );
  it('finds the post and its 5 comments', () => {
    expect(count(page.items, 'post')).toBe(1);
    expect(count(page.items, 'comment')).toBe(5);
  });
  it('reads the post with its own link (not the profile the canonical points to)', () => {
    expect(page.items[0]).toMatchObject({
      permalink: 'https://www.instagram.com/p/DOuQoNmDKST/',
      author: 'columbia.ums',
      time: '2025-09-18T00:10:31.000Z',
    });
    expect(page.items[0]?.text).toContain('Thank you Dr Yoonjoo Kim');
  });
  it('reads comments with /c/<id>/ permalinks and authors', () => {
    expect(
      page.items.slice(1).map((c) => [c.permalink.replace('https://www.instagram.com/p/DOuQoNmDKST/c/', ''), c.author]),
    ).toEqual([
      ['18048464087644380/', 'oxford5comma'],
      ['17866647654451567/', 'williamtgong'],
      ['18079173586950107/', 'oxford5comma'],
      ['17884241733370173/', 'wbetts_'],
      ['18023958989541049/', 'williamj.0'],
    ]);
    expect(page.items[3]).toMatchObject({ text: 'We love abelian varieties 😍😍', time: '2025-09-18T01:55:26.000Z' });
  });
});
