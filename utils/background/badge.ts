// The toolbar badge: how many mentions from today are still new. Quiet outside the published office hours.
import Dexie from 'dexie';
import { browser } from 'wxt/browser';
import { getDb } from '../db';
import { startOfLocalDay } from '../mentions';
import { isWithinOfficeHours } from '../office-hours';
import { officeHoursItem } from '../settings';

const BADGE_ALARM = 'lauscher-badge';
let pending: ReturnType<typeof setTimeout> | undefined;

export async function updateBadge(now = new Date()): Promise<string> {
  const hours = await officeHoursItem.getValue();
  let text = '';
  if (isWithinOfficeHours(now, hours)) {
    const open = await getDb()
      .mentions.where('firstSeen')
      .aboveOrEqual(startOfLocalDay(now.getTime()))
      .filter((m) => m.status === 'new')
      .count();
    text = open > 999 ? '999+' : open > 0 ? String(open) : '';
  }
  // Firefox builds are Manifest V2: the toolbar button is browserAction there.
  const action = browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
  await action.setBadgeText({ text });
  await action.setBadgeBackgroundColor({ color: '#b3261e' });
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
  // Status changes made in the popup or side panel write to the same database.
  Dexie.on('storagemutated', () => void notifyLogChanged());
  void updateBadge();
}
