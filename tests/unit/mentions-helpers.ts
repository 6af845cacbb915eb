// Shared builders for the mention-log tests (not a test file itself).
import { createDb, type LauscherDb } from '../../utils/db';
import type { Mention, MentionInput } from '../../utils/model';

let counter = 0;

/** A fresh database per test; close it in afterEach with `db.close()` or leave it to the process. */
export function freshDb(): LauscherDb {
  counter += 1;
  return createDb(`lauscher-test-${counter}-${crypto.randomUUID()}`);
}

export function input(key: string, over: Partial<MentionInput> = {}): MentionInput {
  return {
    mentionKey: key,
    platform: 'facebook',
    kind: 'comment',
    permalink: `https://www.facebook.com/stadt/posts/1?comment_id=${key}`,
    pageUrl: 'https://www.facebook.com/stadt',
    author: 'Erika Mustermann',
    snippet: `Die Baustelle in der Hauptstraße nervt (${key})`,
    terms: ['Baustelle'],
    topicIds: ['verkehr'],
    ...over,
  };
}

export function row(key: string, over: Partial<Omit<Mention, 'id'>> = {}): Omit<Mention, 'id'> {
  const t = over.firstSeen ?? Date.UTC(2025, 10, 25, 9);
  return {
    mentionKey: key,
    platform: 'facebook',
    kind: 'comment',
    permalink: `https://www.facebook.com/stadt/posts/1?comment_id=${key}`,
    pageUrl: 'https://www.facebook.com/stadt',
    author: 'Person 3F9A',
    snippet: `Textauszug ${key}`,
    terms: ['Baustelle'],
    topicIds: ['verkehr'],
    firstSeen: t,
    lastSeen: t,
    seenCount: 1,
    status: 'new',
    statusChangedAt: t,
    note: '',
    ...over,
  };
}

/** Local time, so day boundaries in the tests follow the machine's zone like the code does. */
export const local = (y: number, m: number, d: number, h = 12, min = 0): number =>
  new Date(y, m - 1, d, h, min).getTime();
