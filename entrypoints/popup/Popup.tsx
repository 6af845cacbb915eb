import { browser } from 'wxt/browser';
import { MentionCard } from '../../components/MentionCard';
import { TopicChip } from '../../components/TopicChip';
import { useLiveQuery } from '../../components/use-live-query';
import { useStorageItem } from '../../components/use-storage-item';
import {
  activeMentionItem,
  markupChangedItem,
  settingsProblemsItem,
  storageProblemItem,
} from '../../utils/background/status-items';
import { getDb } from '../../utils/db';
import { t, tr } from '../../utils/i18n';
import { platformLabel } from '../../utils/labels';
import { digest, markSeen, setStatus } from '../../utils/mentions';
import type { Mention } from '../../utils/model';
import { isWithinOfficeHours } from '../../utils/office-hours';
import { DEMO_PROFILE, officeHoursItem, profileItem } from '../../utils/settings';

// sidePanel.open() must run inside the click's user gesture, before any await: know the window beforehand.
let windowId: number | undefined;
void browser.windows.getCurrent().then((w) => {
  windowId = w.id;
});

function openSidePanel(mention?: Mention) {
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

export function Popup() {
  const profile = useStorageItem(profileItem) ?? DEMO_PROFILE;
  const officeHours = useStorageItem(officeHoursItem);
  const markupChanged = useStorageItem(markupChangedItem) ?? {};
  const storageProblem = useStorageItem(storageProblemItem);
  const settingsProblems = useStorageItem(settingsProblemsItem) ?? [];
  const urgentTopicIds = profile.topics.filter((x) => x.urgent).map((x) => x.id);
  const d = useLiveQuery(() => digest(getDb(), { urgentTopicIds, topLimit: 8 }), [urgentTopicIds.join()]);
  const urgent = new Set(urgentTopicIds);
  const db = getDb();

  return (
    <>
      <main>
        <header class="row" style={{ justifyContent: 'space-between' }}>
          <h1>Lauscher</h1>
          <span class="hint">
            {t('digestMunicipality')}: <strong>{profile.municipality.name}</strong>
          </span>
        </header>

        {Object.entries(markupChanged).map(([platform]) => (
          <p class="notice warn" role="status" key={platform} data-testid="markup-changed">
            {t('markupChanged', platformLabel(tr, platform))}
          </p>
        ))}
        {settingsProblems.length > 0 && (
          <p class="notice warn" role="status" data-testid="settings-problems">
            {t('namesSettingsProblems', settingsProblems.map((p) => `„${p.term}“`).join(', '))}
          </p>
        )}
        {storageProblem && (
          <p class="notice warn" role="alert">
            {storageProblem.message}
          </p>
        )}
        {officeHours && !isWithinOfficeHours(new Date(), officeHours) && (
          <p class="notice">{t('outsideOfficeHours')}</p>
        )}

        <section class="stats" aria-label={t('popupTitle')}>
          <div class="stat">
            <strong data-testid="digest-today-count">{d?.today ?? 0}</strong>
            <span>{t('digestToday')}</span>
          </div>
          <div class="stat">
            <strong data-testid="digest-yesterday-count">{d?.yesterday ?? 0}</strong>
            <span>{t('digestYesterday')}</span>
          </div>
          <div class="stat">
            <strong data-testid="digest-unanswered-count">{d?.unanswered ?? 0}</strong>
            <span>
              {t('digestUnanswered')}
              {d?.urgentUnanswered ? ` (${d.urgentUnanswered} ${t('urgent')})` : ''}
            </span>
          </div>
        </section>

        {d && d.today > 0 && (
          <div class="cols">
            <section aria-labelledby="by-topic">
              <h2 id="by-topic">{t('digestByTopic')}</h2>
              <ul class="plain bars" data-testid="digest-by-topic">
                {Object.entries(d.byTopic)
                  .sort((a, b) => b[1] - a[1])
                  .map(([id, n]) => (
                    <li key={id}>
                      <TopicChip topicId={id} topics={profile.topics} municipality={profile.municipality.name} />
                      <strong>{n}</strong>
                    </li>
                  ))}
              </ul>
            </section>
            <section aria-labelledby="by-platform">
              <h2 id="by-platform">{t('digestByPlatform')}</h2>
              <ul class="plain bars" data-testid="digest-by-platform">
                {Object.entries(d.byPlatform)
                  .sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0))
                  .map(([p, n]) => (
                    <li key={p}>
                      <span>{platformLabel(tr, p)}</span>
                      <strong>{n}</strong>
                    </li>
                  ))}
              </ul>
            </section>
          </div>
        )}

        <section aria-labelledby="latest">
          <h2 id="latest">{t('digestLatest')}</h2>
          {d && d.top.length === 0 && <p class="hint">{t('digestEmpty')}</p>}
          <div data-testid="digest-list">
            {d?.top.map((m) => (
              <MentionCard
                key={m.id}
                mention={m}
                profile={profile}
                urgent={m.topicIds.some((x) => urgent.has(x)) && (m.status === 'new' || m.status === 'seen')}
              >
                <div class="row">
                  <a
                    class="button"
                    href={m.permalink}
                    target="_blank"
                    rel="noreferrer noopener"
                    onClick={() => markSeen(db, [m.id])}
                  >
                    {t('openLink')}
                  </a>
                  <button type="button" onClick={() => openSidePanel(m)}>
                    {t('sidepanelTitle')}
                  </button>
                  {m.status !== 'answered' && (
                    <button type="button" onClick={() => setStatus(db, m.id, 'answered')}>
                      {t('markAnswered')}
                    </button>
                  )}
                  {m.status !== 'ignored' && (
                    <button type="button" onClick={() => setStatus(db, m.id, 'ignored')}>
                      {t('markIgnored')}
                    </button>
                  )}
                </div>
              </MentionCard>
            ))}
          </div>
        </section>
      </main>
      <footer>
        <button type="button" class="primary" data-testid="open-sidepanel" onClick={() => openSidePanel()}>
          {t('openSidePanel')}
        </button>
        <button type="button" data-testid="open-options" onClick={() => browser.runtime.openOptionsPage()}>
          {t('openOptions')}
        </button>
      </footer>
    </>
  );
}
