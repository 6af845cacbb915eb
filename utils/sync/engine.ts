// The bridge between the local log (Dexie, which every page reads) and the team's CouchDB database.
//
//   Dexie ──push pass──▶ local PouchDB replica ◀──PouchDB sync (live, retry)──▶ CouchDB team database
//   Dexie ◀──changes feed (merge if the row has unpushed edits)── local PouchDB replica
//   retention (purgeBefore) ──▶ deletions in the replica ──▶ CouchDB ──▶ colleagues delete their rows too
//
// Replication itself is PouchDB's. This file only maps rows to documents, records who did what, and resolves the
// conflicts PouchDB reports with the pure rules of ./merge.ts (the same result on every machine).
import Dexie from 'dexie';
import type { LauscherDb } from '../db';
import { findByKeys } from '../mentions';
import type { Mention } from '../model';
import { errorKeyForStatus } from './check';
import { mergeAllTeamMentions, resolveProfiles, type TeamProfileDoc } from './merge';
import type { PouchChange, PouchChanges, PouchDatabase, PouchStatic, PouchSync } from './pouch-types';
import type { TeamSyncStatus } from './settings';
import {
  applyTeamMention,
  MENTION_DOC_PREFIX,
  mentionDocId,
  PROFILE_DOC_ID,
  type TeamMention,
  teamMentionJson,
  toTeamMention,
} from './team-doc';

type Stored<T> = T & { _id: string; _rev: string; _conflicts?: string[]; _deleted?: boolean };

export interface TeamSyncOptions {
  db: LauscherDb;
  /** PouchDB with a local adapter, the http adapter and replication registered (see ./pouch.ts). */
  Pouch: PouchStatic;
  /** Name of the local replica (browser: IndexedDB; tests: memory). */
  localName: string;
  dbUrl: string;
  user: string;
  password: string;
  /** Recorded with answered / ignored / notes. */
  displayName: string;
  onStatus?: (status: TeamSyncStatus) => void;
  /** A newer team profile arrived from a colleague. */
  onTeamProfile?: (doc: TeamProfileDoc) => void;
  /** Passed to PouchDB's http adapter (tests); defaults to the global fetch. */
  fetch?: typeof fetch;
}

/** Prefix of the meta rows holding how far each local replica's changes feed was applied to Dexie. */
export const SEQ_KEY = 'teamSyncSeq';

/** What the bridge last saw of a mention in the local replica. */
interface Known {
  rev: string;
  json: string;
  lastSeen: number;
}

function known(rev: string, doc: TeamMention): Known {
  return { rev, json: teamMentionJson(doc), lastSeen: doc.lastSeen };
}

export class TeamSync {
  private local!: PouchDatabase;
  private remote!: PouchDatabase;
  private replication?: PouchSync;
  private feed?: PouchChanges;
  /** mentionKey → the revision and team fields last seen in the local replica. */
  private readonly known = new Map<string, Known>();
  private profileDoc?: Stored<TeamProfileDoc>;
  private queue: Promise<unknown> = Promise.resolve();
  private passTimer?: ReturnType<typeof setTimeout>;
  private interval?: ReturnType<typeof setInterval>;
  private stopped = false;
  private unpushed = 0;
  /** Deleted documents still hold their old revisions' bodies in the replica until it is compacted. */
  private compactDue = false;
  status: TeamSyncStatus = { state: 'connecting', pending: 0 };
  private readonly onMutated = (parts: Record<string, unknown>) => {
    if (Object.keys(parts).some((k) => k.includes('/mentions/'))) this.schedulePass();
  };

  constructor(private readonly opts: TeamSyncOptions) {}

  async start(): Promise<void> {
    const { Pouch, localName, dbUrl, user, password } = this.opts;
    this.local = new Pouch(localName);
    this.remote = new Pouch(dbUrl, {
      skip_setup: true,
      auth: { username: user, password },
      ...(this.opts.fetch ? { fetch: this.opts.fetch } : {}),
    });
    const all = await this.local.allDocs({ include_docs: true });
    for (const row of all.rows) {
      const doc = row.doc as unknown as Stored<TeamMention> | undefined;
      if (doc?.type === 'mention') this.known.set(doc.mentionKey, known(doc._rev, doc));
      else if (doc && doc._id === PROFILE_DOC_ID) this.profileDoc = doc as unknown as Stored<TeamProfileDoc>;
    }
    const seqRow = await this.opts.db.meta.get(this.seqKey());
    this.feed = this.local
      .changes({
        since: (seqRow?.value as string | number | undefined) ?? 0,
        live: true,
        include_docs: true,
        conflicts: true,
      })
      .on('change', (change: PouchChange) => {
        void this.enqueue(() => this.applyChange(change));
      });
    this.startReplication();
    Dexie.on('storagemutated', this.onMutated);
    // Safety net for a change notification that did not reach this context.
    this.interval = setInterval(() => this.schedulePass(), 5_000);
    await this.pushNow();
  }

  async stop(): Promise<void> {
    await this.halt();
    await this.local?.close();
    await this.remote?.close();
  }

  /**
   * "Alles löschen" with team sync on: stops, and erases this browser's replica (every document and revision) and
   * how far it had been applied, so a later start pulls the team log afresh. The team database is not touched.
   */
  async destroyLocal(): Promise<void> {
    await this.halt();
    await this.local?.destroy();
    await this.remote?.close();
    await this.opts.db.meta.delete(this.seqKey());
  }

  private async halt(): Promise<void> {
    this.stopped = true;
    Dexie.on('storagemutated').unsubscribe(this.onMutated);
    clearTimeout(this.passTimer);
    clearInterval(this.interval);
    this.replication?.cancel();
    this.feed?.cancel();
    await this.queue.catch(() => undefined);
  }

  /**
   * Retention for the shared log (DSGVO Art. 5(1)(e)): every mention last seen before `cutoff` is deleted in the
   * replica, and so, by replication, on the server and on every colleague's machine (see applyDeletion), and here
   * in Dexie too. The same rule as the local purge (utils/mentions.ts purgeOlderThan), so the order of the two does
   * not matter. A row seen again here since (its newer lastSeen not pushed yet) is kept: the next pass sends it.
   * Returns how many documents were deleted.
   */
  purgeBefore(cutoff: number): Promise<number> {
    return this.enqueue(async () => {
      if (this.stopped) return 0;
      const expired = [...this.known].filter(([, k]) => k.lastSeen < cutoff);
      if (!expired.length) return 0;
      const { db } = this.opts;
      const rows = await findByKeys(
        db,
        expired.map(([key]) => key),
      );
      const gone = expired.filter(([key]) => {
        const row = rows.get(key);
        return !row || !(row.lastSeen >= cutoff);
      });
      const ids = gone.flatMap(([key]) => rows.get(key)?.id ?? []);
      if (ids.length) await db.mentions.bulkDelete(ids);
      const results = await this.local.bulkDocs(
        gone.map(([key, k]) => ({ _id: mentionDocId(key), _rev: k.rev, _deleted: true })),
      );
      let deleted = 0;
      results.forEach((res, i) => {
        const key = gone[i]?.[0];
        if (key === undefined || !('ok' in res) || !res.ok) return; // 409: a newer revision arrived; next purge
        this.known.delete(key);
        deleted += 1;
      });
      this.unpushed += deleted;
      if (deleted) await this.local.compact();
      this.report({});
      return deleted;
    });
  }

  /** Pushes local changes now and waits for them to be in the local replica (PouchDB then sends them). */
  pushNow(): Promise<void> {
    return this.enqueue(() => this.pushPass());
  }

  /** Publishes this machine's team profile as the next version. */
  publishProfile(profile: TeamProfileDoc['profile']): Promise<void> {
    return this.enqueue(async () => {
      const prev = this.profileDoc;
      const doc: TeamProfileDoc & { _id: string; _rev?: string } = {
        _id: PROFILE_DOC_ID,
        type: 'profile',
        version: (prev?.version ?? 0) + 1,
        profile,
        by: this.name(),
        at: Date.now(),
      };
      if (prev) {
        doc._rev = prev._rev;
        doc.previous = { version: prev.version, profile: prev.profile, at: prev.at, by: prev.by };
      }
      const res = await this.local.put(doc);
      this.profileDoc = { ...doc, _rev: res.rev } as Stored<TeamProfileDoc>;
      this.unpushed += 1;
      this.report({});
    });
  }

  get teamProfile(): TeamProfileDoc | undefined {
    return this.profileDoc;
  }

  private seqKey() {
    return `${SEQ_KEY}:${this.opts.localName}`;
  }

  /** As teamDisplayName (./settings), which the pages use; not imported, so the engine stays free of storage. */
  private name() {
    return this.opts.displayName.trim() || this.opts.user.trim();
  }

  private enqueue<T>(job: () => Promise<T>): Promise<T> {
    const next = this.queue.then(job, job);
    this.queue = next.catch((err) => {
      console.error('[Lauscher] team sync', err);
    });
    return next;
  }

  private schedulePass() {
    if (this.stopped) return;
    clearTimeout(this.passTimer);
    this.passTimer = setTimeout(() => void this.pushNow().catch(() => undefined), 200);
  }

  private report(change: Partial<TeamSyncStatus>) {
    this.status = { ...this.status, ...change, pending: this.unpushed };
    this.opts.onStatus?.(this.status);
  }

  private startReplication() {
    // PouchDB's sync drops the error from 'paused'; each direction reports it as 'requestError' before retrying.
    let failing = false;
    const onRequestError = (err?: { status?: number }) => {
      failing = true;
      const errorKey = errorKeyForStatus(err?.status);
      this.report({ state: errorKey === 'teamErrUnreachable' ? 'offline' : 'error', errorKey });
    };
    const sync = this.local
      .sync(this.remote, {
        live: true,
        retry: true,
        back_off_function: (d: number) => Math.min(30_000, d ? d * 2 : 1_000),
      })
      .on('active', () => {
        failing = false;
        this.report({ state: 'active' });
      })
      .on('change', () => {
        failing = false;
      })
      .on('paused', () => {
        if (failing) return;
        this.unpushed = 0;
        this.report({ state: 'idle', lastSync: Date.now(), errorKey: undefined });
      })
      .on('denied', () => this.report({ state: 'error', errorKey: 'teamErrForbidden' }))
      .on('error', (err: { status?: number }) => {
        // Fatal for this replication: say so, and try again later; nothing local is lost.
        this.report({ state: 'error', errorKey: errorKeyForStatus(err?.status) });
        if (!this.stopped) setTimeout(() => !this.stopped && this.startReplication(), 30_000);
      });
    sync.push?.on('requestError', onRequestError);
    sync.pull?.on('requestError', onRequestError);
    this.replication = sync;
  }

  /** Local rows that differ from the replica → new revisions (with who did it). */
  private async pushPass(): Promise<void> {
    if (this.stopped) return;
    const rows = await this.opts.db.mentions.toArray();
    const docs: (TeamMention & { _id: string; _rev?: string })[] = [];
    const stamps: { key: number; changes: Partial<Mention> }[] = [];
    for (const row of rows) {
      const known = this.known.get(row.mentionKey);
      let team = toTeamMention(row);
      if (known && teamMentionJson(team) === known.json) continue;
      const stamp = this.whoDidIt(row, known ? (JSON.parse(known.json) as TeamMention) : undefined);
      if (stamp) {
        stamps.push({ key: row.id, changes: stamp });
        team = toTeamMention({ ...row, ...stamp });
        if (known && teamMentionJson(team) === known.json) continue;
      }
      docs.push({ ...team, _id: mentionDocId(row.mentionKey), ...(known ? { _rev: known.rev } : {}) });
    }
    if (stamps.length) await this.opts.db.mentions.bulkUpdate(stamps);
    if (this.compactDue) {
      this.compactDue = false;
      await this.local.compact();
    }
    if (!docs.length) return;
    const results = await this.local.bulkDocs(docs);
    results.forEach((res, i) => {
      const doc = docs[i];
      if (!doc || !('ok' in res) || !res.ok) return; // 409: the changes feed brings the newer revision to merge
      this.known.set(doc.mentionKey, known(res.rev, doc));
      this.unpushed += 1;
    });
    this.report({});
  }

  /** A status or note changed on this machine: record the display name (and the answer time). */
  private whoDidIt(row: Mention, before: TeamMention | undefined): Partial<Mention> | undefined {
    const out: Partial<Mention> = {};
    const name = this.name();
    const statusChanged = !before || before.status !== row.status || before.statusChangedAt !== row.statusChangedAt;
    if (statusChanged && (row.status === 'answered' || row.status === 'ignored') && row.statusBy !== name) {
      out.statusBy = name;
      if (row.status === 'answered') {
        out.answeredBy = name;
        out.answeredAt = row.statusChangedAt;
      }
    }
    if (row.note && row.note !== (before?.note ?? '') && row.noteBy !== name) out.noteBy = name;
    return Object.keys(out).length ? out : undefined;
  }

  private async applyChange(change: PouchChange): Promise<void> {
    const doc = change.doc as unknown as Stored<TeamMention | TeamProfileDoc> | undefined;
    if (doc?._deleted && doc._id.startsWith(MENTION_DOC_PREFIX)) await this.applyDeletion(doc._id);
    else if (doc && !doc._deleted) {
      if (doc._conflicts?.length) await this.resolve(doc);
      else if (doc._id === PROFILE_DOC_ID) this.applyProfile(doc as Stored<TeamProfileDoc>);
      else if (doc._id.startsWith(MENTION_DOC_PREFIX)) await this.applyMention(doc as Stored<TeamMention>);
    }
    await this.opts.db.meta.put({ key: this.seqKey(), value: change.seq });
  }

  /** Conflicting revisions → one by the team's rules, losers deleted. Every machine computes the same winner. */
  private async resolve(doc: Stored<TeamMention | TeamProfileDoc>): Promise<void> {
    const revs = [doc._rev, ...(doc._conflicts ?? [])];
    const versions = await Promise.all(revs.map((rev) => this.local.get(doc._id, { rev })));
    const merged =
      doc._id === PROFILE_DOC_ID
        ? resolveProfiles(versions as unknown as TeamProfileDoc[])
        : mergeAllTeamMentions(versions as unknown as TeamMention[]);
    const same =
      doc._id === PROFILE_DOC_ID
        ? JSON.stringify(merged) === JSON.stringify(resolveProfiles([doc as TeamProfileDoc]))
        : teamMentionJson(merged as TeamMention) === teamMentionJson(doc as TeamMention);
    const writes: object[] = (doc._conflicts ?? []).map((rev) => ({ _id: doc._id, _rev: rev, _deleted: true }));
    // Identical content: only delete the losers, so two machines resolving at once do not start a new conflict.
    if (!same) writes.push({ ...merged, _id: doc._id, _rev: doc._rev });
    await this.local.bulkDocs(writes);
    this.unpushed += writes.length;
  }

  private applyProfile(doc: Stored<TeamProfileDoc>) {
    const mine = this.profileDoc;
    this.profileDoc = doc;
    if (!mine || mine._rev !== doc._rev) this.opts.onTeamProfile?.(doc);
  }

  private async applyMention(doc: Stored<TeamMention>): Promise<void> {
    const { db } = this.opts;
    const prev = this.known.get(doc.mentionKey);
    this.known.set(doc.mentionKey, known(doc._rev, doc));
    await db.transaction('rw', db.mentions, async () => {
      const row = await db.mentions.get({ mentionKey: doc.mentionKey });
      const localJson = row ? teamMentionJson(toTeamMention(row)) : undefined;
      // Edits made here and not yet pushed are merged, not overwritten; the next pass pushes the result.
      const unpushed = row !== undefined && localJson !== (prev?.json ?? undefined);
      const target = unpushed && row ? mergeAllTeamMentions([doc, toTeamMention(row)]) : doc;
      if (teamMentionJson(target) === localJson) return;
      await db.mentions.put(applyTeamMention(row, target) as Mention);
    });
  }

  /**
   * A mention deleted in the team log (a colleague's retention purge, or our own coming back through the feed):
   * the local row goes too, unless it holds edits made here and not yet pushed (seen again, answered): then it
   * stays, and the next pass publishes it as a new document.
   */
  private async applyDeletion(docId: string): Promise<void> {
    const { db } = this.opts;
    const key = docId.slice(MENTION_DOC_PREFIX.length);
    const prev = this.known.get(key);
    this.known.delete(key);
    this.compactDue = true;
    await db.transaction('rw', db.mentions, async () => {
      const row = await db.mentions.get({ mentionKey: key });
      if (!row || !prev || teamMentionJson(toTeamMention(row)) !== prev.json) return;
      await db.mentions.delete(row.id);
    });
  }
}
