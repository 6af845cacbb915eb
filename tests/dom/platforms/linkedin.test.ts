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

describe('linkedin feed 2022 (real page)', () => {
  const page = loadFixture('linkedin/2022-05-feed.html', 'https://www.linkedin.com/feed/');
  it('finds the 5 rendered posts and 1 comment, not the 18 empty placeholders of scrolled-away posts', () => {
    expect(page.items.map((i) => [i.kind, i.author])).toEqual([
      ['post', 'Tirthajyoti Sarkar'],
      ['comment', 'Dipanjan Sarkar'],
      ['post', 'Fact of the Day 1'],
      ['post', 'Ankit Rathi'],
      ['post', 'Rippling'],
      ['post', 'Cleartrip'],
    ]);
  });
  it('builds permalinks from the URNs and reads actor, time and text', () => {
    expect(page.items[2]).toMatchObject({
      permalink: 'https://www.linkedin.com/feed/update/urn:li:activity:6928570407885185024/',
      authorUrl: 'https://www.linkedin.com/company/fact-of-the-day-1/',
      time: '15h',
    });
    expect(page.items[2]?.text).toMatch(/^Airbnb announced this week/);
    expect(page.items[1]?.permalink).toBe(
      'https://www.linkedin.com/feed/update/urn:li:activity:6928554449615413248/?commentUrn=urn%3Ali%3Acomment%3A(activity%3A6928554449615413248%2C6928572358391726080)',
    );
  });
  it('marks the promoted post (highlighted, not logged)', () => {
    expect(page.items.filter((i) => i.promoted).map((i) => i.author)).toEqual(['Rippling']);
  });
});

describe('linkedin 2026 markup without the feed-shared classes (built fixture)', () => {
  const page = loadFixture('linkedin/2026-feed-new-markup.html', 'https://www.linkedin.com/feed/');
  it('finds posts by their "Feed post" heading and URNs, the comment by its URN; skips the empty placeholder', () => {
    expect(page.items.map((i) => [i.kind, i.permalink, i.author])).toEqual([
      ['post', 'https://www.linkedin.com/feed/update/urn:li:activity:7400000000000000001/', 'Stadt Musterstadt'],
      [
        'comment',
        'https://www.linkedin.com/feed/update/urn:li:activity:7400000000000000001/?commentUrn=urn%3Ali%3Acomment%3A(activity%3A7400000000000000001%2C7400000000000000101)',
        'Max Mustermann',
      ],
      ['post', 'https://www.linkedin.com/feed/update/urn:li:activity:7400000000000000002/', 'Beispiel Software GmbH'],
      ['post', 'https://www.linkedin.com/posts/lisa-neu_radweg-activity-7400000000000000004-AbCd', 'Lisa Neu'],
    ]);
  });
  it('reads text without the heading, the "likes this" line, buttons or "Copy link"; the time from the actor line', () => {
    expect(page.items[0]).toMatchObject({
      time: '2d',
      text: 'Ab Montag ist das Bürgeramt Musterstadt wieder zu den gewohnten Zeiten geöffnet.',
    });
    expect(page.items[1]?.text).toBe('Danke für die Info, Musterstadt!');
    expect(page.items[3]).toMatchObject({ time: '5h', text: 'Neuer Radweg in Musterstadt eröffnet.' });
    expect(page.items[2]?.promoted).toBe(true);
  });
  it('closestItem: the comment inside its post, the post from its text', () => {
    expect(page.adapter.closestItem(textNode(page.doc, 'Danke für die Info'))?.tagName).toBe('ARTICLE');
    expect(page.adapter.closestItem(textNode(page.doc, 'Neuer Radweg'))?.querySelector('h2')?.textContent).toBe(
      'Feed post',
    );
  });
});
