// What the popup's buttons do beyond a status change: side panel, focusing the post's tab, ignoring everywhere.
import { browser } from 'wxt/browser';
import { activeMentionItem } from '../../utils/background/status-items';
import { getDb } from '../../utils/db';
import { markSeen } from '../../utils/mentions';
import { sendMessage } from '../../utils/messaging';
import type { Mention } from '../../utils/model';

// sidePanel.open() must run inside the click's user gesture, before any await: know the window beforehand.
let windowId: number | undefined;
void browser.windows.getCurrent().then((w) => {
  windowId = w.id;
});

export function openSidePanel(mention?: Mention) {
  // Chromium has sidePanel, Firefox (MV2) sidebarAction; neither is in the other's typings.
  const panels = browser as unknown as {
    sidePanel?: { open(o: { windowId: number }): Promise<void> };
    sidebarAction?: { open(): Promise<void> };
  };
  const opening =
    panels.sidePanel && windowId !== undefined
      ? panels.sidePanel.open({ windowId })
      : (panels.sidebarAction?.open() ?? Promise.resolve());
  const remember = mention
    ? browser.tabs
        .query({ active: true, currentWindow: true })
        .then(([tab]) => activeMentionItem.setValue({ mentionKey: mention.mentionKey, tabId: tab?.id }))
    : Promise.resolve();
  Promise.all([opening, remember])
    .then(() => window.close())
    .catch((err) => console.warn('[Lauscher] side panel', err));
}

/** Brings a tab showing the post to the front (the background knows the tabs), else opens one. */
export async function openMention(mention: Mention) {
  await markSeen(getDb(), [mention.id]);
  await sendMessage('uiOpenPermalink', { url: mention.permalink });
}

/** Marks it ignored and has the background remove its highlights from every open tab. */
export function ignoreMention(mention: Mention): Promise<void> {
  return sendMessage('uiIgnoreMention', { id: mention.id });
}
