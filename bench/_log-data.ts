// The bench's mention logs, shared by bench/log.ts (Node, fake-indexeddb) and bench/_digest-page.ts (in Chromium):
// the same rows, the same query, the same way of timing.
import { mulberry32 } from '../tests/seeded-random';
import type { LauscherDb } from '../utils/db';
import { addLocalDays, startOfLocalDay } from '../utils/mentions';
import { type Mention, PLATFORMS } from '../utils/model';

export const NOW = new Date(2025, 10, 25, 16, 0).getTime();
export const TODAY = startOfLocalDay(NOW);
export const RECENT_PER_DAY = 100;
const TODAY_EXTRA = 150;
const TOPICS = ['verkehr', 'bau', 'abfall', 'service', 'kita', 'finanzen', 'krise'];
const STATUSES = ['new', 'seen', 'answered', 'ignored'] as const;

const snippet = (i: number) =>
  `Beitrag ${i}: Die Baustelle an der Hauptstraße in Musterhausen sorgt seit Wochen für Stau, ` +
  'und niemand von der Stadtverwaltung sagt, wann die Sperrung aufgehoben wird. Gibt es einen Plan für ' +
  'die Umleitung über die Schillerstraße? Die Anwohner*innen sind genervt und die Busse fahren nicht.';

export function mention(i: number, firstSeen: number): Omit<Mention, 'id'> {
  const platform = PLATFORMS[i % PLATFORMS.length] ?? 'generic';
  // The last week: every status; older: handled (answered three hours later, or ignored).
  const recent = firstSeen >= addLocalDays(TODAY, -6);
  const status = recent ? (STATUSES[i % STATUSES.length] ?? 'new') : i % 4 === 3 ? 'ignored' : 'answered';
  return {
    mentionKey: `${platform}:comment:${i}`,
    platform,
    kind: i % 3 === 0 ? 'post' : 'comment',
    permalink: `https://example.invalid/${platform}/${i}`,
    pageUrl: `https://example.invalid/${platform}`,
    author: `Person ${(i % 65536).toString(16).toUpperCase().padStart(4, '0')}`,
    snippet: snippet(i),
    terms: ['Baustelle', 'Hauptstraße'],
    topicIds: [TOPICS[i % TOPICS.length] ?? 'verkehr', ...(i % 5 === 0 ? ['krise'] : [])],
    firstSeen,
    lastSeen: firstSeen + (i % 4) * 3_600_000,
    seenCount: 1 + (i % 3),
    status,
    statusChangedAt: firstSeen,
    ...(status === 'answered' ? { answeredAt: Math.min(NOW, firstSeen + 3 * 3_600_000) } : {}),
    note: i % 10 === 0 ? 'Weitergeleitet an Tiefbauamt' : '',
  };
}

/** `total` mentions: the same 7 recent days in every log, the rest spread over the 83 days before them. */
export async function fill(db: LauscherDb, total: number): Promise<void> {
  const rows: Omit<Mention, 'id'>[] = [];
  let i = 0;
  for (let day = 0; day < 7; day++) {
    const start = addLocalDays(TODAY, -day);
    const n = RECENT_PER_DAY + (day === 0 ? TODAY_EXTRA : 0);
    const span = day === 0 ? NOW - start : 86_000_000;
    for (let k = 0; k < n; k++) rows.push(mention(i++, start + Math.floor((k / n) * span)));
  }
  const historyStart = addLocalDays(TODAY, -90);
  const historyEnd = addLocalDays(TODAY, -7);
  const old = total - rows.length;
  for (let k = 0; k < old; k++)
    rows.push(mention(i++, historyStart + Math.floor((k / old) * (historyEnd - historyStart))));
  for (let k = 0; k < rows.length; k += 10_000) {
    await db.mentions.bulkAdd(rows.slice(k, k + 10_000) as Mention[]);
  }
}

/** What the popup asks for: the profile's topics for the day counts, the first page of 50 cards. */
export const DIGEST_QUERY = {
  now: NOW,
  urgentTopicIds: ['krise'],
  topicIds: ['municipality', ...TOPICS],
  offset: 0,
  limit: 50,
  wt: { hours: { enabled: true, days: [1, 2, 3, 4, 5], start: '08:00', end: '16:00' }, holidays: [] },
  promiseHours: 24,
};

export async function median(fn: () => Promise<unknown>, runs = 9, warmup = 2): Promise<number> {
  for (let k = 0; k < warmup; k++) await fn();
  const times: number[] = [];
  for (let k = 0; k < runs; k++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? Number.NaN;
}

/**
 * Medians of several functions run in turns (one run of each per round): a busy machine slows them alike. Each round
 * runs them in a new (seeded) order: a run after one that left much garbage pays for its collection, and that must
 * not always be the same function.
 */
export async function medians(fns: (() => Promise<unknown>)[], runs = 9, warmup = 2): Promise<number[]> {
  const times: number[][] = fns.map(() => []);
  const rnd = mulberry32(15);
  for (let k = 0; k < warmup + runs; k++) {
    const order = fns.map((_, i) => i);
    for (let j = order.length - 1; j > 0; j--) {
      const r = Math.floor(rnd() * (j + 1));
      [order[j], order[r]] = [order[r] as number, order[j] as number];
    }
    for (const i of order) {
      const fn = fns[i] as () => Promise<unknown>;
      const t0 = performance.now();
      await fn();
      if (k >= warmup) times[i]?.push(performance.now() - t0);
    }
  }
  return times.map((ts) => ts.sort((a, b) => a - b)[Math.floor(ts.length / 2)] ?? Number.NaN);
}

/** 100,000 mentions spread evenly over 90 days (~1,100 a day): the last week itself holds ~7,800, half of them open. */
export async function fillDense(db: LauscherDb, total = 100_000): Promise<void> {
  const rows: Omit<Mention, 'id'>[] = [];
  const start = addLocalDays(TODAY, -89);
  for (let k = 0; k < total; k++) rows.push(mention(k, start + Math.floor((k / total) * (NOW - start))));
  for (let k = 0; k < rows.length; k += 10_000) await db.mentions.bulkAdd(rows.slice(k, k + 10_000) as Mention[]);
}
