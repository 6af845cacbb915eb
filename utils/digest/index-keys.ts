// The digest's own index (schema v3, `*digestKeys`): for every row one key per status × facet × firstSeen, so the
// popup counts and pages from the index and reads full rows only for the cards it shows. IndexedDB cannot index an
// array inside a compound key (topicIds with status and firstSeen), but a multiEntry index over an array of arrays
// gives each entry its own compound key:
//   [status, firstSeen]                   every row: the queue of one status in working order (oldest first, then id)
//   [status, 't' + topicId, firstSeen]    per topic: urgent rows, topic filters
//   [status, 'p' + platform, firstSeen]   per platform: platform filters
//   ['*', 't…' | 'p…', firstSeen]         the same of any status: the day's topic and platform counts, one range each
// Keys are short on purpose: counting a range compares every key in it (numbers sort before strings, so a status's
// [status, firstSeen] keys all come before its facet keys).
// The keys are derived by a DBCore middleware on every write (whatever writes: the log, status changes, imports,
// team sync, upgrades) and removed again on every read, so no page, export or sync ever sees them.
import type { DBCore, DBCoreTable, Middleware } from 'dexie';
import { MENTION_STATUSES, type MentionStatus } from '../model';

export const DIGEST_KEYS = 'digestKeys';
/** '*' = the status's own range; 't' = a topic; 'p' = a platform. */
export type Facet = '*' | 't' | 'p';
/** The status part of the keys that hold rows of every status. */
export const ANY_STATUS = '*';
export type KeyStatus = MentionStatus | typeof ANY_STATUS;
export type DigestKey = [KeyStatus, number] | [KeyStatus, string, number];

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x) => typeof x === 'string') : []);

/**
 * The keys of one row; none when its status is unknown or firstSeen is not a finite number (such a row is then
 * missing from the index, and the digest notices by count and reads rows instead: utils/digest/load.ts).
 */
export function digestKeysOf(row: {
  status?: unknown;
  firstSeen?: unknown;
  topicIds?: unknown;
  platform?: unknown;
}): DigestKey[] {
  const { status, firstSeen } = row;
  if (
    !MENTION_STATUSES.includes(status as MentionStatus) ||
    typeof firstSeen !== 'number' ||
    !Number.isFinite(firstSeen)
  )
    return [];
  const s = status as MentionStatus;
  const keys: DigestKey[] = [[s, firstSeen]];
  for (const t of new Set(strings(row.topicIds))) keys.push([s, `t${t}`, firstSeen], [ANY_STATUS, `t${t}`, firstSeen]);
  if (typeof row.platform === 'string') {
    keys.push([s, `p${row.platform}`, firstSeen], [ANY_STATUS, `p${row.platform}`, firstSeen]);
  }
  return keys;
}

/** Index range bounds for one status and facet value, firstSeen in [from, to). */
export function digestRange(
  status: KeyStatus,
  facet: Facet,
  value: string,
  from = Number.NEGATIVE_INFINITY,
  to = Number.POSITIVE_INFINITY,
): [DigestKey, DigestKey] {
  if (facet === '*') {
    return [
      [status, from],
      [status, to],
    ];
  }
  return [
    [status, facet + value, from],
    [status, facet + value, to],
  ];
}

function withKeys(value: unknown): unknown {
  if (!value || typeof value !== 'object') return value;
  return { ...(value as object), [DIGEST_KEYS]: digestKeysOf(value as Record<string, unknown>) };
}

/** A copy without the index keys (a copy: Dexie's cache may hold the object it was given). */
function withoutKeys(value: unknown): unknown {
  if (!value || typeof value !== 'object' || !(DIGEST_KEYS in value)) return value;
  const { [DIGEST_KEYS]: _keys, ...rest } = value as Record<string, unknown>;
  return rest;
}

function mentionsTable(down: DBCoreTable): DBCoreTable {
  return {
    ...down,
    mutate(req) {
      if (req.type === 'add' || req.type === 'put') return down.mutate({ ...req, values: req.values.map(withKeys) });
      return down.mutate(req);
    },
    get: (req) => down.get(req).then(withoutKeys),
    getMany: (req) => down.getMany(req).then((rows) => rows.map(withoutKeys)),
    openCursor: (req) =>
      down
        .openCursor(req)
        .then((c) =>
          c && req.values !== false
            ? Object.create(c, { value: { get: () => withoutKeys(c.value), enumerable: true } })
            : c,
        ),
    query: (req) => down.query(req).then((res) => (req.values ? { ...res, result: res.result.map(withoutKeys) } : res)),
  };
}

/**
 * Registered after Dexie's own middlewares at the same level, so it sits above them: live queries see writes with
 * their index keys (and so notice when a digest range changed), and IndexedDB stores them.
 */
export const digestKeysMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'LauscherDigestKeys',
  level: 0,
  create: (down) => ({
    ...down,
    table: (name) => (name === 'mentions' ? mentionsTable(down.table(name)) : down.table(name)),
  }),
};
