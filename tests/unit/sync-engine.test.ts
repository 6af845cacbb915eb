// Two colleagues' machines (Dexie + the bridge + PouchDB's replication) against a real CouchDB-protocol server
// (express-pouchdb) on a random loopback port.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LauscherDb } from '../../utils/db';
import { deleteAll, purgeOlderThan, recordMentions, retentionCutoff, setNote, setStatus } from '../../utils/mentions';
import type { Mention } from '../../utils/model';
import { DEMO_PROFILE } from '../../utils/settings';
import { checkConnection } from '../../utils/sync/check';
import { TeamSync } from '../../utils/sync/engine';
import type { TeamProfileDoc } from '../../utils/sync/merge';
import { type CouchServer, NodePouch, startCouchServer } from '../sync/couch-server';
import { freshDb, input } from './mentions-helpers';

let server: CouchServer;
const clients: TeamSync[] = [];

async function client(
  name: string,
  over: { password?: string; dbUrl?: string; db?: LauscherDb; localName?: string } = {},
) {
  const db = over.db ?? freshDb();
  const profiles: TeamProfileDoc[] = [];
  const localName = over.localName ?? `local-${name}-${crypto.randomUUID()}`;
  const sync = new TeamSync({
    onTeamProfile: (doc) => profiles.push(doc),
    db,
    Pouch: NodePouch,
    localName,
    dbUrl: over.dbUrl ?? server.dbUrl,
    user: server.user,
    password: over.password ?? server.password,
    displayName: name,
    onStatus: process.env.SYNC_DEBUG ? (s) => console.log(name, JSON.stringify(s)) : undefined,
  });
  clients.push(sync);
  await sync.start();
  return { db, sync, profiles, localName };
}

/** A document as the team server has it (404 once deleted). */
async function onServer(docId: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const auth = `Basic ${Buffer.from(`${server.user}:${server.password}`).toString('base64')}`;
  const res = await fetch(`${server.dbUrl}/${encodeURIComponent(docId)}`, { headers: { Authorization: auth } });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const DAY = 86_400_000;

async function until<T>(what: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await what();
    if (ok(v)) return v;
    if (Date.now() > end) throw new Error(`timed out; last value: ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Before taking the server away: both replicas idle. (PouchDB's replication calls `info()` on the source after a
 * batch without a catch; a server killed at that moment gives an unhandled rejection in Node, not a lost change.)
 */
async function quiet(...syncs: TeamSync[]) {
  for (const s of syncs)
    await until(
      async () => s.status.state,
      (st) => st === 'idle',
    );
  await new Promise((r) => setTimeout(r, 500));
}

const byKey = (db: LauscherDb, key: string) => db.mentions.get({ mentionKey: key }) as Promise<Mention | undefined>;
const opts = { authorMode: 'pseudonym' as const, pseudonymKey: 'cd'.repeat(32) };

beforeEach(async () => {
  server = await startCouchServer();
});

afterEach(async () => {
  await quiet(...clients.filter((c) => c.status.state !== 'error' && c.status.state !== 'offline'));
  await Promise.all(clients.splice(0).map((c) => c.stop()));
  await server.close();
});

describe('team sync between two machines', { timeout: 120_000 }, () => {
  it('a mention answered on one machine shows as answered by that colleague on the other', async () => {
    const anna = await client('Anna');
    const ben = await client('Ben');
    await recordMentions(anna.db, [input('p1')], opts);
    await anna.sync.pushNow();
    const onBen = await until(
      () => byKey(ben.db, 'p1'),
      (m) => m !== undefined,
    );
    expect(onBen?.snippet).toContain('Baustelle');
    expect(onBen?.author).toMatch(/^Person [0-9A-F]{4}$/);

    await setStatus(ben.db, onBen?.id ?? 0, 'answered', { templateUsed: 'danke', templateVersion: 3 });
    await ben.sync.pushNow();
    const onAnna = await until(
      () => byKey(anna.db, 'p1'),
      (m) => m?.status === 'answered',
    );
    expect(onAnna).toMatchObject({ answeredBy: 'Ben', statusBy: 'Ben', templateUsed: 'danke', templateVersion: 3 });
    expect(onAnna?.answeredAt).toBeTypeOf('number');
  });

  it('both edit offline, then reconnect: the rules hold on both machines', async () => {
    const anna = await client('Anna');
    const ben = await client('Ben');
    await recordMentions(anna.db, [input('p2', { topicIds: ['bau'] })], opts);
    await anna.sync.pushNow();
    await until(
      () => byKey(ben.db, 'p2'),
      (m) => m !== undefined,
    );
    // The server goes away; both keep working.
    await quiet(anna.sync, ben.sync);
    const port = server.port;
    await server.close();
    const a = await byKey(anna.db, 'p2');
    const b = await byKey(ben.db, 'p2');
    await setStatus(anna.db, a?.id ?? 0, 'ignored');
    await setNote(anna.db, a?.id ?? 0, 'Spam, gemeldet');
    await setStatus(ben.db, b?.id ?? 0, 'answered');
    await setNote(ben.db, b?.id ?? 0, 'Antwort mit Link zur Baustellenseite');
    await recordMentions(ben.db, [input('p2', { topicIds: ['verkehr'], terms: ['Umleitung'] })], opts);
    await anna.sync.pushNow();
    await ben.sync.pushNow();
    await until(
      async () => anna.sync.status,
      (s) => s.state === 'offline' && s.errorKey === 'teamErrUnreachable' && s.pending > 0,
    );
    // Nothing was lost locally.
    expect((await byKey(anna.db, 'p2'))?.note).toBe('Spam, gemeldet');

    server = await startCouchServer({ port });
    // A fresh in-memory server: both machines push everything again (PouchDB's retry reconnects by itself).
    const settled = (m: Mention | undefined) =>
      m?.status === 'answered' && (m.note ?? '').includes('Spam') && (m.note ?? '').includes('Baustellenseite');
    const [onA, onB] = await Promise.all([
      until(() => byKey(anna.db, 'p2'), settled, 60_000),
      until(() => byKey(ben.db, 'p2'), settled, 60_000),
    ]);
    for (const m of [onA, onB]) {
      expect(m).toMatchObject({ status: 'answered', answeredBy: 'Ben' });
      expect(m?.topicIds.sort()).toEqual(['bau', 'verkehr']);
      expect(m?.terms).toContain('Umleitung');
      expect(m?.noteBy).toBe('Anna, Ben');
    }
    expect(onA?.note).toBe(onB?.note);
  });

  it('the team profile: a colleague gets the new version; concurrent edits resolve by version, loser kept', async () => {
    const anna = await client('Anna');
    const ben = await client('Ben');
    const named = (name: string) => ({ ...DEMO_PROFILE, municipality: { ...DEMO_PROFILE.municipality, name } });
    await anna.sync.publishProfile(named('Musterstadt'));
    const first = await until(
      async () => ben.profiles.at(-1),
      (p) => p?.version === 1,
    );
    expect(first?.profile.municipality.name).toBe('Musterstadt');
    expect(first?.by).toBe('Anna');
    // Offline: Anna edits twice, Ben once; Anna's version 3 must win everywhere, Ben's kept as previous.
    await quiet(anna.sync, ben.sync);
    const port = server.port;
    await server.close();
    await anna.sync.publishProfile(named('Musterstadt a.d. Ruhr'));
    await anna.sync.publishProfile(named('Musterstadt an der Ruhr'));
    await ben.sync.publishProfile(named('Musterstadt (Ben)'));
    server = await startCouchServer({ port });
    const settled = (p: TeamProfileDoc | undefined) =>
      p?.version === 3 && p.profile.municipality.name === 'Musterstadt an der Ruhr' && p.previous?.by === 'Ben';
    await until(async () => ben.sync.teamProfile, settled, 60_000);
    await until(async () => anna.sync.teamProfile, settled, 60_000);
  });

  it('a wrong password is reported and nothing local is lost', async () => {
    const eve = await client('Eve', { password: 'falsch' });
    await recordMentions(eve.db, [input('p3')], opts);
    await eve.sync.pushNow();
    const status = await until(
      async () => eve.sync.status,
      (s) => s.errorKey === 'teamErrWrongPassword',
    );
    expect(status.state).toBe('error');
    expect(await byKey(eve.db, 'p3')).toBeDefined();
  });
});

describe('deletions in the shared log (DSGVO storage limitation)', { timeout: 120_000 }, () => {
  it("the retention purge on one machine deletes on the server and on the colleague's machine", async () => {
    const anna = await client('Anna');
    const ben = await client('Ben');
    const now = Date.now();
    await recordMentions(anna.db, [input('alt')], { ...opts, now: now - 100 * DAY });
    await recordMentions(anna.db, [input('frisch')], { ...opts, now });
    await anna.sync.pushNow();
    await until(
      () => ben.db.mentions.count(),
      (n) => n === 2,
    );
    await quiet(anna.sync, ben.sync);
    const oldRev = String((await onServer('mention:alt')).body._rev);

    // What setUpRetention and setUpTeamSync do in the background: the local purge, and the same rule on the replica.
    const cutoff = retentionCutoff(90, now);
    expect(await purgeOlderThan(anna.db, 90, now)).toBe(1);
    expect(await anna.sync.purgeBefore(cutoff)).toBe(1);
    expect(await anna.sync.purgeBefore(cutoff)).toBe(0);

    const gone = await until(
      () => onServer('mention:alt'),
      (r) => r.status === 404,
    );
    expect(gone.status).toBe(404);
    // A replicated deletion (a tombstone revision after the old one), not a document that never was.
    const auth = `Basic ${Buffer.from(`${server.user}:${server.password}`).toString('base64')}`;
    const listed = (await (
      await fetch(`${server.dbUrl}/_all_docs?keys=${encodeURIComponent('["mention:alt"]')}`, {
        headers: { Authorization: auth },
      })
    ).json()) as { rows: { value?: { deleted?: boolean; rev: string } }[] };
    expect(listed.rows[0]?.value?.deleted).toBe(true);
    expect(listed.rows[0]?.value?.rev).not.toBe(oldRev);
    expect((await onServer('mention:frisch')).status).toBe(200);
    await until(
      () => byKey(ben.db, 'alt'),
      (m) => m === undefined,
    );
    expect(await byKey(ben.db, 'frisch')).toBeDefined();
    expect((await byKey(anna.db, 'alt')) ?? null).toBeNull();

    // Nor does the snippet linger in the replicas' old revisions: both are compacted after the deletion.
    await quiet(anna.sync, ben.sync);
    for (const c of [anna, ben]) {
      const replica = new NodePouch(c.localName);
      expect((await replica.get('mention:frisch')).snippet).toContain('frisch'); // the same replica, not a new one
      await until(
        () =>
          replica.get('mention:alt', { rev: oldRev }).then(
            () => 'still there',
            (err: { status?: number }) => String(err.status),
          ),
        (v) => v === '404',
      );
    }
  });

  it('the purge also removes what only the server still had (this machine purged its rows earlier)', async () => {
    const anna = await client('Anna');
    const now = Date.now();
    await recordMentions(anna.db, [input('a1'), input('a2')], { ...opts, now: now - 120 * DAY });
    await anna.sync.pushNow();
    await until(
      () => onServer('mention:a2'),
      (r) => r.status === 200,
    );
    // The local purge ran while sync was stopped; the bridge's purge at the next start deletes on the server.
    expect(await purgeOlderThan(anna.db, 90, now)).toBe(2);
    expect(await anna.sync.purgeBefore(retentionCutoff(90, now))).toBe(2);
    await until(
      () => Promise.all([onServer('mention:a1'), onServer('mention:a2')]),
      (r) => r.every((x) => x.status === 404),
    );
  });

  it('a mention seen again by a colleague is not purged, and a colleague offline deletes on catching up', async () => {
    const anna = await client('Anna');
    const ben = await client('Ben');
    const now = Date.now();
    await recordMentions(anna.db, [input('wieder'), input('weg')], { ...opts, now: now - 100 * DAY });
    await anna.sync.pushNow();
    await until(
      () => ben.db.mentions.count(),
      (n) => n === 2,
    );
    // Ben sees 'wieder' again today.
    await recordMentions(ben.db, [input('wieder')], { ...opts, now });
    await ben.sync.pushNow();
    await until(
      () => byKey(anna.db, 'wieder'),
      (m) => (m?.lastSeen ?? 0) >= now,
    );
    // Ben's browser closes; Anna's retention runs.
    await quiet(anna.sync, ben.sync);
    clients.splice(clients.indexOf(ben.sync), 1);
    await ben.sync.stop();
    await purgeOlderThan(anna.db, 90, now);
    expect(await anna.sync.purgeBefore(retentionCutoff(90, now))).toBe(1);
    await until(
      () => onServer('mention:weg'),
      (r) => r.status === 404,
    );
    expect(await byKey(ben.db, 'weg')).toBeDefined();
    // Ben is back: his replica catches up and the deletion reaches his log; 'wieder' stays everywhere.
    const ben2 = await client('Ben', { db: ben.db, localName: ben.localName });
    await until(
      () => byKey(ben2.db, 'weg'),
      (m) => m === undefined,
    );
    expect(await byKey(ben2.db, 'wieder')).toBeDefined();
    expect(await byKey(anna.db, 'wieder')).toBeDefined();
    expect((await onServer('mention:wieder')).status).toBe(200);
    // The deleted post turns up again: a new mention, on the server and at the colleague's once more.
    await recordMentions(anna.db, [input('weg')], { ...opts, now });
    await anna.sync.pushNow();
    const back = await until(
      () => byKey(ben2.db, 'weg'),
      (m) => m !== undefined,
    );
    expect(back).toMatchObject({ status: 'new', firstSeen: now });
  });

  it('"Alles löschen" with sync on erases this browser\'s copy only; nothing comes back until sync is on again', async () => {
    const anna = await client('Anna');
    const ben = await client('Ben');
    await recordMentions(anna.db, [input('e1'), input('e2')], opts);
    await anna.sync.pushNow();
    await until(
      () => ben.db.mentions.count(),
      (n) => n === 2,
    );
    await quiet(anna.sync, ben.sync);
    // What the background does for "Alles löschen": the replica and its feed position go, then the log.
    clients.splice(clients.indexOf(anna.sync), 1);
    await anna.sync.destroyLocal();
    expect(await deleteAll(anna.db)).toBe(2);
    expect((await anna.db.meta.toArray()).filter((r) => r.key.startsWith('teamSyncSeq'))).toEqual([]);
    // The team log is untouched, and a colleague's work does not refill this browser while sync is off.
    const e1 = await byKey(ben.db, 'e1');
    await setStatus(ben.db, e1?.id ?? 0, 'answered');
    await ben.sync.pushNow();
    await until(
      () => onServer('mention:e1'),
      (r) => r.body.status === 'answered',
    );
    expect((await onServer('mention:e2')).status).toBe(200);
    expect(await anna.db.mentions.count()).toBe(0);
    // Sync on again (the same replica name): the whole team log comes back.
    const again = await client('Anna', { db: anna.db, localName: anna.localName });
    const rows = await until(
      () => again.db.mentions.toArray(),
      (r) => r.length === 2,
    );
    expect(rows.find((r) => r.mentionKey === 'e1')).toMatchObject({ status: 'answered', answeredBy: 'Ben' });
  });
});

describe('Verbindung prüfen', () => {
  it('tells wrong password, missing database, unreachable server, no TLS and bad URLs apart', async () => {
    expect(await checkConnection(server.dbUrl, server.user, server.password)).toEqual({ ok: true, docCount: 0 });
    expect(await checkConnection(server.dbUrl, server.user, 'falsch')).toEqual({
      ok: false,
      errorKey: 'teamErrWrongPassword',
    });
    expect(await checkConnection(`${server.url}/gibt-es-nicht`, server.user, server.password)).toEqual({
      ok: false,
      errorKey: 'teamErrNoDatabase',
    });
    expect(await checkConnection(server.url, server.user, server.password)).toEqual({
      ok: false,
      errorKey: 'teamErrNoDatabaseInUrl',
    });
    const port = server.port;
    await server.close();
    expect(await checkConnection(server.dbUrl, server.user, server.password)).toEqual({
      ok: false,
      errorKey: 'teamErrUnreachable',
    });
    server = await startCouchServer({ port });
    expect(await checkConnection('http://couchdb.kommune.example/team', 'a', 'b')).toEqual({
      ok: false,
      errorKey: 'teamErrNoTls',
    });
    expect(await checkConnection('couchdb kommune', 'a', 'b')).toEqual({ ok: false, errorKey: 'teamErrBadUrl' });
    expect(await checkConnection('ftp://couchdb.kommune.example/team', 'a', 'b')).toEqual({
      ok: false,
      errorKey: 'teamErrBadUrl',
    });
  });
});
