// Mention log figures for issue 6 (`npx tsx scripts/bench.ts log`), on fake-indexeddb in Node. The popup's digest
// (issue 15) is measured in real Chromium's IndexedDB instead: bench/digest.ts.
// - legacyDigestRatio: the previous top-20 digest (utils/mentions.ts digest) at 100,000 mentions ÷ at 1,000.
// - bulkWritePerSec: mentions per second through recordMentions (pseudonym mode, batches of 250, a fifth of each
//   batch already logged) into the 100k log.
// - export100kSeconds: reading 100,000 mentions and writing them as CSV.
import 'fake-indexeddb/auto';
import { createDb } from '../utils/db';
import { exportCsv } from '../utils/export/csv';
import { digest, recordMentions } from '../utils/mentions';
import type { MentionInput } from '../utils/model';
import { fill, medians, mention, NOW, RECENT_PER_DAY } from './_log-data';

const round = (n: number, digits = 2) => Number(n.toFixed(digits));

export default async function run(): Promise<Record<string, unknown>> {
  const stamp = Date.now();
  const small = createDb(`bench-log-1k-${stamp}`);
  const large = createDb(`bench-log-100k-${stamp}`);
  await fill(small, 1_000);
  const t0 = performance.now();
  await fill(large, 100_000);
  const fillSeconds = (performance.now() - t0) / 1000;

  const opts = { now: NOW, urgentTopicIds: ['krise'] };
  const check = await digest(large, opts);
  const [legacyMs1k = Number.NaN, legacyMs100k = Number.NaN] = await medians([
    () => digest(small, opts),
    () => digest(large, opts),
  ]);

  // bulk writes into the large log: 20 batches of 250, a fifth of each batch seen before
  const batches: MentionInput[][] = [];
  for (let b = 0; b < 20; b++) {
    batches.push(
      Array.from({ length: 250 }, (_, k): MentionInput => {
        const seenBefore = k % 5 === 0;
        const m = mention(seenBefore ? b * 250 + k : 200_000 + b * 250 + k, NOW);
        return { ...m, author: `Bürger ${k % 97}` };
      }),
    );
  }
  const w0 = performance.now();
  let written = 0;
  for (const batch of batches) {
    await recordMentions(large, batch, { authorMode: 'pseudonym', pseudonymKey: 'bench-key', now: NOW });
    written += batch.length;
  }
  const bulkWritePerSec = written / ((performance.now() - w0) / 1000);

  const e0 = performance.now();
  const csv = await exportCsv(large, { to: NOW + 1 }, { t: (key) => key });
  const exportSeconds = (performance.now() - e0) / 1000;
  const exportedRows = csv.split('\r\n').length - 1;

  small.close();
  large.close();
  await Promise.all([small.delete(), large.delete()]).catch(() => undefined);

  return {
    legacyDigestRatio: round(legacyMs100k / legacyMs1k),
    digestWindowRows: check.today + check.yesterday + 5 * RECENT_PER_DAY,
    bulkWritePerSec: Math.round(bulkWritePerSec),
    export100kSeconds: round(exportSeconds),
    exportedRows,
    fill100kSeconds: round(fillSeconds),
  };
}
