// Background side of the log: mentions from every tab go through one write queue into IndexedDB, one
// transaction per batch, so five busy tabs cost one write every quarter second, not hundreds. Nothing from a private
// area or a site in "observe only"/"off" mode is stored, whatever a content script sent.
import { getDb } from '../db';
import { createWriteQueue, recordMentions, withQuotaRecovery } from '../mentions';
import { onMessage } from '../messaging';
import type { MentionInput } from '../model';
import { mayLog } from '../privacy/site-modes';
import { teamPrivacy } from '../privacy/team-privacy';
import { privacyItem, siteModesItem } from '../settings';
import { notifyLogChanged } from './badge';
import { storageProblemItem } from './status-items';

export function setUpMentionLog() {
  const db = getDb();
  const queue = createWriteQueue(
    async (batch: MentionInput[]) => {
      const [privacy, team] = await Promise.all([privacyItem.getValue(), teamPrivacy()]);
      const { result, recovery } = await withQuotaRecovery(db, () => recordMentions(db, batch, team), {
        retentionDays: privacy.retentionDays,
      });
      if (recovery) await storageProblemItem.setValue({ message: recovery.message, at: Date.now() });
      void notifyLogChanged();
      return result;
    },
    { maxDelayMs: 250 },
  );

  onMessage('csLogMentions', async ({ data }) => {
    try {
      const modes = await siteModesItem.getValue();
      const allowed = data.filter((m) => mayLog(m, modes));
      if (!allowed.length) return { stored: 0 };
      const result = await queue.push(allowed);
      // The batch may hold other tabs' mentions too: answer with this message's ignored keys only.
      const mine = new Set(allowed.map((m) => m.mentionKey));
      return { stored: result.added + result.updated, ignored: result.ignoredKeys.filter((k) => mine.has(k)) };
    } catch (err) {
      console.error('[Lauscher] log write failed', err);
      await storageProblemItem.setValue({ message: err instanceof Error ? err.message : String(err), at: Date.now() });
      return { stored: 0 };
    }
  });
}
