// Property tests with a seeded PRNG: random text never throws, offsets are sane, and every match's original slice
// folds to the folded form of its term (or of an inflection of the municipality name).
import { describe, expect, it } from 'vitest';
import { compileMatcher, foldString, inflect, type MatcherConfig, MatcherConfigError } from '../../utils/matcher';
import { mulberry32 } from '../seeded-random';

const PIECES = [
  'Stuttgart',
  'stuttgarter',
  'Baustelle',
  'baustellen',
  'Umleitung',
  'Sperrung',
  'der',
  'B14',
  'Ärger',
  'aerger',
  'Straße',
  'STRASSE',
  'München',
  'Mu\u0308nchen',
  '#stuttgart',
  '@StadtStuttgart',
  'VfB',
  ' ',
  ' ',
  '\n',
  '-',
  ',',
  '.',
  '!',
  '\u00AD',
  '\u200B',
  '\u200D',
  '\uFEFF',
  '\u0308',
  '\u0301',
  '😡',
  '🚧',
  '👨‍👩‍👧',
  '\uD800',
  '\uDC00',
  'ß',
  'ẞ',
  'İ',
  'ﬁ',
  '…',
  '𝗦',
  'Ａ',
  '\u00A0',
  '\t',
  'e',
  'r',
  'n',
  's',
  'in',
  'innen',
  'x',
];

function randomText(rnd: () => number, pieces: number): string {
  let s = '';
  for (let i = 0; i < pieces; i++) {
    const r = rnd();
    if (r < 0.15) s += String.fromCharCode(Math.floor(rnd() * 0x10000));
    else if (r < 0.2) s += String.fromCodePoint(0x10000 + Math.floor(rnd() * (0x10ffff - 0x10000)));
    else s += PIECES[Math.floor(rnd() * PIECES.length)];
  }
  return s;
}

const config: MatcherConfig = {
  municipality: { name: 'Stuttgart', aliases: ['#stuttgart*', '@StadtStuttgart', 'S-Vaihingen'] },
  topics: [
    {
      id: 'bau',
      terms: ['Baustelle*', 'Umleitung', '"Sperrung der B14"', 'Ärger', 'Straße'],
      exclude: ['VfB Stuttgart'],
    },
    { id: 'cs', terms: ['München', 'B14'], caseSensitive: true },
  ],
};
const matcher = compileMatcher(config);

const allowed = new Map<string, Array<{ folded: string; prefix: boolean }>>();
for (const t of config.topics.flatMap((x) => x.terms)) {
  const body = t.replace(/^"|"$/g, '').replace(/\*$/, '');
  allowed.set(t, [{ folded: foldString(body).trim(), prefix: t.endsWith('*') }]);
}
const nameForms = inflect('Stuttgart').map((f) => ({ folded: foldString(f).trim(), prefix: false }));
allowed.set('Stuttgart', nameForms);
allowed.set(
  'S-Vaihingen',
  inflect('S-Vaihingen').map((f) => ({ folded: foldString(f).trim(), prefix: false })),
);
allowed.set('#stuttgart*', [{ folded: '#stuttgart', prefix: true }]);
allowed.set('@StadtStuttgart', [{ folded: '@stadtstuttgart', prefix: false }]);

describe('matcher properties', () => {
  it('random text never throws; every match maps back to text that folds to its term', () => {
    const rnd = mulberry32(42);
    let matches = 0;
    for (let round = 0; round < 3000; round++) {
      const text = randomText(rnd, 1 + Math.floor(rnd() * 40));
      const result = matcher.scan(text);
      let prev = -1;
      for (const m of result) {
        expect(m.start).toBeGreaterThanOrEqual(0);
        expect(m.end).toBeGreaterThan(m.start);
        expect(m.end).toBeLessThanOrEqual(text.length);
        expect(m.start).toBeGreaterThanOrEqual(prev);
        prev = m.start;
        const folded = foldString(text.slice(m.start, m.end)).trim();
        const forms = allowed.get(m.term);
        expect(forms, m.term).toBeDefined();
        const ok = forms?.some((f) => (f.prefix ? folded.startsWith(f.folded) : folded === f.folded));
        expect(ok, `${JSON.stringify(text)} → ${JSON.stringify(folded)} for ${m.term}`).toBe(true);
        matches++;
      }
    }
    expect(matches).toBeGreaterThan(500);
  });

  it('arbitrary unicode (lone surrogates included) never throws', () => {
    const rnd = mulberry32(7);
    for (let round = 0; round < 300; round++) {
      let s = '';
      for (let i = 0; i < 200; i++) s += String.fromCharCode(Math.floor(rnd() * 0x10000));
      expect(() => matcher.scan(s)).not.toThrow();
    }
  });

  it('random terms either compile or fail with MatcherConfigError, quickly', () => {
    const rnd = mulberry32(99);
    const t0 = performance.now();
    for (let round = 0; round < 500; round++) {
      const term = randomText(rnd, Math.floor(rnd() * 6));
      try {
        compileMatcher({ municipality: { name: term, aliases: [term] }, topics: [{ id: 'r', terms: [term] }] }).scan(
          randomText(rnd, 20),
        );
      } catch (e) {
        expect(e).toBeInstanceOf(MatcherConfigError);
      }
    }
    expect(performance.now() - t0).toBeLessThan(5000);
  });

  it('agrees with a naive scan on folded text for plain words', () => {
    const rnd = mulberry32(3);
    const m = compileMatcher({ municipality: { name: '' }, topics: [{ id: 't', terms: ['Umleitung', 'Ärger'] }] });
    for (let round = 0; round < 500; round++) {
      const text = randomText(rnd, 30);
      const naive = foldString(text).match(/(?<![\p{L}\p{N}])(?:umleitung|aerger)(?![\p{L}\p{N}])/gu) ?? [];
      expect(m.scan(text).length).toBe(naive.length);
    }
  });
});
