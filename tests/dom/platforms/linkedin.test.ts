// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { loadFixture, textNode } from './load';

describe('linkedin feed post with comments (built fixture)', () => {
  const page = loadFixture('linkedin/feed-post-comments.html', 'https://www.linkedin.com/feed/');
  it('finds the post, a comment and a reply', () => {
    expect(page.adapter.id).toBe('linkedin');
    expect(page.items.map((i) => i.kind)).toEqual(['post', 'comment', 'comment']);
  });
  it('builds permalinks from the URNs', () => {
    expect(page.items[0]).toMatchObject({
      permalink: 'https://www.linkedin.com/feed/update/urn:li:activity:7200000000000000001/',
      author: 'Stadt Musterstadt',
      authorUrl: 'https://www.linkedin.com/company/stadt-musterstadt/',
      time: '2 Tage',
      text: 'Wir suchen Verstärkung für das Bürgeramt Musterstadt! Bewerbungen bis 30. Juni.',
    });
    expect(page.items[1]).toMatchObject({
      permalink:
        'https://www.linkedin.com/feed/update/urn:li:activity:7200000000000000001/?commentUrn=urn%3Ali%3Acomment%3A(activity%3A7200000000000000001%2C7200000000000000101)',
      author: 'Erika Muster',
      time: '1 Tag',
      text: 'Gibt es die Stelle auch in Teilzeit?',
    });
    expect(page.items[2]).toMatchObject({ author: 'Stadt Musterstadt', text: 'Ja, Teilzeit ist möglich.' });
  });
  it('closestItem returns the innermost comment', () => {
    expect(page.adapter.closestItem(textNode(page.doc, 'Teilzeit ist möglich'))?.getAttribute('data-id')).toContain(
      '7200000000000000102',
    );
  });
});
