// The fast scanner (one pass over the original text) against the reference engine (fold the whole text into a buffer
// with an offset map, then walk the trie from every head): both must report exactly the same matches.
import { describe, expect, it } from 'vitest';
import { compileMatcher, type MatcherConfig } from '../../utils/matcher';
import { compileReferenceMatcher } from '../../utils/matcher/reference';
import { mulberry32 } from '../seeded-random';

// Words, folding edge cases (expansions with non-word units such as ½ → "1⁄2" and … → "...", whitespace runs,
// decomposed umlauts, format characters, lone and paired surrogates, astral letters) and boundaries.
const PIECES = [
  'Stuttgart',
  'stuttgarter',
  'Stuttgarts',
  'Musterstadt',
  'Musterstädter',
  'musterstaedterinnen',
  'Baustelle',
  'baustellen',
  'Baustellenradio',
  'Ausbildungsplätze',
  'AUSBILDUNGSPLAETZE',
  'Ausbildungsplatz',
  'Umleitung',
  'Sperrung',
  'der',
  'B14',
  'Ärger',
  'aerger',
  'A\u0308rger',
  'a\u0308\u0308',
  'Straße',
  'STRASSE',
  'stra\u00ADße',
  'München',
  'Mu\u0308nchen',
  '#stuttgart',
  '#stuttgart21',
  '@StadtStuttgart',
  'VfB',
  'Essen',
  'essen',
  'ﬁsch',
  'Fisch',
  '½',
  '1',
  '2',
  '…',
  '⑴',
  'ﷺ',
  '\uFDFA',
  ' ',
  '  ',
  '\n',
  '\r\n',
  '\t',
  '\u00A0',
  '\u3000',
  '-',
  '–',
  ',',
  '.',
  '!',
  '’',
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
  '\uD835',
  '\uDC00\uD800',
  'ß',
  'ẞ',
  'İ',
  'Ａ',
  '𝗦𝘁𝘂𝘁𝘁𝗴𝗮𝗿𝘁',
  '𐀀',
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
    if (r < 0.08) s += String.fromCharCode(Math.floor(rnd() * 0x10000));
    else if (r < 0.1) s += String.fromCodePoint(0x10000 + Math.floor(rnd() * (0x10ffff - 0x10000)));
    else if (r < 0.14) s += String.fromCharCode(0x20 + Math.floor(rnd() * 0x1e0));
    else s += PIECES[Math.floor(rnd() * PIECES.length)];
  }
  return s;
}

const configs: Record<string, MatcherConfig> = {
  stuttgart: {
    municipality: { name: 'Stuttgart', aliases: ['#stuttgart*', '@StadtStuttgart', 'S-Vaihingen'], exclude: ['VfB'] },
    topics: [
      {
        id: 'bau',
        terms: ['Baustelle*', 'Umleitung', '"Sperrung der B14"', 'Ärger', 'Straße', 'Ausbildungsplatz*'],
        exclude: ['Baustellenradio', '"VfB Stuttgart"'],
      },
      { id: 'cs', terms: ['München', 'B14', 'Bau*'], caseSensitive: true },
    ],
  },
  musterstadt: {
    municipality: { name: 'Musterstadt', caseSensitive: false },
    topics: [{ id: 'x', terms: ['stadt*', '"der stuttgarter"', 'in', 's', 'e', '"e r"', '"in innen*"', '"s … x"'] }],
  },
  essen: {
    municipality: { name: 'Essen', caseSensitive: true },
    topics: [{ id: 'jobs', terms: ['Ausbildungsplatz*', 'Fisch', 'fi*'], caseSensitive: true }],
  },
  exotic: {
    municipality: { name: 'Halle (Saale), Stadt' },
    topics: [
      // expansions with non-word units: ½ folds to "1⁄2", … to "...", ⑴ to "(1)"
      { id: 'e', terms: ['1', '2*', '"1 2"', 'ss', 's*', 'fis*', 'ae', 'a*', '𐀀', 'x𐀀*', 'ﷺ', '(1)'] },
      { id: 'f', terms: ['stra', 'strass*', 'ä*', 'u*'], exclude: ['ﬁ'] },
    ],
  },
};

describe('fast scanner = reference engine', () => {
  for (const [name, config] of Object.entries(configs)) {
    it(name, () => {
      const fast = compileMatcher(config);
      const reference = compileReferenceMatcher(config);
      const rnd = mulberry32(name.length * 7919);
      let total = 0;
      for (let round = 0; round < 1500; round++) {
        const text = randomText(rnd, 1 + Math.floor(rnd() * 40));
        const expected = reference.scan(text);
        total += expected.length;
        expect(fast.scan(text), JSON.stringify(text)).toEqual(expected);
      }
      expect(total).toBeGreaterThan(300);
    });
  }

  it('dense edge cases: a tiny alphabet of folding corner cases', () => {
    // Few pieces, so whitespace runs, expansions, marks and surrogates meet the terms at every position.
    const pieces = [
      'e',
      'r',
      's',
      'x',
      'a',
      'in',
      'innen',
      ' ',
      '  ',
      '\n',
      '\u00A0',
      '…',
      'ß',
      '½',
      '1',
      '2',
      '\u00AD',
      '\u0308',
      'a\u0308',
      'A',
      '𐀀',
      '\uD800',
      '\uDC00',
      '-',
      '\uFDFA',
      '⑴',
      'xxx',
      'rrr',
      'rrrr',
    ];
    const config: MatcherConfig = {
      municipality: { name: 'Xa', aliases: ['#x*'] },
      topics: [
        { id: 'p', terms: ['"e r"', '"in innen*"', '"s … x"', '"x 1"', '"a r"', 'ss', 'ae', '1', '2*'] },
        { id: 'q', terms: ['e', 's*', 'x𐀀', '𐀀*', '"e r s"', 'ae*', '(1)', 'Ä'], exclude: ['"r s"'] },
        { id: 'c', terms: ['A', 'Ae*', '"X A"'], caseSensitive: true },
        // longer than the scanner's 3-unit start table: the inline steps see spaces, expansions and marks
        { id: 'l', terms: ['"xxx e r"', 'xxxss*', '"rrr ae x"', 'rrrae', 'xxx1', 'rrrrs', '"xxx ä"', 'xxxaee*'] },
      ],
    };
    const fast = compileMatcher(config);
    const reference = compileReferenceMatcher(config);
    const rnd = mulberry32(11);
    let total = 0;
    for (let round = 0; round < 3000; round++) {
      let text = '';
      const n = 1 + Math.floor(rnd() * 16);
      for (let i = 0; i < n; i++) text += pieces[Math.floor(rnd() * pieces.length)];
      const expected = reference.scan(text);
      total += expected.length;
      expect(fast.scan(text), JSON.stringify(text)).toEqual(expected);
    }
    expect(total).toBeGreaterThan(3000);
  });

  it('term-derived texts: terms respelled with whitespace runs, umlaut spellings, marks and format characters', () => {
    const config: MatcherConfig = {
      municipality: { name: 'Musterstadt', aliases: ['#muster*', 'Bad Cannstatt'] },
      topics: [
        {
          id: 'l',
          terms: [
            '"xxx e r"',
            'xxxss*',
            '"rrr ae x"',
            'rrrae',
            'xxx1',
            '"xxx ä"',
            'xxxaee*',
            'Straße',
            'Ausbildungsplatz*',
          ],
          exclude: ['"rrr ae xx"'],
        },
        { id: 'm', terms: ['"Sperrung der B14"', 'Schlagloch*', '"e r"', 'Ärger'], caseSensitive: true },
      ],
    };
    const bodies = [
      'xxx e r',
      'xxxss',
      'xxxssen',
      'rrr ae x',
      'rrr ae xx',
      'rrrae',
      'xxx1',
      'xxx ä',
      'xxxaee',
      'Strasse',
      'Ausbildungsplaetze',
      'Sperrung der B14',
      'Schlagloecher',
      'e r',
      'Aerger',
      'Musterstaedterinnen',
      'Bad Cannstatt',
      '#musterstadt',
    ];
    const spaces = [' ', '  ', '\n', ' \u00A0', '\t ', '\r\n', '\u3000', ' \u00AD '];
    const inserts = ['\u00AD', '\u200B', '\u200D', '\u0308', '\u0301', '\uFEFF'];
    const edges = ['', '', ' ', 'x', '-', 'ß', 'ä', '1', '😡', '\uD800', '\uDC00', '…', '½', '\u0308', '\u00AD'];
    const rnd = mulberry32(2024);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
    const respell = (body: string): string => {
      let out = '';
      for (let i = 0; i < body.length; i++) {
        const two = body.slice(i, i + 2);
        if (/^(ae|oe|ue)$/i.test(two) && rnd() < 0.6) {
          const plain = { a: 'ä', o: 'ö', u: 'ü', A: 'Ä', O: 'Ö', U: 'Ü' }[two[0] as 'a'] as string;
          out += pick([plain, `${two[0]}\u0308`, two.toUpperCase()]);
          i++;
        } else if (two === 'ss' && rnd() < 0.5) {
          out += pick(['ß', 'ẞ', 'SS']);
          i++;
        } else if (body[i] === ' ') out += pick(spaces);
        else out += rnd() < 0.1 ? (body[i] as string).toUpperCase() : body[i];
        if (rnd() < 0.08) out += pick(inserts);
      }
      return out;
    };
    const fast = compileMatcher(config);
    const reference = compileReferenceMatcher(config);
    let total = 0;
    for (let round = 0; round < 4000; round++) {
      let text = pick(edges);
      const n = 1 + Math.floor(rnd() * 4);
      for (let i = 0; i < n; i++) text += respell(pick(bodies)) + pick(edges) + pick(spaces.slice(0, 3));
      const expected = reference.scan(text);
      total += expected.length;
      expect(fast.scan(text), JSON.stringify(text)).toEqual(expected);
    }
    expect(total).toBeGreaterThan(4000);
  });

  it.each([
    ['a 2-unit start table', 60],
    ['no start table', 400],
  ])('large alphabets (%s)', (_, size) => {
    // Cyrillic, Greek and CJK letters give the trie more symbols than the 3-unit start table allows.
    const letters: string[] = [];
    for (let c = 0x430; letters.length < Math.min(size, 32); c++) letters.push(String.fromCharCode(c));
    for (let c = 0x3b1; letters.length < Math.min(size, 56); c++) if (c !== 0x3c2) letters.push(String.fromCharCode(c));
    for (let c = 0x4e00; letters.length < size; c++) letters.push(String.fromCharCode(c));
    const rnd = mulberry32(size);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
    const word = (n: number) => Array.from({ length: n }, () => pick(letters)).join('');
    const terms = Array.from({ length: 300 }, (_, i) => {
      const w = word(1 + Math.floor(rnd() * 5));
      return i % 7 === 0 ? `${w}*` : i % 11 === 0 ? `"${w} ${word(2)}"` : w;
    });
    const config: MatcherConfig = { municipality: { name: '' }, topics: [{ id: 't', terms }] };
    const fast = compileMatcher(config);
    const reference = compileReferenceMatcher(config);
    let total = 0;
    for (let round = 0; round < 300; round++) {
      let text = '';
      for (let i = 0; i < 12; i++) {
        const t = (pick(terms) as string).replace(/[*"]/g, '');
        text += (rnd() < 0.5 ? t : word(1 + Math.floor(rnd() * 4))) + pick([' ', '  ', '\u00AD', '-', ', ', 'ä']);
      }
      const expected = reference.scan(text);
      total += expected.length;
      expect(fast.scan(text), JSON.stringify(text)).toEqual(expected);
    }
    expect(total).toBeGreaterThan(300);
  });

  it('agrees on long texts (a reused scanner, growing buffers)', () => {
    const fast = compileMatcher(configs.stuttgart as MatcherConfig);
    const reference = compileReferenceMatcher(configs.stuttgart as MatcherConfig);
    const rnd = mulberry32(5);
    for (let round = 0; round < 5; round++) {
      const text = randomText(rnd, 5000);
      expect(fast.scan(text)).toEqual(reference.scan(text));
      expect(fast.scan('')).toEqual([]);
    }
  });
});
