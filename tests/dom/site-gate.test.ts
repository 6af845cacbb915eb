// @vitest-environment happy-dom
// The content script's URL gate, per site: a session runs on ordinary pages, ends when SPA navigation enters a
// private area and starts again when it leaves; a private page reads no setting at all; site modes restart or end it.
import { describe, expect, it, vi } from 'vitest';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { gatePage, type PageScope, type RunningMode } from '../../utils/content/site-gate';
import { siteModesItem } from '../../utils/settings';

type Session = { scope: PageScope; mode: RunningMode };
/** happy-dom's own handle on the window (not in the DOM typings). */
const setUrl = (url: string) => (window as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM.setURL(url);

function harness(startUrl: string) {
  const controller = new AbortController();
  let onLocation: ((e: Event) => void) | undefined;
  const ctx = {
    signal: controller.signal,
    get isInvalid() {
      return controller.signal.aborted;
    },
    onInvalidated(cb: () => void) {
      controller.signal.addEventListener('abort', cb);
      return () => controller.signal.removeEventListener('abort', cb);
    },
    addEventListener(_target: EventTarget, type: string, handler: (e: Event) => void) {
      if (type === 'wxt:locationchange') onLocation = handler;
    },
  } as unknown as ContentScriptContext;
  const sessions: Session[] = [];
  setUrl(startUrl);
  gatePage(ctx, (scope, mode) => sessions.push({ scope, mode }));
  return {
    sessions,
    active: () => sessions.filter((s) => !s.scope.signal.aborted),
    navigate(url: string) {
      setUrl(url);
      onLocation?.(Object.assign(new Event('wxt:locationchange'), { newUrl: new URL(url) }));
    },
    stop: () => controller.abort(),
  };
}

const settle = () => new Promise((r) => setTimeout(r, 10));

const SITES: Array<[string, string, string]> = [
  ['facebook', 'https://www.facebook.com/groups/musterstadt/', 'https://www.facebook.com/messages/t/61559931025910/'],
  ['x', 'https://x.com/home', 'https://x.com/messages/123-456'],
  ['instagram', 'https://www.instagram.com/p/Cabc/', 'https://www.instagram.com/direct/inbox/'],
  ['youtube', 'https://www.youtube.com/watch?v=abc', 'https://www.youtube.com/account'],
  ['reddit', 'https://www.reddit.com/r/de/', 'https://www.reddit.com/message/inbox/'],
  ['linkedin', 'https://www.linkedin.com/feed/', 'https://www.linkedin.com/messaging/thread/2-abc/'],
  ['nebenan', 'https://nebenan.de/feed', 'https://nebenan.de/messages/42'],
  ['mastodon', 'https://mastodon.social/@stadt', 'https://mastodon.social/conversations'],
  ['an added site', 'https://www.lokalzeitung.de/lokales/a', 'https://www.lokalzeitung.de/mein-konto/'],
];

describe('site gate', () => {
  it.each(SITES)(
    '%s: runs, stops on SPA navigation into the private area, runs again out of it',
    async (_s, open, priv) => {
      const page = harness(open);
      await settle();
      expect(page.active().map((s) => s.mode)).toEqual(['log']);
      page.navigate(priv);
      // Synchronously: the session's own navigation handler must not run on the private page.
      expect(page.active()).toEqual([]);
      await settle();
      expect(page.active()).toEqual([]);
      page.navigate(open);
      await settle();
      expect(page.active()).toHaveLength(1);
      expect(page.sessions).toHaveLength(2);
      page.stop();
      expect(page.active()).toEqual([]);
    },
  );

  it('a page opened in a private area starts nothing and reads no setting', async () => {
    const read = vi.spyOn(siteModesItem, 'getValue');
    const page = harness('https://www.facebook.com/messages/t/1/');
    await settle();
    expect(page.sessions).toEqual([]);
    expect(read).not.toHaveBeenCalled();
    page.navigate('https://www.facebook.com/groups/musterstadt/');
    await settle();
    expect(page.active()).toHaveLength(1);
    expect(read).toHaveBeenCalled();
    page.stop();
    read.mockRestore();
  });

  it('follows the site mode: observe restarts the session, off ends it, other sites are unaffected', async () => {
    const page = harness('https://www.facebook.com/groups/musterstadt/');
    await settle();
    await siteModesItem.setValue({ facebook: 'observe' });
    await settle();
    expect(page.active().map((s) => s.mode)).toEqual(['observe']);
    await siteModesItem.setValue({ facebook: 'off', x: 'off' });
    await settle();
    expect(page.active()).toEqual([]);
    await siteModesItem.setValue({ x: 'off' });
    await settle();
    expect(page.active().map((s) => s.mode)).toEqual(['log']);
    page.stop();
  });
});
