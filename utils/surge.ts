// The surge rule, pure: a topic surges when its last hour holds more than `factor` × its trailing 7-day hourly mean
// and at least `min` mentions. Alerts fire once per topic per surge: again only after the surge has ended.
import type { Mention } from './model';
import type { SurgeRule } from './settings';
import { HOUR_MS } from './working-hours';

export const TRAILING_HOURS = 7 * 24;

export interface TopicRate {
  topicId: string;
  lastHour: number;
  /** Mentions in the 7 days before the last hour. */
  trailing: number;
}

/** Per topic: mentions first seen in the last hour, and in the 168 hours before it. */
export function topicRates(rows: readonly Pick<Mention, 'firstSeen' | 'topicIds'>[], now: number): TopicRate[] {
  const hourStart = now - HOUR_MS;
  const trailingStart = hourStart - TRAILING_HOURS * HOUR_MS;
  const by = new Map<string, TopicRate>();
  for (const m of rows) {
    if (m.firstSeen < trailingStart || m.firstSeen > now) continue;
    for (const topicId of m.topicIds) {
      let r = by.get(topicId);
      if (!r) {
        r = { topicId, lastHour: 0, trailing: 0 };
        by.set(topicId, r);
      }
      if (m.firstSeen >= hourStart) r.lastHour += 1;
      else r.trailing += 1;
    }
  }
  return [...by.values()];
}

export function isSurging(rate: TopicRate, rule: SurgeRule): boolean {
  const mean = rate.trailing / TRAILING_HOURS;
  return rate.lastHour >= rule.min && rate.lastHour > rule.factor * mean;
}

export interface SurgeStep {
  /** Topics to alert about now. */
  alert: TopicRate[];
  /** Topics already alerted whose surge still goes on (carry to the next step). */
  alerted: string[];
}

/**
 * One evaluation. `alerted`: topics alerted during their current surge. `mayAlert`: false outside office hours, when
 * nothing is announced (a surge still going on when office hours begin is announced then).
 */
export function surgeStep(
  rates: readonly TopicRate[],
  rule: SurgeRule,
  alerted: readonly string[],
  mayAlert: boolean,
): SurgeStep {
  const surging = rates.filter((r) => isSurging(r, rule));
  const before = new Set(alerted);
  const alert = mayAlert ? surging.filter((r) => !before.has(r.topicId)) : [];
  const still = surging.filter((r) => before.has(r.topicId)).map((r) => r.topicId);
  return { alert, alerted: [...still, ...alert.map((r) => r.topicId)] };
}
