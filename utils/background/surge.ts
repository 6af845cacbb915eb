// Surge alerts: when a topic suddenly draws far more mentions than usual, a desktop notification during office
// hours, once per topic per surge ("Ungewöhnlich viele Erwähnungen: Hochwasser – 14 in der letzten Stunde").
import Dexie from 'dexie';
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { getDb } from '../db';
import { t } from '../i18n';
import { MUNICIPALITY_TOPIC } from '../matcher';
import { isWithinOfficeHours } from '../office-hours';
import { officeHoursItem, profileItem, responsePromiseItem, surgeRuleItem } from '../settings';
import { surgeStep, TRAILING_HOURS, topicRates } from '../surge';
import { HOUR_MS } from '../working-hours';

const SURGE_ALARM = 'lauscher-surge';
export const SURGE_NOTIFICATION_PREFIX = 'lauscher-surge:';

/** Topics alerted during their current surge; session storage, so a restarted service worker does not repeat. */
const alertedItem = storage.defineItem<string[]>('session:surgeAlerted', { fallback: [] });

let running: Promise<string[]> = Promise.resolve([]);
let pending: ReturnType<typeof setTimeout> | undefined;

async function check(now: number): Promise<string[]> {
  const [rule, hours, promise, profile, alerted] = await Promise.all([
    surgeRuleItem.getValue(),
    officeHoursItem.getValue(),
    responsePromiseItem.getValue(),
    profileItem.getValue(),
    alertedItem.getValue(),
  ]);
  const since = now - (TRAILING_HOURS + 1) * HOUR_MS;
  const rows = await getDb().mentions.where('firstSeen').aboveOrEqual(since).toArray();
  const step = surgeStep(
    topicRates(rows, now),
    rule,
    alerted,
    isWithinOfficeHours(new Date(now), hours, promise.holidays),
  );
  await alertedItem.setValue(step.alerted);
  const label = (id: string) =>
    id === MUNICIPALITY_TOPIC ? profile.municipality.name : (profile.topics.find((x) => x.id === id)?.label ?? id);
  for (const rate of step.alert) {
    await browser.notifications.create(`${SURGE_NOTIFICATION_PREFIX}${rate.topicId}:${now}`, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/notification-icon.png'),
      title: t('digestSurgeTitle'),
      message: t('digestSurgeMessage', [label(rate.topicId), String(rate.lastHour)]),
    });
  }
  return step.alert.map((r) => r.topicId);
}

/** Evaluates the surge rule now (one check at a time); resolves with the topics alerted. */
export function checkSurge(now = Date.now()): Promise<string[]> {
  running = running.catch(() => []).then(() => check(now));
  return running;
}

export function setUpSurge() {
  // Surges also end (and office hours begin) without a write: look again every few minutes.
  void browser.alarms.create(SURGE_ALARM, { periodInMinutes: 5 });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SURGE_ALARM) void checkSurge();
  });
  // New rules, office hours or days off change the answer without any new mention.
  for (const item of [surgeRuleItem, officeHoursItem, responsePromiseItem]) {
    item.watch(() => void checkSurge().catch((err) => console.warn('[Lauscher] surge', err)));
  }
  Dexie.on('storagemutated', () => {
    if (pending) clearTimeout(pending);
    pending = setTimeout(() => {
      pending = undefined;
      void checkSurge().catch((err) => console.warn('[Lauscher] surge', err));
    }, 500);
  });
  // A click on the alert opens the popup's digest in a tab (the popup itself cannot be opened from here everywhere).
  browser.notifications.onClicked.addListener((id) => {
    if (id.startsWith(SURGE_NOTIFICATION_PREFIX))
      void browser.tabs.create({ url: browser.runtime.getURL('/popup.html') });
  });
}
