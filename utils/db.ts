// The ONE Dexie schema file. Every version(n).stores() lives here, oldest first, and stays forever once shipped;
// a later change adds a version (with an upgrade() when rows must change) plus a saved database of the previous
// version in tests/fixtures/db/ that tests/unit/db-upgrade.test.ts opens with the current schema; the e2e test
// tests/e2e/upgrade.e2e.ts does the same with the v1 extension built from git, in real Chromium.
//
// Dexie lives in the extension origin only (background and extension pages): an IndexedDB opened in a content
// script belongs to the visited site. Content scripts send mentions by message.
import Dexie, { type EntityTable, type Transaction } from 'dexie';
import { DIGEST_KEYS, digestKeysMiddleware, digestKeysOf } from './digest/index-keys';
import type { Mention } from './model';

/**
 * A small key/value table for installation data that is not a setting. (Version 1 kept a per-installation pseudonym
 * salt here; pseudonyms now use the team key in the profile, utils/privacy/team-privacy.ts.)
 */
export interface MetaRow {
  key: string;
  value: unknown;
}

export type LauscherDb = Dexie & {
  mentions: EntityTable<Mention, 'id'>;
  meta: EntityTable<MetaRow, 'key'>;
};

/**
 * Every schema version ever shipped, oldest first. Index only what `where()` queries: never post text.
 * - mentionKey: unique, dedupe on write and merge on import
 * - firstSeen: digest (today/yesterday), list and export date ranges
 * - lastSeen: retention (purge) and quota pruning
 * - status, platform, *topicIds: list filters
 * - v2 answeredAt: the digest's "answered today"; [status+firstSeen]: open mentions of a day range without
 *   reading the answered ones
 * - v3 *digestKeys: [status, facet, value, firstSeen] per row (utils/digest/index-keys.ts), derived on every write
 *   and never seen by readers: the popup counts by status, topic, platform and day and pages its queue from it
 */
export const SCHEMA_VERSIONS: readonly {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<unknown>;
}[] = [
  {
    version: 1,
    stores: {
      mentions: '++id, &mentionKey, firstSeen, lastSeen, status, platform, *topicIds',
      meta: 'key',
    },
  },
  {
    version: 2,
    stores: {
      mentions: '++id, &mentionKey, firstSeen, lastSeen, status, platform, *topicIds, answeredAt, [status+firstSeen]',
      meta: 'key',
    },
    upgrade: upgradeToV2,
  },
  {
    version: 3,
    stores: {
      mentions:
        '++id, &mentionKey, firstSeen, lastSeen, status, platform, *topicIds, answeredAt, [status+firstSeen], *digestKeys',
      meta: 'key',
    },
    upgrade: upgradeToV3,
  },
];

/**
 * v1 → v2: mentions already answered get `answeredAt` = the time their status changed (v1 knew no better), so they
 * count in "answered" day ranges. Nothing else changes; every row stays.
 */
function upgradeToV2(tx: Transaction): Promise<number> {
  return tx
    .table<Mention>('mentions')
    .toCollection()
    .modify((m) => {
      if (m.status === 'answered' && m.answeredAt === undefined && Number.isFinite(m.statusChangedAt)) {
        m.answeredAt = m.statusChangedAt;
      }
    });
}

/** v2 → v3: every row gets its digest index keys; the rows themselves (as readers see them) do not change. */
function upgradeToV3(tx: Transaction): Promise<number> {
  return tx
    .table<Mention & { [DIGEST_KEYS]?: unknown }>('mentions')
    .toCollection()
    .modify((m) => {
      m[DIGEST_KEYS] = digestKeysOf(m);
    });
}

export const DB_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]?.version ?? 1;
export const DEFAULT_DB_NAME = 'lauscher';

/** Opens (lazily, on first query) a Lauscher database. Tests pass a fresh name each. */
export function createDb(name: string = DEFAULT_DB_NAME): LauscherDb {
  const db = new Dexie(name) as LauscherDb;
  db.use(digestKeysMiddleware);
  for (const { version, stores, upgrade } of SCHEMA_VERSIONS) {
    const v = db.version(version).stores(stores);
    if (upgrade) v.upgrade(upgrade);
  }
  return db;
}

let defaultDb: LauscherDb | undefined;

/** The extension's database, created on first use (so importing this file opens nothing). */
export function getDb(): LauscherDb {
  defaultDb ??= createDb();
  return defaultDb;
}
