// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { absUrl } from '../../../utils/platforms/dom';
import { fnv1a, mentionKeyFor, normalizeLink, normalizePermalink } from '../../../utils/platforms/mention-key';

describe('normalizePermalink', () => {
  it('strips tracking parameters and keeps identity parameters', () => {
    expect(
      normalizePermalink(
        'https://web.facebook.com/x/posts/1?comment_id=2&reply_comment_id=3&__cft__[0]=AZ&__tn__=R]-R&ref=notif&notif_id=9&fbclid=q&utm_source=a',
        'facebook',
      ),
    ).toBe('https://www.facebook.com/x/posts/1?comment_id=2&reply_comment_id=3');
    expect(normalizePermalink('https://m.facebook.com/story.php?story_fbid=5&id=6&refid=18', 'facebook')).toBe(
      'https://www.facebook.com/story.php?id=6&story_fbid=5',
    );
    expect(normalizePermalink('https://www.youtube.com/watch?v=a&lc=b&pp=x', 'youtube')).toBe(
      'https://www.youtube.com/watch?lc=b&v=a',
    );
    expect(normalizePermalink('https://twitter.com/u/status/1?s=20&t=abc', 'x')).toBe('https://x.com/u/status/1');
  });
  it('writes queries as sorted, form-encoded pairs (left as they are when they already are)', () => {
    const cases: Array<[string, string]> = [
      ['https://a.example/p?b=1&a=2', 'https://a.example/p?a=2&b=1'],
      ['https://a.example/p?a=1&a=0&b=', 'https://a.example/p?a=1&a=0&b='],
      ['https://a.example/p?a', 'https://a.example/p?a='],
      ['https://a.example/p?a=1&&b=2', 'https://a.example/p?a=1&b=2'],
      ['https://a.example/p?a=x+y&c=%41', 'https://a.example/p?a=x+y&c=A'],
      ['https://a.example/p?a=x%20y', 'https://a.example/p?a=x+y'],
      ['https://a.example/p?utm_source=1&a=2#c', 'https://a.example/p?a=2#c'],
      ['https://a.example/p?', 'https://a.example/p'],
    ];
    for (const [href, out] of cases) expect(normalizePermalink(href)).toBe(out);
    expect(normalizePermalink('https://www.facebook.com/p1?comment_id=2&s=1#x', 'facebook')).toBe(
      'https://www.facebook.com/p1?comment_id=2&s=1',
    );
    expect(normalizePermalink('https://x.com/u/status/1?s=1&a=b', 'x')).toBe('https://x.com/u/status/1?a=b');
  });
  it('keeps #anchors only for generic pages', () => {
    expect(normalizePermalink('https://a.example/p#comment-1')).toBe('https://a.example/p#comment-1');
    expect(normalizePermalink('https://x.com/u/status/1#m', 'x')).toBe('https://x.com/u/status/1');
  });
});

describe('normalizeLink', () => {
  const hrefs = [
    'https://web.facebook.com/x/posts/1?comment_id=2&__cft__[0]=AZ&__tn__=R]-R',
    'http://m.facebook.com/story.php?story_fbid=5&id=6&refid=18#frag',
    'HTTPS://Twitter.com/u/status/1?s=20&t=abc',
    '  https://www.youtube.com/watch?v=a&lc=b&pp=x  ',
    'https://a.example/p?',
    'https://a.example/p?#c',
    'https://a.example/p#',
    'https://a.example/p?q=a%20b+c&utm_source=x#c',
    'https://a.example/p?=&&',
    '/groups/1/posts/2/?ref=share',
    '?comment_id=3',
    '#comment-4',
    'javascript:void(0)',
    'https://exa mple.com/',
    '',
  ];
  const platforms = ['facebook', 'x', 'youtube', 'reddit', 'generic'] as const;
  it('is normalizePermalink(absUrl(href, base)), and normalising is idempotent', () => {
    for (const platform of platforms) {
      for (const base of ['https://www.facebook.com/groups/1/', new URL('https://a.example/dir/page?x=1')]) {
        for (const href of hrefs) {
          const abs = absUrl(href, base);
          const expected = abs ? normalizePermalink(abs, platform) : '';
          // twice: the second answer comes from the cache
          expect(normalizeLink(href, base, platform)).toBe(expected);
          expect(normalizeLink(href, base, platform)).toBe(expected);
        }
      }
    }
  });
  it('gives results that normalise to themselves (computed afresh, not from the cache that remembers them so)', async () => {
    vi.resetModules();
    const fresh = await import('../../../utils/platforms/mention-key');
    expect(fresh.normalizePermalink).not.toBe(normalizePermalink);
    for (const platform of platforms) {
      for (const href of hrefs) {
        const out = normalizeLink(href, 'https://www.facebook.com/groups/1/', platform);
        if (out) expect(fresh.normalizePermalink(out, platform)).toBe(out);
      }
    }
  });
});

describe('mentionKeyFor', () => {
  const page = 'https://www.facebook.com/';
  it('uses platform + normalised permalink', () => {
    const a = {
      platform: 'facebook' as const,
      permalink: 'https://web.facebook.com/x/posts/1?__tn__=R',
      author: 'A',
      text: 'x',
    };
    const b = { ...a, permalink: 'https://www.facebook.com/x/posts/1?ref=notif', text: 'changed' };
    expect(mentionKeyFor(a, page)).toBe('facebook:https://www.facebook.com/x/posts/1');
    expect(mentionKeyFor(b, page)).toBe(mentionKeyFor(a, page));
  });
  it('hashes author + whitespace-normalised text when the permalink is the page URL', () => {
    const a = { platform: 'facebook' as const, permalink: page, author: 'Erika', text: 'Die  Brücke\nist gesperrt' };
    const b = { ...a, text: ' Die Brücke ist   gesperrt ' };
    expect(mentionKeyFor(a, page)).toBe(mentionKeyFor(b, page));
    expect(mentionKeyFor(a, page)).toMatch(/^facebook:https:\/\/www\.facebook\.com\/#h-[0-9a-f]{8}$/);
    expect(mentionKeyFor({ ...a, author: 'Max' }, page)).not.toBe(mentionKeyFor(a, page));
  });
  it('fnv1a matches the reference values', () => {
    expect(fnv1a('')).toBe('811c9dc5');
    expect(fnv1a('a')).toBe('e40c292c');
    expect(fnv1a('foobar')).toBe('bf9cf968');
  });
});
