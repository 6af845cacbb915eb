// "Beitrag öffnen" from the popup: a tab already showing the post is brought to the front instead of a second one.
// Without the "tabs" permission (its install warning reads "browsing history") Chromium hides the URL of tabs on
// sites Lauscher only has content scripts for, so such a tab is asked by its content script which page it shows.
import { browser } from 'wxt/browser';
import { onMessage, sendMessage } from '../messaging';

/** Same post: scheme, host (without "www." / "m."), path (without trailing slash) and query; the fragment ignored. */
export function samePermalink(a: string, b: string): boolean {
  const key = (u: string) => {
    try {
      const url = new URL(u);
      const host = url.hostname.replace(/^(www|m|mobile)\./, '');
      return `${host}${url.pathname.replace(/\/+$/, '')}${url.search}`;
    } catch {
      return u;
    }
  };
  return key(a) === key(b);
}

export async function openPermalink(url: string): Promise<{ focused: boolean }> {
  const tabs = await browser.tabs.query({});
  const urls = await Promise.all(
    tabs.map((t) =>
      t.url || t.id === undefined
        ? t.url
        : sendMessage('bgAskPageUrl', undefined, t.id).then(
            (r) => r?.url,
            () => undefined,
          ),
    ),
  );
  const tab = tabs.find((_, i) => {
    const u = urls[i];
    return !!u && samePermalink(u, url);
  });
  if (tab?.id !== undefined) {
    await browser.tabs.update(tab.id, { active: true });
    if (tab.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true });
    return { focused: true };
  }
  await browser.tabs.create({ url, active: true });
  return { focused: false };
}

export function setUpOpenPermalink() {
  onMessage('uiOpenPermalink', ({ data }) => openPermalink(data.url));
}
