// "Auf dieser Seite": the highlighted mentions of the page in the current tab, in reading order, each a button that
// moves the page's navigator to it (scroll, outline, tooltip, announcement). Polls the tab's content script, which
// sends the list only when its highlights changed, so the list grows as the page loads more.
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { TopicChip } from '../../components/TopicChip';
import { t } from '../../utils/i18n';
import { type PageMention, sendMessage } from '../../utils/messaging';
import type { Profile } from '../../utils/settings';

const POLL_MS = 1500;

interface PageState {
  tabId?: number;
  version?: number;
  items: PageMention[] | null;
  currentId?: number;
}

/**
 * The tab beside the panel: the active one of its window. When the panel runs in a tab or window of its own (opened
 * from the popup as a page, or in the tests) that is the panel itself: then the last focused window's, or any other
 * window's.
 */
async function activeTabId(): Promise<number | undefined> {
  const own = await browser.tabs.getCurrent?.().catch(() => undefined);
  for (const query of [
    { active: true, currentWindow: true },
    { active: true, lastFocusedWindow: true },
    { active: true },
  ]) {
    const tab = (await browser.tabs.query(query)).find((x) => x.id !== own?.id);
    if (tab?.id !== undefined) return tab.id;
  }
  return undefined;
}

/** The keys the user bound to the navigator's commands (they may have changed them). */
function useShortcuts(): Record<string, string> {
  const [keys, setKeys] = useState<Record<string, string>>({});
  useEffect(() => {
    void browser.commands
      ?.getAll()
      .then((all) => setKeys(Object.fromEntries(all.map((c) => [c.name ?? '', c.shortcut || '–']))))
      .catch(() => undefined);
  }, []);
  return keys;
}

export function OnThisPage({ profile }: { profile: Profile }) {
  const [state, setState] = useState<PageState>({ items: null });
  const keys = useShortcuts();

  useEffect(() => {
    let stopped = false;
    let last: PageState = { items: null };
    let timer: ReturnType<typeof setTimeout> | undefined;
    async function poll() {
      const tabId = await activeTabId().catch(() => undefined);
      const version = tabId === last.tabId ? last.version : undefined;
      const res =
        tabId === undefined ? null : await sendMessage('uiListPageMentions', { version }, tabId).catch(() => null);
      if (stopped) return;
      if (!res) last = { tabId, items: null };
      else if (res.items) last = { tabId, version: res.version, items: res.items, currentId: res.currentId };
      else last = { ...last, currentId: res.currentId };
      setState(last);
      timer = setTimeout(poll, POLL_MS);
    }
    void poll();
    const again = () => {
      clearTimeout(timer);
      void poll();
    };
    browser.tabs.onActivated.addListener(again);
    return () => {
      stopped = true;
      clearTimeout(timer);
      browser.tabs.onActivated.removeListener(again);
    };
  }, []);

  async function go(id: number) {
    if (state.tabId === undefined) return;
    await sendMessage('uiGoToPageMention', { id }, state.tabId).catch(() => null);
    setState((s) => ({ ...s, currentId: id }));
  }

  const items = state.items;
  const where = import.meta.env.FIREFOX ? 'about:addons' : 'chrome://extensions/shortcuts';
  return (
    <section aria-labelledby="on-this-page" data-testid="on-this-page">
      <h2 id="on-this-page">{t('navOnThisPage', String(items?.length ?? 0))}</h2>
      <p class="hint">
        {t('navShortcutsHint', [keys['nav-next'] ?? '–', keys['nav-previous'] ?? '–', keys['nav-open'] ?? '–', where])}
      </p>
      {items === null ? (
        <p class="hint">{t('navNoPage')}</p>
      ) : items.length === 0 ? (
        <p class="hint">{t('navOnThisPageEmpty')}</p>
      ) : (
        <ol class="plain" data-testid="on-this-page-list">
          {items.map((m, i) => (
            <li key={m.id}>
              <button
                type="button"
                class="page-mention"
                aria-current={m.id === state.currentId ? 'true' : undefined}
                aria-label={`${i + 1}. ${m.topicLabel} – ‚${m.term}‘: ${m.snippet}. ${t('navJumpTo')}`}
                onClick={() => go(m.id)}
              >
                <span class="row">
                  <TopicChip topicId={m.topicId} topics={profile.topics} municipality={profile.municipality.name} />
                  <b>‚{m.term}‘</b>
                </span>
                <span class="hint page-mention-snippet">{m.snippet}</span>
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
