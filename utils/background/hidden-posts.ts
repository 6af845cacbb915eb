// Posts the officer hid ("Diesen Beitrag ignorieren") on a site set to "nur beobachten". Such a site keeps no row in
// the log, not even an ignored one, so without this the post would be highlighted again after a reload. The keys live
// in session storage: in memory only and gone when the browser closes, so nothing about the site reaches the disk,
// as "observe only" promises; meanwhile they survive reloads and the service worker's restarts.
import { storage } from 'wxt/utils/storage';
import type { LauscherDb } from '../db';

/** Oldest first; a working day of hiding never comes near the cap. */
export const hiddenPostsItem = storage.defineItem<string[]>('session:hiddenPosts', { fallback: [] });
export const MAX_HIDDEN_POSTS = 5_000;

/** Writes one after the other: two posts hidden in quick succession must not overwrite each other's read. */
let writes: Promise<void> = Promise.resolve();

export function hidePost(mentionKey: string): Promise<void> {
  writes = writes
    .catch(() => undefined)
    .then(async () => {
      const keys = (await hiddenPostsItem.getValue()).filter((k) => k !== mentionKey);
      keys.push(mentionKey);
      await hiddenPostsItem.setValue(keys.slice(-MAX_HIDDEN_POSTS));
    });
  return writes;
}

/**
 * Those of `mentionKeys` the page must not highlight: hidden in this browser session, or ignored in the log (a site
 * that logged before it was set to observe only).
 */
export async function hiddenAmong(db: LauscherDb, mentionKeys: readonly string[]): Promise<string[]> {
  const wanted = [...new Set(mentionKeys.filter((k) => typeof k === 'string' && k))];
  if (!wanted.length) return [];
  const [hidden, ignoredRows] = await Promise.all([
    hiddenPostsItem.getValue(),
    db.mentions
      .where('mentionKey')
      .anyOf(wanted)
      .filter((m) => m.status === 'ignored')
      .toArray(),
  ]);
  const asked = new Set(wanted);
  const out = new Set(hidden.filter((k) => asked.has(k)));
  for (const m of ignoredRows) out.add(m.mentionKey);
  return [...out];
}
