// German-aware folding with an offset map back into the original text.
//
// Folding (the matching form of a text):
// - lower case, compatibility decomposition (NFKD: fullwidth letters, ligatures, 𝗯𝗼𝗹𝗱 letters → plain letters);
// - umlauts become their two-letter spelling: ä→ae, ö→oe, ü→ue (precomposed or decomposed with U+0308), ß/ẞ→ss;
// - every other combining mark is dropped (é→e), format characters (soft hyphen U+00AD, U+200B–U+200F, U+2060,
//   U+FEFF, bidi controls, …) are skipped;
// - every run of whitespace becomes one space; dash and apostrophe variants become '-' and "'".
//
// Each folded code unit remembers the original UTF-16 offset of the character it came from (`starts[i]`); a match
// over folded units [a, b) maps back to the original range [starts[a], originalEnd(b - 1)).
//
// The per-code-unit results are computed lazily and cached in a 64K table, so folding a text costs one table lookup
// and two typed-array writes per code unit, with no per-character allocation.
//
// foldText/FoldBuffer materialise the folded text and its offset map: foldString, the term parser and the reference
// engine (reference.ts) use them. The scanner (scan.ts) reads the same table directly while it walks the original
// text, and must stay in step with foldText: tests/unit/matcher-engine.test.ts compares the two engines.

/**
 * Folded code units, the original start offset of each, and the "heads": folded positions whose previous unit is not
 * a word character (where a match may start). Reused between scans; grows as needed.
 */
export class FoldBuffer {
  chars: Uint16Array;
  starts: Int32Array;
  heads: Int32Array;
  length = 0;
  headCount = 0;

  constructor(capacity = 1024) {
    this.chars = new Uint16Array(capacity);
    this.starts = new Int32Array(capacity);
    this.heads = new Int32Array(capacity);
  }

  ensure(capacity: number): void {
    if (capacity <= this.chars.length) return;
    let size = this.chars.length * 2;
    while (size < capacity) size *= 2;
    const chars = new Uint16Array(size);
    const starts = new Int32Array(size);
    const heads = new Int32Array(size);
    chars.set(this.chars.subarray(0, this.length));
    starts.set(this.starts.subarray(0, this.length));
    heads.set(this.heads.subarray(0, this.headCount));
    this.chars = chars;
    this.starts = starts;
    this.heads = heads;
  }

  toString(): string {
    let out = '';
    for (let i = 0; i < this.length; i += 4096) {
      out += String.fromCharCode(...this.chars.subarray(i, Math.min(this.length, i + 4096)));
    }
    return out;
  }
}

// Table values: 0 = not computed yet. Below SPECIAL: one folded unit (low 16 bits) with flags; otherwise a kind
// below, or an index into `expansions` (value - EXPANSION).
// Exported for the scanner (scan.ts), which reads the lower-case table directly.
export const SINGLE = 1 << 16;
export const WORD = 1 << 17;
export const AOU = 1 << 18;
export const SPECIAL = 1 << 20;
export const SKIP = SPECIAL;
export const MARK = SPECIAL + 1;
export const DIAERESIS = SPECIAL + 2;
export const SPACE = SPECIAL + 3;
export const HIGH_SURROGATE = SPECIAL + 4;
export const EXPANSION = 1 << 21;

const SPACE_UNIT = 0x20;
const IS_MARK = /^\p{M}$/u;
const IS_FORMAT = /^\p{Cf}$/u;
const IS_SPACE = /^\s$/u;
const IS_WORD = /^[\p{L}\p{N}]$/u;
const DASHES = new Set(['\u2010', '\u2011', '\u2012', '\u2013', '\u2212', '\uFE63', '\uFF0D']);
const APOSTROPHES = new Set(['\u2018', '\u2019', '\u02BC', '\u0060', '\u00B4', '\u2032']);

/** Folds a short string character by character (no whitespace collapsing); used to fill the tables. */
function foldChunk(s: string, keepCase: boolean): string {
  let out = '';
  let prev = '';
  for (const ch of s) {
    if (IS_FORMAT.test(ch)) continue;
    if (DASHES.has(ch)) {
      out += '-';
      prev = '';
      continue;
    }
    if (APOSTROPHES.has(ch)) {
      out += "'";
      prev = '';
      continue;
    }
    let d = ch.normalize('NFKD');
    if (!keepCase) d = d.toLowerCase().normalize('NFKD');
    for (const c of d) {
      if (IS_MARK.test(c)) {
        if (
          c === '\u0308' &&
          (prev === 'a' || prev === 'o' || prev === 'u' || prev === 'A' || prev === 'O' || prev === 'U')
        )
          out += 'e';
        prev = '';
        continue;
      }
      if (IS_FORMAT.test(c)) continue;
      if (c === 'ß') out += 'ss';
      else if (c === '\u1E9E') out += keepCase ? 'SS' : 'ss';
      else if (IS_SPACE.test(c)) out += ' ';
      else out += c;
      prev = c;
    }
  }
  return out;
}

export class Folder {
  readonly table = new Int32Array(0x10000);
  readonly expansions: string[] = [];
  readonly astral = new Map<number, string>();

  constructor(readonly keepCase: boolean) {}

  compute(c: number): number {
    let v: number;
    if (c >= 0xd800 && c <= 0xdbff) v = HIGH_SURROGATE;
    else if (c >= 0xdc00 && c <= 0xdfff) v = c | SINGLE;
    else {
      const ch = String.fromCharCode(c);
      if (IS_FORMAT.test(ch)) v = SKIP;
      else if (IS_MARK.test(ch)) v = c === 0x308 ? DIAERESIS : MARK;
      else if (IS_SPACE.test(ch)) v = SPACE;
      else {
        const r = foldChunk(ch, this.keepCase);
        if (r.length === 0) v = SKIP;
        else if (r === ' ') v = SPACE;
        else if (r.length === 1) v = single(r.charCodeAt(0));
        else {
          v = EXPANSION + this.expansions.length;
          this.expansions.push(r);
        }
      }
    }
    this.table[c] = v;
    return v;
  }

  astralFold(cp: number): string {
    let r = this.astral.get(cp);
    if (r === undefined) {
      r = foldChunk(String.fromCodePoint(cp), this.keepCase);
      this.astral.set(cp, r);
    }
    return r;
  }
}

/** The lower-case folder: its `table` maps a code unit to a table value (0 = call `compute`). */
export const LOWER = new Folder(false);
const KEEP_CASE = new Folder(true);

function single(u: number): number {
  let v = u | SINGLE;
  if (IS_WORD.test(String.fromCharCode(u))) v |= WORD;
  if (u === 0x61 || u === 0x6f || u === 0x75 || u === 0x41 || u === 0x4f || u === 0x55) v |= AOU;
  return v;
}

/**
 * Folds `text` into `buf` (lower case unless `keepCase`), recording the original start of every folded unit and the
 * heads (folded positions after a non-word unit).
 */
export function foldText(text: string, buf: FoldBuffer, keepCase = false): void {
  const folder = keepCase ? KEEP_CASE : LOWER;
  const table = folder.table;
  const len = text.length;
  buf.length = 0;
  buf.headCount = 0;
  buf.ensure(len + (len >> 2) + 64);
  let chars = buf.chars;
  let starts = buf.starts;
  let heads = buf.heads;
  let cap = chars.length - 4;
  let n = 0;
  let h = 0;
  let prevWord = false;
  for (let i = 0; i < len; i++) {
    if (n >= cap) {
      buf.length = n;
      buf.headCount = h;
      buf.ensure(n * 2 + 64);
      chars = buf.chars;
      starts = buf.starts;
      heads = buf.heads;
      cap = chars.length - 4;
    }
    const c = text.charCodeAt(i);
    let v = table[c] as number;
    if (v === 0) v = folder.compute(c);
    if (v < SPECIAL) {
      if (!prevWord) heads[h++] = n;
      chars[n] = v & 0xffff;
      starts[n++] = i;
      prevWord = (v & WORD) !== 0;
      continue;
    }
    if (v === SPACE) {
      // No term starts with a space, so a space is never a head.
      if (n === 0 || chars[n - 1] !== SPACE_UNIT) {
        chars[n] = SPACE_UNIT;
        starts[n++] = i;
      }
      prevWord = false;
      continue;
    }
    if (v === SKIP) continue;
    if (v === MARK || v === DIAERESIS) {
      // U+0308 right after a, o or u (decomposed umlaut) → 'e'
      if (
        v === DIAERESIS &&
        n > 0 &&
        starts[n - 1] === i - 1 &&
        ((table[text.charCodeAt(i - 1)] as number) & AOU) !== 0
      ) {
        chars[n] = 0x65; // 'e' in both modes: Ä → "Ae"
        starts[n] = starts[n - 1] as number;
        n++;
      }
      continue;
    }
    let exp: string;
    let end = i + 1;
    if (v === HIGH_SURROGATE) {
      const lo = i + 1 < len ? text.charCodeAt(i + 1) : 0;
      if (lo < 0xdc00 || lo > 0xdfff) {
        // lone high surrogate: keep as is
        if (!prevWord) heads[h++] = n;
        chars[n] = c;
        starts[n++] = i;
        prevWord = false;
        continue;
      }
      exp = folder.astralFold(((c - 0xd800) << 10) + (lo - 0xdc00) + 0x10000);
      end = i + 2;
    } else {
      exp = folder.expansions[v - EXPANSION] as string;
    }
    if (n + exp.length + 4 > chars.length) {
      buf.length = n;
      buf.headCount = h;
      buf.ensure(n + exp.length + 64);
      chars = buf.chars;
      starts = buf.starts;
      heads = buf.heads;
      cap = chars.length - 4;
    }
    for (let k = 0; k < exp.length; k++) {
      const u = exp.charCodeAt(k);
      if (u === SPACE_UNIT && n > 0 && chars[n - 1] === SPACE_UNIT) continue;
      if (!prevWord) heads[h++] = n;
      chars[n] = u;
      starts[n++] = i;
      const lo = k + 1 < exp.length ? exp.charCodeAt(k + 1) : 0;
      if (u >= 0xd800 && u <= 0xdbff && lo >= 0xdc00 && lo <= 0xdfff) {
        chars[n] = lo;
        starts[n++] = i;
        k++;
        prevWord = isWordCodePoint(((u - 0xd800) << 10) + (lo - 0xdc00) + 0x10000);
      } else {
        prevWord = isWordUnit(u);
      }
    }
    i = end - 1;
  }
  buf.length = n;
  buf.headCount = h;
}

/**
 * The original end offset (exclusive) of the character that produced folded unit `k`: the character itself (two units
 * for a surrogate pair) plus any combining marks that follow it.
 */
export function originalEnd(text: string, buf: FoldBuffer, k: number): number {
  return originalEndAt(text, buf.starts[k] as number, buf.chars[k] as number);
}

/** originalEnd for a folded unit `unit` whose original start is `s`. */
export function originalEndAt(text: string, s: number, unit: number): number {
  const len = text.length;
  let e = s + 1;
  const c = text.charCodeAt(s);
  if (c >= 0xd800 && c <= 0xdbff && e < len) {
    const lo = text.charCodeAt(e);
    if (lo >= 0xdc00 && lo <= 0xdfff) e++;
  }
  if (unit === SPACE_UNIT) return e;
  const table = LOWER.table;
  while (e < len) {
    const d = text.charCodeAt(e);
    const v = table[d] === 0 ? LOWER.compute(d) : (table[d] as number);
    if (v !== MARK && v !== DIAERESIS) break;
    e++;
  }
  return e;
}

const scratch = new FoldBuffer(256);

/** The folded form of `s` as a string, with whitespace runs collapsed to one space (not trimmed). */
export function foldString(s: string, keepCase = false): string {
  foldText(s, scratch, keepCase);
  return scratch.toString();
}

// Word characters (letters and digits, \p{L}\p{N}); everything else is a boundary, including '-', '#', '@', '_'.
/** Per code unit: 0 = not classified yet, 1 = boundary, 2 = word. Read it directly in hot loops. */
export const wordTable = new Uint8Array(0x10000);
const astralWord = new Map<number, boolean>();

/** Classifies a code unit (surrogates count as boundaries; see wordAt for pairs) and caches the result. */
export function classifyUnit(u: number): number {
  const w = u >= 0xd800 && u <= 0xdfff ? 1 : IS_WORD.test(String.fromCharCode(u)) ? 2 : 1;
  wordTable[u] = w;
  return w;
}

export function isWordUnit(u: number): boolean {
  const w = wordTable[u] as number;
  return (w === 0 ? classifyUnit(u) : w) === 2;
}

export function isWordCodePoint(cp: number): boolean {
  if (cp < 0x10000) return isWordUnit(cp);
  let w = astralWord.get(cp);
  if (w === undefined) {
    w = IS_WORD.test(String.fromCodePoint(cp));
    astralWord.set(cp, w);
  }
  return w;
}

/** Is the code point that starts at folded index `p` a word character? (false at the end) */
export function wordAt(chars: Uint16Array, p: number, n: number): boolean {
  if (p >= n) return false;
  const c = chars[p] as number;
  if (c >= 0xd800 && c <= 0xdbff && p + 1 < n) {
    const lo = chars[p + 1] as number;
    if (lo >= 0xdc00 && lo <= 0xdfff) return isWordCodePoint(((c - 0xd800) << 10) + (lo - 0xdc00) + 0x10000);
  }
  return isWordUnit(c);
}

/** Is the code point that ends just before folded index `p` a word character? (false at the start) */
export function wordBefore(chars: Uint16Array, p: number): boolean {
  if (p <= 0) return false;
  const c = chars[p - 1] as number;
  if (c >= 0xdc00 && c <= 0xdfff && p >= 2) {
    const hi = chars[p - 2] as number;
    if (hi >= 0xd800 && hi <= 0xdbff) return isWordCodePoint(((hi - 0xd800) << 10) + (c - 0xdc00) + 0x10000);
  }
  return isWordUnit(c);
}

/** Does the string contain a letter or digit? */
export function hasWordChar(s: string): boolean {
  return /[\p{L}\p{N}]/u.test(s);
}
