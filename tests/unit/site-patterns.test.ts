import { describe, expect, it } from 'vitest';
import { isBuiltIn, sitePatternFor } from '../../utils/site-patterns';

describe('sitePatternFor', () => {
  it.each([
    ['www.lokalzeitung.de', '*://www.lokalzeitung.de/*'],
    ['https://www.Lokalzeitung.de/artikel/123?x=1#c', '*://www.lokalzeitung.de/*'],
    ['http://social.example.org', '*://social.example.org/*'],
    ['  musterstadt.social/@rathaus  ', '*://musterstadt.social/*'],
  ])('%s → %s', (input, pattern) => {
    expect(sitePatternFor(input)).toEqual({
      ok: true,
      pattern,
      host: new URL(`https://${pattern.slice(4, -2)}`).hostname,
    });
  });

  it.each(['', 'localhost', 'ftp://files.example.de', 'http://', 'nicht eine adresse'])(
    'refuses %j with a message',
    (input) => {
      const r = sitePatternFor(input);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.messageKey).toMatch(/^validateSite/);
    },
  );

  it('refuses sites Lauscher already covers', () => {
    const r = sitePatternFor('https://m.facebook.com/groups/1');
    expect(r.ok).toBe(false);
    expect(isBuiltIn('www.reddit.com')).toBe(true);
    expect(isBuiltIn('x.com')).toBe(true);
    expect(isBuiltIn('notfacebook.com')).toBe(false);
  });
});
