// Storage limitation (DSGVO Art. 5): mentions older than the retention window are deleted daily.
import { browser } from 'wxt/browser';
import { getDb } from '../db';
import { purgeOlderThan } from '../mentions';
import { privacyItem } from '../settings';

/** Also heard by the team sync (./team-sync.ts), which applies the same purge to the shared log. */
export const RETENTION_ALARM = 'lauscher-retention';

export async function applyRetention(now = Date.now()): Promise<number> {
  const { retentionDays } = await privacyItem.getValue();
  return purgeOlderThan(getDb(), retentionDays, now);
}

export function setUpRetention() {
  void browser.alarms.create(RETENTION_ALARM, { periodInMinutes: 24 * 60, delayInMinutes: 1 });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === RETENTION_ALARM) void applyRetention();
  });
  privacyItem.watch(() => void applyRetention());
  void applyRetention();
}
