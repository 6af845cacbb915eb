// How well the team keeps its response promise this week, in working time.
import type { Mention } from '../model';
import { type WorkingTime, workingMsBetween } from '../working-hours';
import { OPEN } from './queue';

export interface ResponseFigures {
  /** Mentions answered this week (answeredAt in the week). */
  answered: number;
  /** Median working time from first seen to first answer, ms; undefined without answers. */
  medianMs?: number;
  /** Answered within the promise ÷ (answered this week + open mentions whose deadline fell this week). */
  withinShare?: number;
  within: number;
  /** Open mentions whose promise ran out this week without an answer. */
  missed: number;
}

export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

export interface ResponseOptions {
  weekStart: number;
  now: number;
  promiseMs: number;
  wt: WorkingTime;
  /** workingCutoff(now, promiseMs): open mentions first seen before it are overdue now. */
  overdueBefore: number;
  /** workingCutoff(weekStart, promiseMs): open mentions first seen before it were overdue before this week. */
  overdueBeforeWeek: number;
}

/**
 * `answered`: mentions with answeredAt (any order); `open`: open mentions (any). Open mentions that became overdue
 * this week count as misses, so not answering never improves the share.
 */
export function responseFigures(
  answered: readonly Mention[],
  open: readonly Mention[],
  o: ResponseOptions,
): ResponseFigures {
  let missed = 0;
  for (const m of open) {
    if (OPEN.includes(m.status) && m.firstSeen < o.overdueBefore && m.firstSeen >= o.overdueBeforeWeek) missed += 1;
  }
  return answerFigures(answered, missed, o);
}

/** The same with the misses already counted (the digest counts them from its index: utils/digest/load.ts). */
export function answerFigures(answered: readonly Mention[], missed: number, o: ResponseOptions): ResponseFigures {
  const times: number[] = [];
  let within = 0;
  for (const m of answered) {
    // a time stored badly (NaN) is no response time, neither fast nor slow
    if (!(m.answeredAt !== undefined && m.answeredAt >= o.weekStart && Number.isFinite(m.firstSeen))) continue;
    const ms = workingMsBetween(m.firstSeen, m.answeredAt, o.wt);
    times.push(ms);
    if (ms <= o.promiseMs) within += 1;
  }
  const total = times.length + missed;
  return {
    answered: times.length,
    medianMs: median(times),
    within,
    missed,
    withinShare: total > 0 ? within / total : undefined,
  };
}
