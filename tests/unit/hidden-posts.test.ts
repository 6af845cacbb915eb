// Posts hidden on an "observe only" site: kept for the browser session only, and answered together with the posts the
// log holds as ignored.
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { hiddenAmong, hidePost, MAX_HIDDEN_POSTS } from '../../utils/background/hidden-posts';
import { createDb, type LauscherDb } from '../../utils/db';
import type { Mention } from '../../utils/model';

const dbs: LauscherDb[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
});

function row(mentionKey: string, status: Mention['status']): Omit<Mention, 'id'> {
  return {
    mentionKey,
    platform: 'facebook',
    kind: 'post',
    permalink: `https://www.facebook.com/${mentionKey}`,
    pageUrl: 'https://www.facebook.com/groups/x',
    author: '',
    snippet: 'Hochwasser in Musterstadt',
    terms: ['Hochwasser'],
    topicIds: ['krise'],
    firstSeen: Date.now() - 1000,
    lastSeen: Date.now(),
    seenCount: 1,
    status,
    statusChangedAt: Date.now(),
    note: '',
  };
}

describe('hidden posts', () => {
  it('answers the hidden ones among the asked keys, and the ones the log holds as ignored', async () => {
    const db = createDb(`hidden-${crypto.randomUUID()}`);
    dbs.push(db);
    await db.mentions.bulkAdd([row('facebook:post:1', 'ignored'), row('facebook:post:2', 'new')] as Mention[]);
    await hidePost('facebook:post:3');
    await hidePost('facebook:post:4');
    const asked = ['facebook:post:1', 'facebook:post:2', 'facebook:post:3', 'facebook:post:9'];
    expect((await hiddenAmong(db, asked)).sort()).toEqual(['facebook:post:1', 'facebook:post:3']);
    expect(await hiddenAmong(db, [])).toEqual([]);
  });

  it('keeps every post when several are hidden at once', async () => {
    await Promise.all(['a', 'b', 'c', 'd'].map((k) => hidePost(`facebook:post:${k}`)));
    const stored = (await fakeBrowser.storage.session.get('hiddenPosts')).hiddenPosts as string[];
    expect([...stored].sort()).toEqual(['facebook:post:a', 'facebook:post:b', 'facebook:post:c', 'facebook:post:d']);
  });

  it('lives in session storage only (nothing of an observed site on disk), newest kept at the cap', async () => {
    const db = createDb(`hidden-${crypto.randomUUID()}`);
    dbs.push(db);
    for (let i = 0; i <= MAX_HIDDEN_POSTS; i++) await hidePost(`k${i}`);
    await hidePost('k1'); // hidden again: moves to the newest end, no duplicate
    const stored = (await fakeBrowser.storage.session.get('hiddenPosts')).hiddenPosts as string[];
    expect(stored).toHaveLength(MAX_HIDDEN_POSTS);
    expect(stored.at(-1)).toBe('k1');
    expect(stored).not.toContain('k0');
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    expect((await hiddenAmong(db, ['k0', 'k1', `k${MAX_HIDDEN_POSTS}`])).sort()).toEqual([
      'k1',
      `k${MAX_HIDDEN_POSTS}`,
    ]);
  });
});
