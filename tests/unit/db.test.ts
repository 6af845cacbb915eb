import { afterEach, describe, expect, it } from 'vitest';
import { createDb, DB_VERSION, DEFAULT_DB_NAME, getDb, type LauscherDb } from '../../utils/db';
import type { Mention } from '../../utils/model';
import { freshDb, row } from './mentions-helpers';

let db: LauscherDb;
afterEach(() => db?.close());

describe('schema', () => {
  it('indexes exactly what the queries use, never text', async () => {
    db = freshDb();
    await db.open();
    expect(db.verno).toBe(DB_VERSION);
    const schema = db.mentions.schema;
    expect(schema.primKey.name).toBe('id');
    expect(schema.primKey.auto).toBe(true);
    const indexes = Object.fromEntries(schema.indexes.map((i) => [i.name, { unique: !!i.unique, multi: !!i.multi }]));
    expect(indexes).toEqual({
      mentionKey: { unique: true, multi: false },
      firstSeen: { unique: false, multi: false },
      lastSeen: { unique: false, multi: false },
      status: { unique: false, multi: false },
      platform: { unique: false, multi: false },
      topicIds: { unique: false, multi: true },
      answeredAt: { unique: false, multi: false },
      '[status+firstSeen]': { unique: false, multi: false },
      digestKeys: { unique: false, multi: true },
    });
    expect(db.meta.schema.primKey.name).toBe('key');
  });

  it('refuses a second row with the same mentionKey', async () => {
    db = freshDb();
    await db.mentions.add(row('same') as Mention);
    await expect(db.mentions.add(row('same') as Mention)).rejects.toMatchObject({ name: 'ConstraintError' });
    expect(await db.mentions.count()).toBe(1);
  });

  it('finds mentions by topic through the multi-entry index', async () => {
    db = freshDb();
    await db.mentions.bulkAdd([
      row('a', { topicIds: ['bau', 'verkehr'] }),
      row('b', { topicIds: ['bau'] }),
    ] as Mention[]);
    expect(await db.mentions.where('topicIds').equals('verkehr').count()).toBe(1);
    expect(await db.mentions.where('topicIds').equals('bau').count()).toBe(2);
  });
});

describe('databases', () => {
  it('keeps test databases apart and gives the extension one lazily created default', async () => {
    const a = createDb('lauscher-db-test-a');
    const b = createDb('lauscher-db-test-b');
    await a.mentions.add(row('x') as Mention);
    expect(await b.mentions.count()).toBe(0);
    a.close();
    b.close();
    const d = getDb();
    expect(d).toBe(getDb());
    expect(d.name).toBe(DEFAULT_DB_NAME);
    expect(d.isOpen()).toBe(false);
  });
});
