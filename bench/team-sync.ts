// Team sync figures for issue 17 (`npx tsx scripts/bench.ts team-sync`), in Node: fake-indexeddb for Dexie,
// PouchDB's memory adapter for the local replicas, express-pouchdb on a loopback port as the CouchDB server.
// - initialSync10kSeconds: machine A holds 10,000 mentions; machine B starts empty; seconds until B's Dexie log
//   holds all 10,000 (A's push + B's pull through the server).
// - steadyMsPerMention: after that, A records one new mention at a time; milliseconds until it is in B's log,
//   averaged over 20 (includes the bridge's 200 ms debounce and the live changes feed).
// - digestSyncOnOffRatio: the popup's digest query on A's 10,000-mention log while sync runs ÷ with sync off
//   (target ≤ 1.2).
// - purgePropagatedSeconds: A's retention purge (7 days, about half the log: purgedMentions) — the local purge and
//   the bridge's purgeBefore — until those mentions are gone from B's log too (deletions through the server).
import 'fake-indexeddb/auto';
import { NodePouch, startCouchServer } from '../tests/sync/couch-server';
import { createDb } from '../utils/db';
import { digest, purgeOlderThan, recordMentions, retentionCutoff } from '../utils/mentions';
import type { Mention } from '../utils/model';
import { TeamSync } from '../utils/sync/engine';

const N = 10_000;
const NOW = Date.now();

function row(i: number): Omit<Mention, 'id'> {
  const t = NOW - (i % 14) * 86_400_000 - i;
  return {
    mentionKey: `facebook:bench-${i}`,
    platform: 'facebook',
    kind: i % 3 ? 'comment' : 'post',
    permalink: `https://www.facebook.com/groups/musterstadt/posts/${i}`,
    pageUrl: 'https://www.facebook.com/groups/musterstadt/',
    author: `Person ${(i % 65_536).toString(16).toUpperCase().padStart(4, '0')}`,
    snippet: `Beitrag ${i}: Die Baustelle an der Hauptstraße in Musterstadt sorgt seit Wochen für Stau und Ärger.`,
    terms: ['Baustelle', 'Stau'],
    topicIds: ['bau'],
    firstSeen: t,
    lastSeen: t,
    seenCount: 1,
    status: (['new', 'seen', 'answered', 'ignored'] as const)[i % 4] ?? 'new',
    statusChangedAt: t,
    note: '',
  };
}

async function until(ok: () => Promise<boolean>, timeoutMs = 600_000) {
  const end = Date.now() + timeoutMs;
  while (!(await ok())) {
    if (Date.now() > end) throw new Error('bench timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function digestMs(db: ReturnType<typeof createDb>, runs = 15) {
  await digest(db, { now: NOW });
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await digest(db, { now: NOW });
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? 0;
}

export default async function bench() {
  const server = await startCouchServer();
  const a = createDb(`bench-team-a-${crypto.randomUUID()}`);
  const b = createDb(`bench-team-b-${crypto.randomUUID()}`);
  await a.mentions.bulkAdd(Array.from({ length: N }, (_, i) => row(i)) as Mention[]);
  const digestOff = await digestMs(a, 31);

  const common = { Pouch: NodePouch, dbUrl: server.dbUrl, user: server.user, password: server.password };
  const syncA = new TeamSync({ ...common, db: a, localName: `a-${crypto.randomUUID()}`, displayName: 'Anna' });
  const syncB = new TeamSync({ ...common, db: b, localName: `b-${crypto.randomUUID()}`, displayName: 'Ben' });
  const t0 = performance.now();
  await syncA.start();
  await syncB.start();
  await until(async () => (await b.mentions.count()) >= N);
  const initialSync10kSeconds = (performance.now() - t0) / 1000;

  // Let the first catch-up settle (B applying, checkpoints), then measure with the live sync running.
  await new Promise((r) => setTimeout(r, 2000));
  const digestOn = await digestMs(a, 31);

  const STEADY = 20;
  const t1 = performance.now();
  for (let i = 0; i < STEADY; i++) {
    const key = `facebook:steady-${i}`;
    await recordMentions(
      a,
      [
        {
          mentionKey: key,
          platform: 'facebook',
          kind: 'comment',
          permalink: `https://www.facebook.com/groups/musterstadt/posts/s${i}`,
          pageUrl: 'https://www.facebook.com/groups/musterstadt/',
          author: 'Erika Mustermann',
          snippet: `Neuer Kommentar ${i} zur Baustelle`,
          terms: ['Baustelle'],
          topicIds: ['bau'],
        },
      ],
      { authorMode: 'pseudonym', pseudonymKey: 'ab'.repeat(32) },
    );
    await until(async () => (await b.mentions.get({ mentionKey: key })) !== undefined);
  }
  const steadyMsPerMention = (performance.now() - t1) / STEADY;

  const cutoff = retentionCutoff(7, NOW);
  const keep = await b.mentions.where('lastSeen').aboveOrEqual(cutoff).count();
  const t2 = performance.now();
  await purgeOlderThan(a, 7, NOW);
  const purgedMentions = await syncA.purgeBefore(cutoff);
  await until(async () => (await b.mentions.count()) <= keep);
  const purgePropagatedSeconds = (performance.now() - t2) / 1000;

  await syncA.stop();
  await syncB.stop();
  // Let PouchDB's last long-poll requests end before the server goes.
  await new Promise((r) => setTimeout(r, 1000));
  await server.close();
  return {
    initialSync10kSeconds: Number(initialSync10kSeconds.toFixed(1)),
    steadyMsPerMention: Math.round(steadyMsPerMention),
    digestMsSyncOff: Number(digestOff.toFixed(1)),
    digestMsSyncOn: Number(digestOn.toFixed(1)),
    digestSyncOnOffRatio: Number((digestOn / digestOff).toFixed(2)),
    purgedMentions,
    purgePropagatedSeconds: Number(purgePropagatedSeconds.toFixed(1)),
  };
}
