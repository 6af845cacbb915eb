// Ignoring a mention, from the on-page tooltip (by mentionKey) or the popup (by id): the status becomes 'ignored'
// and every open tab is told to drop that post's highlights. The tooltip may be used before the post index's batch
// reached the log, so a mention not stored yet is first recorded through the same recordMentions path (and privacy
// mode) the log uses, then marked. On a site that logs nothing ("observe only") the key is kept for the browser
// session, and the page asks for it after a reload (csHiddenAmong).
import { browser } from 'wxt/browser';
import { getDb } from '../db';
import { recordMentions, setStatus } from '../mentions';
import { onMessage, sendMessage } from '../messaging';
import { mayLog } from '../privacy/site-modes';
import { teamPrivacy } from '../privacy/team-privacy';
import { siteModesItem } from '../settings';
import { notifyLogChanged } from './badge';
import { hiddenAmong, hidePost } from './hidden-posts';

/** Tells the content script of every tab to forget this mention's highlights (tabs without one just refuse). */
export async function broadcastForget(mentionKey: string): Promise<number> {
  const tabs = await browser.tabs.query({});
  const sent = await Promise.all(
    tabs.map((tab) =>
      tab.id === undefined
        ? false
        : sendMessage('bgForgetMention', { mentionKey }, tab.id).then(
            () => true,
            () => false,
          ),
    ),
  );
  return sent.filter(Boolean).length;
}

export function setUpIgnore() {
  onMessage('csIgnoreMention', async ({ data }) => {
    if (!data?.mentionKey) return;
    const db = getDb();
    const find = () => db.mentions.where('mentionKey').equals(data.mentionKey).first();
    let row = await find();
    if (!row) {
      // A site in "observe only" mode keeps no row, not even an ignored one: the key is kept for this browser
      // session instead (utils/background/hidden-posts.ts).
      if (mayLog(data, await siteModesItem.getValue())) {
        await recordMentions(db, [data], await teamPrivacy());
        row = await find();
      } else {
        await hidePost(data.mentionKey);
      }
    }
    if (row) await setStatus(db, row.id, 'ignored');
    void notifyLogChanged();
    await broadcastForget(data.mentionKey);
  });

  onMessage('csHiddenAmong', ({ data }) => hiddenAmong(getDb(), Array.isArray(data) ? data : []));

  onMessage('uiIgnoreMention', async ({ data }) => {
    const db = getDb();
    const row = await db.mentions.get(data.id);
    if (!row) return;
    await setStatus(db, row.id, 'ignored');
    void notifyLogChanged();
    await broadcastForget(row.mentionKey);
  });
}
