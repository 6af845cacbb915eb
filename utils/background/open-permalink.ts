// "Beitrag öffnen" from the popup: a tab already showing the post is brought to the front instead of a second one.
// Tab URLs are visible to the extension for the sites it has host access to (its built-in social sites and the
// sites the user granted), which are the sites permalinks point to.
import { browser } from 'wxt/browser';
import { onMessage } from '../messaging';

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
  const tab = tabs.find((t) => t.url && samePermalink(t.url, url));
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
