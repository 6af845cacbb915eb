// Runs inside a Chromium page (bundled by bench/digest.ts): the popup's digest query against Chromium's own
// IndexedDB, the store the extension really uses. fake-indexeddb in Node differs where it matters here: its cursors
// cost O(n) per step and its counts are not IndexedDB's.
import { createDb, type LauscherDb } from '../utils/db';
import { loadDigest, loadDigestByRows } from '../utils/digest/load';
import { DIGEST_QUERY, fill, fillDense, medians } from './_log-data';

export interface DigestFigures {
  fillSeconds: number;
  ms1k: number;
  ms100k: number;
  msDense100k: number;
  ms1kByRows: number;
  msDense100kByRows: number;
  queue100k: number;
  openDense100k: number;
}

const logs: Record<'small' | 'large' | 'dense', LauscherDb> = {
  small: createDb('bench-digest-1k'),
  large: createDb('bench-digest-100k'),
  dense: createDb('bench-digest-dense-100k'),
};

async function run(rounds: number): Promise<DigestFigures> {
  const { small, large, dense } = logs;
  await Promise.all(Object.values(logs).map((db) => db.delete().then(() => db.open())));
  await fill(small, 1_000);
  const t0 = performance.now();
  await fill(large, 100_000);
  const fillSeconds = (performance.now() - t0) / 1000;
  await fillDense(dense);
  const [ms1k = Number.NaN, ms100k = Number.NaN, msDense100k = Number.NaN] = await medians(
    [
      () => loadDigest(small, DIGEST_QUERY),
      () => loadDigest(large, DIGEST_QUERY),
      () => loadDigest(dense, DIGEST_QUERY),
    ],
    rounds,
  );
  // the rows path leaves much more garbage to collect: rounds of its own
  const [ms1kByRows = Number.NaN, msDense100kByRows = Number.NaN] = await medians([
    () => loadDigestByRows(small, DIGEST_QUERY),
    () => loadDigestByRows(dense, DIGEST_QUERY),
  ]);
  const [largeDigest, denseDigest] = await Promise.all([
    loadDigest(large, DIGEST_QUERY),
    loadDigest(dense, DIGEST_QUERY),
  ]);
  await Promise.all(Object.values(logs).map((db) => db.delete()));
  return {
    fillSeconds,
    ms1k,
    ms100k,
    msDense100k,
    ms1kByRows,
    msDense100kByRows,
    queue100k: largeDigest.queueTotal,
    openDense100k: denseDigest.open,
  };
}

(globalThis as { digestBench?: { run: typeof run } }).digestBench = { run };
