// A compact trie over folded code units. Every match starts at a word boundary, so the scanner walks the trie from
// the root at each boundary position and needs no failure links (unlike Aho-Corasick); walks end after a few units
// because German words rarely share long prefixes with unrelated terms.
//
// Layout: the alphabet is the set of code units used by the keys (symbol 0 = not in any key). Nodes with many
// children (the root, the first levels) get a dense row indexed by symbol; the others keep a short child list in
// CSR form (childStart/childSym/childNode) that is scanned linearly. Keys ending at a node: outStart/outIds.

import { runSteps, type Steps, yieldEvery } from './steps';

const DENSE_MIN_CHILDREN = 5;
/** Keys read or inserted between two yields. */
const KEYS_PER_STEP = 512;

export interface Trie {
  /** code unit → symbol (0 = no key uses it) */
  alpha: Uint16Array;
  symbols: number;
  /** offset of the node's dense row in `dense`, or -1 */
  denseOff: Int32Array;
  dense: Int32Array;
  childStart: Int32Array;
  childSym: Uint16Array;
  childNode: Int32Array;
  outStart: Int32Array;
  /** indices into the `keys` given to buildTrie */
  outIds: Int32Array;
  nodes: number;
}

export function buildTrie(keys: readonly string[]): Trie {
  return runSteps(buildTrieSteps(keys));
}

/** buildTrie in steps: the loops over keys yield, and so does each pass over the nodes. */
export function* buildTrieSteps(keys: readonly string[]): Steps<Trie> {
  const due = yieldEvery(KEYS_PER_STEP);
  const alpha = new Uint16Array(0x10000);
  let symbols = 1;
  for (const key of keys) {
    for (let i = 0; i < key.length; i++) {
      const c = key.charCodeAt(i);
      if (alpha[c] === 0) alpha[c] = symbols++;
    }
    if (due()) yield;
  }

  // Insert keys: node ids are assigned in creation order; edges live in one Map keyed by node * symbols + symbol.
  const edges = new Map<number, number>();
  const parent: number[] = [0];
  const symOf: number[] = [0];
  const ends: number[] = []; // pairs (node, keyIndex)
  let nodes = 1;
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k] as string;
    let node = 0;
    for (let i = 0; i < key.length; i++) {
      const sym = alpha[key.charCodeAt(i)] as number;
      const edge = node * symbols + sym;
      let next = edges.get(edge);
      if (next === undefined) {
        next = nodes++;
        edges.set(edge, next);
        parent.push(node);
        symOf.push(sym);
      }
      node = next;
    }
    ends.push(node, k);
    if (due()) yield;
  }

  // The passes below are over typed arrays, each a few ms for a profile of 100,000 terms: a chance to pause between.
  yield;
  // Children in CSR form.
  const childStart = new Int32Array(nodes + 1);
  for (let n = 1; n < nodes; n++) {
    const at = (parent[n] as number) + 1;
    childStart[at] = (childStart[at] as number) + 1;
  }
  for (let n = 0; n < nodes; n++) childStart[n + 1] = (childStart[n + 1] as number) + (childStart[n] as number);
  const fill = childStart.slice(0, nodes);
  const childSym = new Uint16Array(Math.max(0, nodes - 1));
  const childNode = new Int32Array(Math.max(0, nodes - 1));
  for (let n = 1; n < nodes; n++) {
    const p = parent[n] as number;
    const at = fill[p] as number;
    fill[p] = at + 1;
    childSym[at] = symOf[n] as number;
    childNode[at] = n;
  }

  yield;
  // Dense rows for busy nodes (always the root).
  const denseOff = new Int32Array(nodes).fill(-1);
  let denseRows = 0;
  for (let n = 0; n < nodes; n++) {
    const degree = (childStart[n + 1] as number) - (childStart[n] as number);
    if (n === 0 || degree >= DENSE_MIN_CHILDREN) denseOff[n] = symbols * denseRows++;
  }
  const dense = new Int32Array(symbols * denseRows);
  for (let n = 0; n < nodes; n++) {
    const off = denseOff[n] as number;
    if (off < 0) continue;
    for (let e = childStart[n] as number; e < (childStart[n + 1] as number); e++)
      dense[off + (childSym[e] as number)] = childNode[e] as number;
  }

  yield;
  // Outputs in CSR form.
  const outStart = new Int32Array(nodes + 1);
  for (let i = 0; i < ends.length; i += 2) {
    const at = (ends[i] as number) + 1;
    outStart[at] = (outStart[at] as number) + 1;
  }
  for (let n = 0; n < nodes; n++) outStart[n + 1] = (outStart[n + 1] as number) + (outStart[n] as number);
  const outFill = outStart.slice(0, nodes);
  const outIds = new Int32Array(keys.length);
  for (let i = 0; i < ends.length; i += 2) {
    const node = ends[i] as number;
    const at = outFill[node] as number;
    outFill[node] = at + 1;
    outIds[at] = ends[i + 1] as number;
  }

  return { alpha, symbols, denseOff, dense, childStart, childSym, childNode, outStart, outIds, nodes };
}

/** The child of `node` for symbol `sym` (> 0), or 0 when there is none (the root is nobody's child). */
export function step(trie: Trie, node: number, sym: number): number {
  const off = trie.denseOff[node] as number;
  if (off >= 0) return trie.dense[off + sym] as number;
  const end = trie.childStart[node + 1] as number;
  for (let e = trie.childStart[node] as number; e < end; e++) {
    if (trie.childSym[e] === sym) return trie.childNode[e] as number;
  }
  return 0;
}
