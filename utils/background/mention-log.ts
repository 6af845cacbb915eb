// Background side of the log: mentions from every tab go through one write queue into IndexedDB, one
// transaction per batch, so five busy tabs cost one write every quarter second, not hundreds.
import { getDb, getInstallSalt } from '../db';
import { createWriteQueue, recordMentions, withQuotaRecovery } from '../mentions';
import { onMessage } from '../messaging';
import type { MentionInput } from '../model';
import { privacyItem } from '../settings';
import { notifyLogChanged } from './badge';
import { storageProblemItem } from './status-items';

export function setUpMentionLog() {
  const db = getDb();
  const queue = createWriteQueue(
    async (batch: MentionInput[]) => {
      const [privacy, salt] = await Promise.all([privacyItem.getValue(), getInstallSalt(db)]);
      const { result, recovery } = await withQuotaRecovery(
        db,
        () => recordMentions(db, batch, { authorMode: privacy.authorMode, salt }),
        { retentionDays: privacy.retentionDays },
      );
      if (recovery) await storageProblemItem.setValue({ message: recovery.message, at: Date.now() });
      void notifyLogChanged();
      return result;
    },
    { maxDelayMs: 250 },
  );

  onMessage('csLogMentions', async ({ data }) => {
    try {
      const result = await queue.push(data);
      return { stored: result.added + result.updated };
    } catch (err) {
      console.error('[Lauscher] log write failed', err);
      await storageProblemItem.setValue({ message: err instanceof Error ? err.message : String(err), at: Date.now() });
      return { stored: 0 };
    }
  });
}
