// "Diesen Beitrag ignorieren" from the on-page tooltip: sets the mention's status to 'ignored' by its mentionKey. The
// tooltip may be used before the collector's batch reached the log, so a mention not stored yet is first recorded
// through the same recordMentions path (and privacy mode) the log uses, then marked.
import { getDb } from '../db';
import { recordMentions, setStatus } from '../mentions';
import { onMessage } from '../messaging';
import { mayLog } from '../privacy/site-modes';
import { teamPrivacy } from '../privacy/team-privacy';
import { siteModesItem } from '../settings';
import { notifyLogChanged } from './badge';

export function setUpIgnore() {
  onMessage('csIgnoreMention', async ({ data }) => {
    if (!data?.mentionKey) return;
    const db = getDb();
    const find = () => db.mentions.where('mentionKey').equals(data.mentionKey).first();
    let row = await find();
    // A site in "observe only" mode keeps no row, not even an ignored one (the highlight stays until reload).
    if (!row && mayLog(data, await siteModesItem.getValue())) {
      await recordMentions(db, [data], await teamPrivacy());
      row = await find();
    }
    if (row) await setStatus(db, row.id, 'ignored');
    void notifyLogChanged();
  });
}
