// Per-site modes and the background's second line: only "log" sites outside private areas reach the log.
import { describe, expect, it } from 'vitest';
import { mayLog, pageModeOf, siteKeyOf, siteModeOf } from '../../utils/privacy/site-modes';

const u = (s: string) => new URL(s);

describe('site modes', () => {
  it('keys built-in sites by platform and user-added sites by their pattern', () => {
    expect(siteKeyOf(u('https://m.facebook.com/groups/1'))).toBe('facebook');
    expect(siteKeyOf(u('https://twitter.com/a'))).toBe('x');
    expect(siteKeyOf(u('https://chaos.social/@a'))).toBe('mastodon');
    expect(siteKeyOf(u('https://www.Lokalzeitung.de/a'))).toBe('*://www.lokalzeitung.de/*');
  });

  it('logs where nothing is set; observe and off where set', () => {
    const modes = { facebook: 'observe', '*://www.lokalzeitung.de/*': 'off' } as const;
    expect(siteModeOf(u('https://www.facebook.com/groups/1'), modes)).toBe('observe');
    expect(siteModeOf(u('https://www.lokalzeitung.de/a'), modes)).toBe('off');
    expect(siteModeOf(u('https://x.com/home'), modes)).toBe('log');
    expect(siteModeOf(u('https://x.com/home'), { x: 'bogus' as never })).toBe('log');
    expect(pageModeOf(u('https://x.com/messages'), {})).toBe('off');
  });

  it('the background stores only mentions from "log" pages outside private areas', () => {
    const m = (pageUrl: string, permalink = pageUrl) => ({ pageUrl, permalink });
    expect(mayLog(m('https://www.facebook.com/groups/musterstadt/'), {})).toBe(true);
    expect(mayLog(m('https://www.facebook.com/groups/musterstadt/'), { facebook: 'observe' })).toBe(false);
    expect(mayLog(m('https://www.facebook.com/groups/musterstadt/'), { facebook: 'off' })).toBe(false);
    expect(mayLog(m('https://www.facebook.com/groups/musterstadt/'), { x: 'off' })).toBe(true);
    expect(mayLog(m('https://www.facebook.com/messages/t/1/'), {})).toBe(false);
    expect(mayLog(m('https://www.facebook.com/groups/1/', 'https://www.messenger.com/t/1'), {})).toBe(false);
    expect(mayLog(m('kaputt'), {})).toBe(false);
  });
});
