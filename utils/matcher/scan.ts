// The fast scanner: one pass over the ORIGINAL text, no folded copy, no offset map.
//
// It reads the text through the lower-case fold table of normalise.ts and produces exactly the folded units that
// foldText would, but only where needed:
// - the outer loop tracks whether the previous folded unit was a word character, to find heads (the positions where a
//   match may start), and skips the rest of a word through the `continues` table;
// - at a head, a table of all 3-unit prefixes of the keys (`start`) says in one lookup whether any key can start
//   there (usually not) and, if so, at which trie node to go on;
// - from there it steps inline over single-unit characters, spaces and expansions (ä → "ae") through a hashed edge
//   table, and hands everything else (marks, surrogates, format characters, ends of keys) to `walk`, which reads
//   folded units through a Cursor that mirrors foldText exactly.
// Original offsets come for free, since every step knows which character produced the unit.
//
// Positions are compared as codes, originalIndex * CODE_STRIDE + index within the character's expansion (ß → "ss"),
// which order exactly like folded indices, so overlaps, exclusions and ties resolve as in the reference engine
// (reference.ts), which the tests compare against on random and term-derived texts.
import { type Compiled, Hits, resolve } from './compile';
import * as fold from './normalise';
import { foldString, isWordCodePoint, isWordUnit, LOWER, originalEndAt } from './normalise';
import type { Match } from './types';

// Module-local copies of the table constants: hot loops then read constants, not (transpiled) import bindings.
const AOU = fold.AOU;
const DIAERESIS = fold.DIAERESIS;
const EXPANSION = fold.EXPANSION;
const HIGH_SURROGATE = fold.HIGH_SURROGATE;
const MARK = fold.MARK;
const SKIP = fold.SKIP;
const SPACE = fold.SPACE;
const SPECIAL = fold.SPECIAL;
const WORD = fold.WORD;

/** Greater than the longest folded expansion of one character (the longest is 18 units, U+FDFA). */
export const CODE_STRIDE = 64;

const table = LOWER.table;

function tableValue(c: number): number {
  const v = table[c] as number;
  return v !== 0 ? v : LOWER.compute(c);
}

const expansions = LOWER.expansions;

/** Unit k of the expansion with table value v. */
function exp0(v: number, k: number): number {
  return (expansions[v - EXPANSION] as string).charCodeAt(k);
}

function isHigh(u: number): boolean {
  return u >= 0xd800 && u <= 0xdbff;
}

function isLow(u: number): boolean {
  return u >= 0xdc00 && u <= 0xdfff;
}

/**
 * Reads folded units from any position of the original text, exactly as foldText emits them. The position is the
 * original index `j`, the index `k` inside that character's expansion, and whether the last unit emitted was a space
 * (runs of whitespace fold to one space).
 */
class Cursor {
  j = 0;
  k = 0;
  lastSpace = false;
  /** the unit read by next(), the original start it maps to, and its code */
  u = 0;
  start = 0;
  code = 0;

  set(j: number, k: number, lastSpace: boolean): void {
    this.j = j;
    this.k = k;
    this.lastSpace = lastSpace;
  }

  next(text: string): boolean {
    const len = text.length;
    let j = this.j;
    let k = this.k;
    while (j < len) {
      const c = text.charCodeAt(j);
      const v = tableValue(c);
      let exp: string;
      let width = 1;
      if (k === 0) {
        if (v < SPECIAL) return this.emit(v & 0xffff, j, j * CODE_STRIDE, j + 1, 0);
        if (v === SPACE) {
          if (this.lastSpace) {
            j++;
            continue;
          }
          return this.emit(0x20, j, j * CODE_STRIDE, j + 1, 0);
        }
        if (v === SKIP || v === MARK) {
          j++;
          continue;
        }
        if (v === DIAERESIS) {
          // U+0308 right after a character that folds to a, o or u: 'e', mapped to the start of that character.
          if (j > 0 && (tableValue(text.charCodeAt(j - 1)) & AOU) !== 0)
            return this.emit(0x65, j - 1, j * CODE_STRIDE, j + 1, 0);
          j++;
          continue;
        }
      }
      if (v === HIGH_SURROGATE) {
        const lo = j + 1 < len ? text.charCodeAt(j + 1) : 0;
        if (!isLow(lo)) return this.emit(c, j, j * CODE_STRIDE, j + 1, 0); // lone high surrogate: kept as is
        exp = LOWER.astralFold(((c - 0xd800) << 10) + (lo - 0xdc00) + 0x10000);
        width = 2;
      } else {
        exp = LOWER.expansions[v - EXPANSION] as string;
      }
      while (k < exp.length) {
        const u = exp.charCodeAt(k);
        if (u === 0x20 && this.lastSpace) {
          k++;
          continue;
        }
        return k + 1 < exp.length
          ? this.emit(u, j, j * CODE_STRIDE + k, j, k + 1)
          : this.emit(u, j, j * CODE_STRIDE + k, j + width, 0);
      }
      j += width;
      k = 0;
    }
    this.j = j;
    this.k = 0;
    return false;
  }

  private emit(u: number, start: number, code: number, j: number, k: number): true {
    this.u = u;
    this.start = start;
    this.code = code;
    this.j = j;
    this.k = k;
    this.lastSpace = u === 0x20;
    return true;
  }
}

/** The table of all 3-unit (or 2-unit) prefixes is kept while it has at most this many entries (512 KB). */
const MAX_START_TABLE = 1 << 17;
const WALK_ALL = -1;
const HAS_OUTPUT = 1 << 30;
const HASH = 0x9e3779b1 | 0;

/**
 * Characters that continue a word without creating a head or changing the fold state once the previous unit was a
 * word character: word characters folding to one unit, ä/ö/ü/ß and other expansions made only of word units, and
 * skipped or combining characters. 1 = continues, 2 = does not, 0 = not known yet.
 */
const continues = new Uint8Array(0x10000);

function noteContinues(c: number, v: number): void {
  let yes = false;
  if (v < SPECIAL) yes = (v & WORD) !== 0;
  else if (v === SKIP || v === MARK || v === DIAERESIS) yes = true;
  else if (v >= EXPANSION) {
    const exp = LOWER.expansions[v - EXPANSION] as string;
    yes = true;
    for (let k = 0; k < exp.length; k++) if (!isWordUnit(exp.charCodeAt(k))) yes = false;
  }
  continues[c] = yes ? 1 : 2;
}

let latinNoted = false;

/** Fills `continues` for Basic Latin and Latin-1 up front (other characters are noted as the scanner meets them). */
function noteLatin(): void {
  if (latinNoted) return;
  latinNoted = true;
  for (let c = 0; c < 0x180; c++) noteContinues(c, tableValue(c));
}

export class Scanner {
  private readonly hits = new Hits();
  private readonly cur = new Cursor();
  private readonly peek = new Cursor();
  private readonly alpha: Uint16Array;
  private readonly symbols: number;
  private readonly denseOff: Int32Array;
  private readonly dense: Int32Array;
  private readonly childStart: Int32Array;
  private readonly childSym: Uint16Array;
  private readonly childNode: Int32Array;
  private readonly outStart: Int32Array;
  /**
   * For a head whose first `depth` (3 or 2) characters are single units with symbols s1, s2[, s3], the entry at
   * (s1 * symbols + s2) * symbols + s3 (or s1 * symbols + s2) says where the walk goes: 0 = no key starts so, no
   * walk; WALK_ALL = a key ends within these units, walk from the root; otherwise the trie node after them, where the
   * walk resumes. Most heads then need no walk at all, the others skip the first steps.
   */
  private readonly start: Int32Array | null;
  private readonly depth: number;
  /**
   * The trie's edges in one open-addressing hash table for the inline steps: [key, value] pairs with key =
   * node * symbols + symbol (-1 = empty) and value = child | HAS_OUTPUT when a key ends at the child. One probe
   * usually touches one cache line, where the trie's rows take three or four dependent loads.
   */
  private readonly edges: Int32Array;
  private readonly edgeShift: number;
  private readonly edgeMask: number;

  constructor(private readonly c: Compiled) {
    noteLatin();
    const t = c.trie;
    this.alpha = t.alpha;
    this.symbols = t.symbols;
    this.denseOff = t.denseOff;
    this.dense = t.dense;
    this.childStart = t.childStart;
    this.childSym = t.childSym;
    this.childNode = t.childNode;
    this.outStart = t.outStart;
    const S = t.symbols;
    let bits = 4;
    while (1 << bits < 2 * t.nodes) bits++;
    // keys must fit an int32; with a huge trie the inline steps stay off (depth 0 below)
    const hashable = t.nodes * S < 2 ** 31;
    const edges = new Int32Array(hashable ? 2 << bits : 2).fill(-1);
    const mask = (1 << bits) - 1;
    this.edgeShift = 32 - bits;
    this.edgeMask = mask;
    for (let n = 0; hashable && n < t.nodes; n++) {
      for (let e = t.childStart[n] as number; e < (t.childStart[n + 1] as number); e++) {
        const key = n * S + (t.childSym[e] as number);
        const child = t.childNode[e] as number;
        const out = (t.outStart[child] as number) !== (t.outStart[child + 1] as number);
        let h = Math.imul(key, HASH) >>> this.edgeShift;
        while (edges[h << 1] !== -1) h = (h + 1) & mask;
        edges[h << 1] = key;
        edges[(h << 1) + 1] = out ? child | HAS_OUTPUT : child;
      }
    }
    this.edges = edges;
    const depth = !hashable ? 0 : S * S * S <= MAX_START_TABLE ? 3 : S * S <= MAX_START_TABLE ? 2 : 0;
    this.depth = depth;
    if (depth === 0) {
      this.start = null;
      return;
    }
    const start = new Int32Array(S ** depth);
    const visit = (node: number, level: number, index: number) => {
      for (let e = t.childStart[node] as number; e < (t.childStart[node + 1] as number); e++) {
        const child = t.childNode[e] as number;
        const at = index * S + (t.childSym[e] as number);
        if ((t.outStart[child] as number) !== (t.outStart[child + 1] as number)) {
          // a key ends here: walk every continuation from the root
          const span = S ** (depth - level);
          start.fill(WALK_ALL, at * span, at * span + span);
        } else if (level === depth) start[at] = child;
        else visit(child, level + 1, at);
      }
    };
    visit(0, 1, 0);
    this.start = start;
  }

  /** The child of `node` for symbol `sym` (0 = none), with HAS_OUTPUT set when a key ends there. */
  private edge(node: number, sym: number): number {
    if (sym === 0) return 0;
    const edges = this.edges;
    const key = node * this.symbols + sym;
    let h = Math.imul(key, HASH) >>> this.edgeShift;
    for (;;) {
      const k = edges[h << 1] as number;
      if (k === key) return edges[(h << 1) + 1] as number;
      if (k === -1) return 0;
      h = (h + 1) & this.edgeMask;
    }
  }

  /** After startNode: where the walk resumes (original index, unit within it, last unit a space). */
  private resumeJ = 0;
  private resumeK = 0;
  private resumeSpace = false;
  /** whether the units read were all word characters of single-unit characters i + 1 … resumeJ - 1 */
  private resumeWord = false;

  /**
   * Where to walk from for the head i, a single-unit character with symbol s1 (see `start`). Reads the next units
   * when they are simple (single units, a space after a non-space, the units of an expansion such as ä → "ae");
   * anything else: WALK_ALL.
   */
  private startNode(text: string, i: number, s1: number): number {
    const start = this.start;
    if (start === null) return WALK_ALL;
    const alpha = this.alpha;
    const S = this.symbols;
    const len = text.length;
    let index = s1;
    let j = i + 1;
    let k = 0;
    let space = false;
    let word = true;
    for (let level = 1; level < this.depth; level++) {
      if (j >= len) return WALK_ALL;
      const v = table[text.charCodeAt(j)] as number;
      let u: number;
      if (k === 0 && v !== 0 && v < SPECIAL) {
        u = v & 0xffff;
        if ((v & WORD) === 0) word = false;
        j++;
      } else if (v >= EXPANSION) {
        const exp = expansions[v - EXPANSION] as string;
        u = exp.charCodeAt(k);
        word = false;
        if (u === 0x20) return WALK_ALL;
        if (k + 1 < exp.length) k++;
        else {
          k = 0;
          j++;
        }
      } else if (k === 0 && v === SPACE && !space) {
        u = 0x20;
        word = false;
        j++;
      } else return WALK_ALL;
      space = u === 0x20;
      index = index * S + (alpha[u] as number);
    }
    this.resumeJ = j;
    this.resumeK = k;
    this.resumeSpace = space;
    this.resumeWord = word;
    return start[index] as number;
  }

  scan(text: string): Match[] {
    if (typeof text !== 'string' || text.length === 0) return [];
    const hits = this.hits;
    hits.reset();
    const alpha = this.alpha;
    const spaceSym = alpha[0x20] as number;
    const len = text.length;
    let prevWord = false;
    let lastSpace = false;
    let i = 0;
    while (i < len) {
      const ch = text.charCodeAt(i);
      let v = table[ch] as number;
      if (v === 0) {
        v = LOWER.compute(ch);
        noteContinues(ch, v);
      }
      if (v < SPECIAL) {
        let skipTo = 0;
        if (!prevWord) {
          const s1 = alpha[v & 0xffff] as number;
          if (s1 !== 0) {
            const node = this.startNode(text, i, s1);
            // no match starts here, and the characters read continue the word: skip them
            if (node === 0 && this.resumeWord && (v & WORD) !== 0) skipTo = this.resumeJ;
            else if (node === WALK_ALL) this.walk(text, i, 0, false, 0, i);
            else if (node !== 0) {
              // Step on inline while the characters are single units and no key ends; most walks stop here.
              let n = node;
              let j = this.resumeJ;
              let ls = this.resumeSpace;
              if (this.resumeK !== 0) this.walk(text, i, this.resumeK, ls, n, j);
              else
                stepping: while (j < len) {
                  const v2 = table[text.charCodeAt(j)] as number;
                  if (v2 !== 0 && v2 < SPECIAL) {
                    const next = this.edge(n, alpha[v2 & 0xffff] as number);
                    if (next === 0) break;
                    if ((next & HAS_OUTPUT) !== 0) {
                      this.walk(text, i, 0, ls, n, j);
                      break;
                    }
                    n = next;
                    ls = false;
                  } else if (v2 === SPACE && !ls) {
                    const next = this.edge(n, spaceSym);
                    if (next === 0) break;
                    if ((next & HAS_OUTPUT) !== 0) {
                      this.walk(text, i, 0, ls, n, j);
                      break;
                    }
                    n = next;
                    ls = true;
                  } else if (v2 >= EXPANSION) {
                    // ä → "ae", ß → "ss", …
                    const exp = expansions[v2 - EXPANSION] as string;
                    for (let k = 0; k < exp.length; k++) {
                      const u = exp.charCodeAt(k);
                      const next = u === 0x20 ? HAS_OUTPUT : this.edge(n, alpha[u] as number);
                      if (next === 0) break stepping;
                      if ((next & HAS_OUTPUT) !== 0) {
                        this.walk(text, i, k, ls, n, j);
                        break stepping;
                      }
                      n = next;
                      ls = false;
                    }
                  } else {
                    this.walk(text, i, 0, ls, n, j);
                    break;
                  }
                  j++;
                }
            }
          }
        }
        lastSpace = false;
        i++;
        if ((v & WORD) === 0) {
          prevWord = false;
          continue;
        }
        prevWord = true;
        if (skipTo > i) i = skipTo;
        // The rest of the word holds no head: skip its word characters (values with WORD set are single units).
        while (i < len && continues[text.charCodeAt(i)] === 1) i++;
        // and the plain space that usually follows
        if (i < len && text.charCodeAt(i) === 0x20) {
          prevWord = false;
          lastSpace = true;
          i++;
        }
        continue;
      }
      if (continues[ch] === 0) noteContinues(ch, v);
      if (v === SPACE) {
        prevWord = false;
        lastSpace = true;
        i++;
        continue;
      }
      if (v === SKIP || v === MARK || v === DIAERESIS) {
        // no effect on heads (a decomposed umlaut's 'e' follows a word character)
        i++;
        continue;
      }
      let exp: string;
      let width = 1;
      if (v === HIGH_SURROGATE) {
        const lo = i + 1 < len ? text.charCodeAt(i + 1) : 0;
        if (!isLow(lo)) {
          if (!prevWord && alpha[ch] !== 0) this.walk(text, i, 0, lastSpace, 0, i);
          prevWord = false;
          lastSpace = false;
          i++;
          continue;
        }
        exp = LOWER.astralFold(((ch - 0xd800) << 10) + (lo - 0xdc00) + 0x10000);
        width = 2;
      } else {
        exp = LOWER.expansions[v - EXPANSION] as string;
      }
      for (let k = 0; k < exp.length; k++) {
        const u = exp.charCodeAt(k);
        if (u === 0x20 && lastSpace) continue;
        if (!prevWord && alpha[u] !== 0) this.walk(text, i, k, lastSpace, 0, i);
        lastSpace = u === 0x20;
        const lo = k + 1 < exp.length ? exp.charCodeAt(k + 1) : 0;
        if (isHigh(u) && isLow(lo)) {
          prevWord = isWordCodePoint(((u - 0xd800) << 10) + (lo - 0xdc00) + 0x10000);
          k++;
        } else {
          prevWord = isWordUnit(u);
        }
      }
      i += width;
    }
    return resolve(this.c, hits, text);
  }

  /**
   * Walks the trie from the head at (i0, k0) from the root, `lastSpace` telling whether the unit before the head was a
   * space; or, with node0 > 0, for the head at (i0, 0), from node0 at (j0, k0), `lastSpace` telling whether the last
   * unit read was a space.
   */
  private walk(text: string, i0: number, k0: number, lastSpace: boolean, node0: number, j0: number): void {
    const alpha = this.alpha;
    const denseOff = this.denseOff;
    const dense = this.dense;
    const childStart = this.childStart;
    const childSym = this.childSym;
    const childNode = this.childNode;
    const outStart = this.outStart;
    const cur = this.cur;
    const len = text.length;
    let node = node0;
    let j = j0;
    let k = k0;
    let ls = lastSpace;
    let headStart = node0 === 0 ? -1 : i0;
    let headCode = i0 * CODE_STRIDE;
    for (;;) {
      let u: number;
      let start: number;
      let code: number;
      if (j >= len) break;
      const ch = text.charCodeAt(j);
      let v = table[ch] as number;
      if (v === 0) v = LOWER.compute(ch);
      if (v < SPECIAL) {
        // k is 0: only expansions and surrogate pairs have more than one unit
        u = v & 0xffff;
        start = j;
        code = j * CODE_STRIDE;
        j++;
        ls = false;
      } else if (v >= EXPANSION && !(ls && exp0(v, k) === 0x20)) {
        // ä → "ae", ß → "ss", ﬁ → "fi", …
        const exp = expansions[v - EXPANSION] as string;
        u = exp.charCodeAt(k);
        start = j;
        code = j * CODE_STRIDE + k;
        if (k + 1 < exp.length) k++;
        else {
          k = 0;
          j++;
        }
        ls = u === 0x20;
      } else if (v === SPACE && !ls) {
        u = 0x20;
        start = j;
        code = j * CODE_STRIDE;
        j++;
        ls = true;
      } else {
        cur.set(j, k, ls);
        if (!cur.next(text)) break;
        u = cur.u;
        start = cur.start;
        code = cur.code;
        j = cur.j;
        k = cur.k;
        ls = cur.lastSpace;
      }
      if (headStart < 0) {
        headStart = start;
        headCode = code;
      }
      const sym = alpha[u] as number;
      if (sym === 0) break;
      const off = denseOff[node] as number;
      let next = 0;
      if (off >= 0) next = dense[off + sym] as number;
      else {
        const stop = childStart[node + 1] as number;
        for (let e = childStart[node] as number; e < stop; e++) {
          if (childSym[e] === sym) {
            next = childNode[e] as number;
            break;
          }
        }
      }
      if (next === 0) break;
      node = next;
      if (outStart[node] !== outStart[node + 1])
        this.outputs(text, node, headStart, headCode, j, k, ls, start, code, u);
    }
    if (this.hits.nCand > 0) this.hits.flush(headCode, headStart);
  }

  /**
   * Reads the folded code point at the peek cursor, as wordAt does on a folded buffer (a surrogate pair counts as
   * one code point). Returns whether it is a word character; on true the cursor is after it.
   */
  private wordNext(text: string): boolean {
    const peek = this.peek;
    if (!peek.next(text)) return false;
    const u = peek.u;
    if (!isHigh(u)) return isWordUnit(u);
    if (!peek.next(text) || !isLow(peek.u)) return false;
    return isWordCodePoint(((u - 0xd800) << 10) + (peek.u - 0xdc00) + 0x10000);
  }

  /** Offers the patterns ending at `node`; (j, k, ls) is the position after the last unit read (u, start, code). */
  private outputs(
    text: string,
    node: number,
    headStart: number,
    headCode: number,
    j: number,
    k: number,
    ls: boolean,
    start: number,
    code: number,
    u: number,
  ): void {
    const c = this.c;
    const { outStart, outIds } = c.trie;
    const { patPrefix, patKeepCase } = c;
    const peek = this.peek;
    let wordAfter = -1;
    let prefixEnd = -1;
    let prefixOrigEnd = -1;
    const o1 = outStart[node + 1] as number;
    for (let o = outStart[node] as number; o < o1; o++) {
      const id = outIds[o] as number;
      let end: number;
      let origEnd: number;
      if (patPrefix[id] === 1) {
        if (prefixEnd < 0) {
          // extend over the rest of the word
          let lastStart = start;
          let lastCode = code;
          let lastU = u;
          peek.set(j, k, ls);
          while (this.wordNext(text)) {
            lastStart = peek.start;
            lastCode = peek.code;
            lastU = peek.u;
          }
          prefixEnd = lastCode + 1;
          prefixOrigEnd = originalEndAt(text, lastStart, lastU);
        }
        end = prefixEnd;
        origEnd = prefixOrigEnd;
      } else {
        if (wordAfter < 0) {
          peek.set(j, k, ls);
          wordAfter = this.wordNext(text) ? 1 : 0;
        }
        if (wordAfter === 1) continue;
        end = code + 1;
        origEnd = originalEndAt(text, start, u);
      }
      const keepCase = patKeepCase[id];
      if (keepCase != null) {
        const folded = foldString(text.slice(headStart, origEnd), true).trim();
        if (patPrefix[id] === 1 ? !folded.startsWith(keepCase) : folded !== keepCase) continue;
      }
      this.hits.offer(c, id, headCode, end, origEnd);
    }
  }
}
