// The toolbar badge: how many mentions from today are still new, in the urgent colour while one of them belongs to
// an urgent topic. Quiet outside the published office hours.
import Dexie from 'dexie';
import { browser } from 'wxt/browser';
import { getDb } from '../db';
import { startOfBerlinDay } from '../digest/berlin';
import { isWithinOfficeHours } from '../office-hours';
import { officeHoursItem, profileItem, responsePromiseItem } from '../settings';

const BADGE_ALARM = 'lauscher-badge';
let pending: ReturnType<typeof setTimeout> | undefined;

export const BADGE_COLOR = '#0b57d0';
export const BADGE_URGENT_COLOR = '#c5221f';

export async function updateBadge(now = new Date()): Promise<string> {
  const [hours, promise, profile] = await Promise.all([
    officeHoursItem.getValue(),
    responsePromiseItem.getValue(),
    profileItem.getValue(),
  ]);
  let text = '';
  let urgent = false;
  if (isWithinOfficeHours(now, hours, promise.holidays)) {
    const urgentIds = new Set(profile.topics.filter((x) => x.urgent).map((x) => x.id));
    const fresh = await getDb()
      .mentions.where('firstSeen')
      .aboveOrEqual(startOfBerlinDay(now.getTime()))
      .filter((m) => m.status === 'new')
      .toArray();
    urgent = fresh.some((m) => m.topicIds.some((id) => urgentIds.has(id)));
    text = fresh.length > 999 ? '999+' : fresh.length > 0 ? String(fresh.length) : '';
  }
  // Firefox builds are Manifest V2: the toolbar button is browserAction there.
  const action = browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
  await action.setBadgeText({ text });
  await action.setBadgeBackgroundColor({ color: urgent ? BADGE_URGENT_COLOR : BADGE_COLOR });
  return text;
}

/** Coalesces badge updates after bursts of writes. */
export function notifyLogChanged(): Promise<void> {
  if (pending) clearTimeout(pending);
  return new Promise((resolve) => {
    pending = setTimeout(() => {
      pending = undefined;
      updateBadge().then(
        () => resolve(),
        () => resolve(),
      );
    }, 300);
  });
}

export function setUpBadge() {
  // Office hours begin and end, and days change, without any event: look again every few minutes.
  void browser.alarms.create(BADGE_ALARM, { periodInMinutes: 5 });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === BADGE_ALARM) void updateBadge();
  });
  officeHoursItem.watch(() => void updateBadge());
  responsePromiseItem.watch(() => void updateBadge());
  profileItem.watch(() => void updateBadge());
  // Status changes made in the popup or side panel write to the same database.
  Dexie.on('storagemutated', () => void notifyLogChanged());
  void updateBadge();
}
