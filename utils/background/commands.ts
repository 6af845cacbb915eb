// Keyboard shortcuts of the mention navigator (manifest `commands`, rebindable at chrome://extensions/shortcuts or
// Firefox's add-on shortcuts): the background forwards each to the active tab's content script
// (utils/content/navigator.ts); "open the current one" opens the side panel for it.
import { browser } from 'wxt/browser';
import { type NavCommand, sendMessage } from '../messaging';
import { activeMentionItem } from './status-items';

/** Firefox's sidebar (not in Chromium's typings). */
const sidebarAction = (browser as unknown as { sidebarAction?: { open(): Promise<void> } }).sidebarAction;

const NAV_COMMANDS: readonly string[] = ['nav-next', 'nav-previous', 'nav-open'] satisfies NavCommand[];

/** Runs one navigator command for a tab (the active one when the shortcut carries none). */
export async function runNavCommand(command: string, tab?: { id?: number }): Promise<void> {
  if (!NAV_COMMANDS.includes(command)) return;
  let tabId = tab?.id;
  // sidePanel.open / sidebarAction.open need the shortcut's user gesture: call them before any await.
  const opening =
    command === 'nav-open'
      ? tabId !== undefined && browser.sidePanel?.open
        ? browser.sidePanel.open({ tabId }).catch(() => undefined)
        : sidebarAction?.open().catch(() => undefined)
      : undefined;
  if (tabId === undefined) tabId = (await browser.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id;
  if (tabId === undefined) return;
  // A tab without Lauscher's content script (another site, not granted) has nothing to walk.
  const res = await sendMessage('bgNavCommand', { command: command as NavCommand }, tabId).catch(() => null);
  if (command === 'nav-open' && res?.mention) {
    await activeMentionItem.setValue({ mentionKey: res.mention.mentionKey, tabId });
  }
  await opening;
}

export function setUpCommands() {
  browser.commands?.onCommand.addListener((command, tab) => void runNavCommand(command, tab));
  // e2e build only: Playwright's key presses go to the page, not to the browser's shortcut handling, so the tests
  // run a command the way onCommand receives it.
  if (import.meta.env.MODE === 'e2e') {
    (globalThis as unknown as { lauscherRunCommand: typeof runNavCommand }).lauscherRunCommand = runNavCommand;
  }
}
