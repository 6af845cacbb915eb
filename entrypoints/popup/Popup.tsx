import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { TopicChip } from '../../components/TopicChip';
import { useLiveQuery } from '../../components/use-live-query';
import { useStorageItem } from '../../components/use-storage-item';
import { markupChangedItem, settingsProblemsItem, storageProblemItem } from '../../utils/background/status-items';
import { getDb } from '../../utils/db';
import { startOfBerlinDay } from '../../utils/digest/berlin';
import { formatDuration, formatShare } from '../../utils/digest/format';
import { loadDigest } from '../../utils/digest/load';
import type { QueueFilter } from '../../utils/digest/queue';
import { t, tr, uiLang } from '../../utils/i18n';
import { platformLabel } from '../../utils/labels';
import { MUNICIPALITY_TOPIC } from '../../utils/matcher';
import { isWithinOfficeHours } from '../../utils/office-hours';
import {
  DEFAULT_OFFICE_HOURS,
  DEFAULT_RESPONSE_PROMISE,
  DEMO_PROFILE,
  officeHoursItem,
  profileItem,
  responsePromiseItem,
} from '../../utils/settings';
import { teamDisplayName, teamSettingsItem, worksInTeam } from '../../utils/sync/settings';
import { openSidePanel } from './actions';
import { DigestStats } from './DigestStats';
import { QueueFilters } from './QueueFilters';
import { PAGE_SIZE, QueueList } from './QueueList';

/** The current minute: relative times, "today" and "overdue" move on while the popup stays open. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(id);
  }, []);
  return now;
}

export function Popup() {
  const lang = uiLang();
  const profile = useStorageItem(profileItem) ?? DEMO_PROFILE;
  const officeHours = useStorageItem(officeHoursItem);
  const promise = useStorageItem(responsePromiseItem) ?? DEFAULT_RESPONSE_PROMISE;
  const markupChanged = useStorageItem(markupChangedItem) ?? {};
  const storageProblem = useStorageItem(storageProblemItem);
  const settingsProblems = useStorageItem(settingsProblemsItem) ?? [];
  const now = useNow();
  const [day, setDay] = useState<number | undefined>(undefined);
  const [filter, setFilter] = useState<QueueFilter>({});
  const team = useStorageItem(teamSettingsItem);
  const showWho = team ? worksInTeam(team) : false;
  // A "von mir" chosen before sync was switched off (and the name removed) would filter invisibly: dropped.
  const { who, ...rest } = filter;
  const queueFilter: QueueFilter = who && team && showWho ? { ...rest, who, me: teamDisplayName(team) } : rest;
  /** Cards asked for so far: the digest reads only these rows in full (50 more per "show more"). */
  const [shown, setShown] = useState(PAGE_SIZE);
  const urgentTopicIds = profile.topics.filter((x) => x.urgent).map((x) => x.id);
  const topicIds = [MUNICIPALITY_TOPIC, ...profile.topics.map((x) => x.id)];
  const wt = { hours: officeHours ?? DEFAULT_OFFICE_HOURS, holidays: promise.holidays };
  const d = useLiveQuery(
    () =>
      loadDigest(getDb(), {
        now,
        day,
        urgentTopicIds,
        topicIds,
        wt,
        promiseHours: promise.hours,
        filter: queueFilter,
        offset: 0,
        limit: shown,
      }),
    [
      now,
      day,
      urgentTopicIds.join(),
      topicIds.join(),
      JSON.stringify(wt),
      promise.hours,
      JSON.stringify(queueFilter),
      shown,
    ],
  );
  const todayStart = startOfBerlinDay(now);

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
        {officeHours && !isWithinOfficeHours(new Date(now), officeHours, promise.holidays) && (
          <p class="notice">{t('outsideOfficeHours')}</p>
        )}

        {d && <DigestStats d={d} todayStart={todayStart} onDay={(x) => setDay(x >= todayStart ? undefined : x)} />}

        {d && d.dayCount > 0 && (
          <div class="cols">
            <section aria-labelledby="by-topic">
              <h2 id="by-topic">{t('digestByTopic')}</h2>
              <ul class="plain bars" data-testid="digest-by-topic">
                {Object.entries(d.byTopic)
                  .sort((a, b) => b[1] - a[1])
                  .map(([id, n]) => (
                    <li key={id} data-testid={`digest-topic-${id}`}>
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

        {d && (
          <section aria-labelledby="promise" class="promise">
            <h2 id="promise">{t('digestPromiseHeading', String(promise.hours))}</h2>
            <dl class="figures">
              <div>
                <dt>{t('digestMedian')}</dt>
                <dd data-testid="response-median">
                  {d.response.medianMs === undefined ? '–' : formatDuration(d.response.medianMs, lang)}
                </dd>
              </div>
              <div>
                <dt>{t('digestWithinPromise')}</dt>
                <dd data-testid="response-within-promise">
                  {d.response.withinShare === undefined ? '–' : formatShare(d.response.withinShare, lang)}
                </dd>
              </div>
              <div>
                <dt>{t('digestOverdueCount')}</dt>
                <dd data-testid="digest-overdue-count" class={d.overdue ? 'error' : ''}>
                  {d.overdue}
                </dd>
              </div>
            </dl>
            <p class="hint">{t('digestResponseBasis', [String(d.response.answered), String(d.response.missed)])}</p>
          </section>
        )}

        <section aria-labelledby="queue">
          <h2 id="queue" tabIndex={-1}>
            {t('digestLatest')} <span data-testid="digest-unanswered-count">{d?.open ?? 0}</span>
            {d?.urgentOpen ? ` (${d.urgentOpen} ${t('urgent')})` : ''}
          </h2>
          <QueueFilters filter={filter} profile={profile} showWho={showWho} onChange={setFilter} />
          {d && (
            <p class="hint" aria-live="polite" data-testid="digest-queue-count">
              {t('digestQueueCount', String(d.queueTotal))}
            </p>
          )}
          {d && (
            <QueueList
              queue={d.queue}
              total={d.queueTotal}
              profile={profile}
              now={now}
              onMore={() => setShown(d.queue.length + PAGE_SIZE)}
            />
          )}
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
