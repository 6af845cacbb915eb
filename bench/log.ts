// Mention log figures for issues 6 and 15 (`npx tsx scripts/bench.ts log`), on fake-indexeddb in Node:
// - digestQueryRatio: the popup's digest as the popup asks for it (utils/digest/load.ts: day counts per topic and
//   platform, 7-day trend, open/urgent/overdue counts, the first page of 50 of the ranked queue, this week's response
//   figures) at 100,000 mentions ÷ at 1,000 (target ≤ 5). Both logs hold the same last 7 days (850 mentions, half of
//   them open); the older history is handled (answered or ignored), as a team that works its queue leaves it.
// - digestQueryRatioAnsweredIndex: the same on a bench-only database that declares an `answeredAt` index once more
//   (schema v2 has it now, so this is the same query; kept so the figure keeps its name).
// - digestMsDense100k / digestDenseRatio*: 100,000 mentions spread evenly over 90 days (~1,100 a day), so the last
//   week itself holds ~7,800 (3,900 open). Since schema v3 the counts and the page come from the digest's index
//   (utils/digest/index-keys.ts): only the 50 cards and this week's answers are read in full.
// - digest*ByRows: the same digest computed from the rows (every open row read and ranked: the way before schema v3,
//   still the fallback), for comparison.
// - legacyDigestRatio: the previous top-20 digest (utils/mentions.ts digest), for comparison.
// - bulkWritePerSec: mentions per second through recordMentions (pseudonym mode, batches of 250, a fifth of each
//   batch already logged) into the 100k log.
// - export100kSeconds: reading 100,000 mentions and writing them as CSV.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { mulberry32 } from '../tests/seeded-random';
import { createDb, type LauscherDb, SCHEMA_VERSIONS } from '../utils/db';
import { digestKeysMiddleware } from '../utils/digest/index-keys';
import { loadDigest, loadDigestByRows } from '../utils/digest/load';
import { exportCsv } from '../utils/export/csv';
import { addLocalDays, digest, recordMentions, startOfLocalDay } from '../utils/mentions';
import { type Mention, type MentionInput, PLATFORMS } from '../utils/model';

export const NOW = new Date(2025, 10, 25, 16, 0).getTime();
export const TODAY = startOfLocalDay(NOW);
const RECENT_PER_DAY = 100;
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

/** A bench-only database with the current schema plus an answeredAt index declared once more. */
export function createIndexedDb(name: string): LauscherDb {
  const db = new Dexie(name) as LauscherDb;
  db.use(digestKeysMiddleware);
  for (const { version, stores } of SCHEMA_VERSIONS) db.version(version).stores(stores);
  const last = SCHEMA_VERSIONS.at(-1);
  // Declaring an index twice fails; since schema v2 the current schema has it.
  if (!/\bansweredAt\b/.test(last?.stores.mentions ?? '')) {
    db.version((last?.version ?? 1) + 1).stores({ mentions: `${last?.stores.mentions}, answeredAt` });
  }
  return db;
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

const round = (n: number, digits = 2) => Number(n.toFixed(digits));

export default async function run(): Promise<Record<string, unknown>> {
  const stamp = Date.now();
  const small = createDb(`bench-log-1k-${stamp}`);
  const large = createDb(`bench-log-100k-${stamp}`);
  await fill(small, 1_000);
  const t0 = performance.now();
  await fill(large, 100_000);
  const fillSeconds = (performance.now() - t0) / 1000;
  const smallIdx = createIndexedDb(`bench-log-1k-idx-${stamp}`);
  const largeIdx = createIndexedDb(`bench-log-100k-idx-${stamp}`);
  await fill(smallIdx, 1_000);
  await fill(largeIdx, 100_000);

  const opts = { now: NOW, urgentTopicIds: ['krise'] };
  const check = await digest(large, opts);
  const checkNew = await loadDigest(large, DIGEST_QUERY);
  const denseRows: Omit<Mention, 'id'>[] = [];
  const denseStart = addLocalDays(TODAY, -89);
  for (let k = 0; k < 100_000; k++)
    denseRows.push(mention(k, denseStart + Math.floor((k / 100_000) * (NOW - denseStart))));
  const dense = createDb(`bench-log-dense-${stamp}`);
  const denseIdx = createIndexedDb(`bench-log-dense-idx-${stamp}`);
  for (let k = 0; k < denseRows.length; k += 10_000) {
    await dense.mentions.bulkAdd(denseRows.slice(k, k + 10_000) as Mention[]);
    await denseIdx.mentions.bulkAdd(denseRows.slice(k, k + 10_000) as Mention[]);
  }
  const denseOpen = (await loadDigest(dense, DIGEST_QUERY)).open;
  // Every variant in the same rounds, so a busy machine slows the 1k and the 100k runs alike; the rows path (which
  // leaves much more garbage to collect) in rounds of its own.
  const [
    digestMs1k = Number.NaN,
    digestMs100k = Number.NaN,
    digestMsDense100k = Number.NaN,
    digestMs1kIdx = Number.NaN,
    digestMs100kIdx = Number.NaN,
    digestMsDense100kIdx = Number.NaN,
  ] = await medians(
    [
      () => loadDigest(small, DIGEST_QUERY),
      () => loadDigest(large, DIGEST_QUERY),
      () => loadDigest(dense, DIGEST_QUERY),
      () => loadDigest(smallIdx, DIGEST_QUERY),
      () => loadDigest(largeIdx, DIGEST_QUERY),
      () => loadDigest(denseIdx, DIGEST_QUERY),
    ],
    15,
  );
  const [digestMs1kByRows = Number.NaN, digestMsDense100kByRows = Number.NaN] = await medians([
    () => loadDigestByRows(small, DIGEST_QUERY),
    () => loadDigestByRows(dense, DIGEST_QUERY),
  ]);
  for (const db of [dense, denseIdx]) {
    db.close();
    await db.delete();
  }
  const [legacyMs1k = Number.NaN, legacyMs100k = Number.NaN] = await medians([
    () => digest(small, opts),
    () => digest(large, opts),
  ]);
  for (const db of [smallIdx, largeIdx]) {
    db.close();
    await db.delete();
  }

  // bulk writes into the large log: 20 batches of 250, a fifth of each batch seen before
  const batches: MentionInput[][] = [];
  for (let b = 0; b < 20; b++) {
    batches.push(
      Array.from({ length: 250 }, (_, k): MentionInput => {
        const seenBefore = k % 5 === 0;
        const m = mention(seenBefore ? b * 250 + k : 200_000 + b * 250 + k, NOW);
        return { ...m, author: `Bürger ${k % 97}` };
      }),
    );
  }
  const w0 = performance.now();
  let written = 0;
  for (const batch of batches) {
    await recordMentions(large, batch, { authorMode: 'pseudonym', pseudonymKey: 'bench-key', now: NOW });
    written += batch.length;
  }
  const bulkWritePerSec = written / ((performance.now() - w0) / 1000);

  const e0 = performance.now();
  const csv = await exportCsv(large, { to: NOW + 1 }, { t: (key) => key });
  const exportSeconds = (performance.now() - e0) / 1000;
  const exportedRows = csv.split('\r\n').length - 1;

  small.close();
  large.close();
  await Promise.all([small.delete(), large.delete()]).catch(() => undefined);

  return {
    digestQueryRatio: round(digestMs100k / digestMs1k),
    digestQueryRatioAnsweredIndex: round(digestMs100kIdx / digestMs1kIdx),
    digestDenseRatio: round(digestMsDense100k / digestMs1k),
    digestDenseRatioAnsweredIndex: round(digestMsDense100kIdx / digestMs1kIdx),
    digestMs1k: round(digestMs1k),
    digestMs100k: round(digestMs100k),
    digestMs1kAnsweredIndex: round(digestMs1kIdx),
    digestMs100kAnsweredIndex: round(digestMs100kIdx),
    digestMsDense100k: round(digestMsDense100k),
    digestMsDense100kAnsweredIndex: round(digestMsDense100kIdx),
    digestDenseRatioByRows: round(digestMsDense100kByRows / digestMs1kByRows),
    digestMs1kByRows: round(digestMs1kByRows),
    digestMsDense100kByRows: round(digestMsDense100kByRows),
    digestQueue100k: checkNew.queueTotal,
    digestQueueDense100k: denseOpen,
    legacyDigestRatio: round(legacyMs100k / legacyMs1k),
    digestWindowRows: check.today + check.yesterday + 5 * RECENT_PER_DAY,
    bulkWritePerSec: Math.round(bulkWritePerSec),
    export100kSeconds: round(exportSeconds),
    exportedRows,
    fill100kSeconds: round(fillSeconds),
  };
}
