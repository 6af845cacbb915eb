// Opening the side panel for a mention picked on the page (tooltip) and remembering which one it is.
import { browser } from 'wxt/browser';
import { onMessage } from '../messaging';
import { activeMentionItem, markupChangedItem } from './status-items';

/** Firefox's sidebar (not in Chromium's typings). */
const sidebarAction = (browser as unknown as { sidebarAction?: { open(): Promise<void> } }).sidebarAction;

export function setUpSidePanel() {
  // The toolbar button opens the popup; the side panel opens from the popup or the on-page tooltip.
  void browser.sidePanel?.setPanelBehavior?.({ openPanelOnActionClick: false }).catch(() => undefined);

  onMessage('csOpenInSidePanel', async ({ data, sender }) => {
    const tabId = sender.tab?.id;
    // open() must run while the click's user gesture is still valid, before any await.
    const opening =
      tabId !== undefined && browser.sidePanel?.open
        ? browser.sidePanel.open({ tabId }).catch(() => undefined)
        : sidebarAction?.open().catch(() => undefined);
    await activeMentionItem.setValue({ mentionKey: data.mentionKey, tabId });
    await opening;
  });

  onMessage('csReportMarkupChanged', async ({ data }) => {
    const current = await markupChangedItem.getValue();
    await markupChangedItem.setValue({ ...current, [data.platform]: { url: data.url, at: Date.now() } });
  });
}
