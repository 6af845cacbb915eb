// Table tests: one block per matching rule of issue 3.
import { describe, expect, it } from 'vitest';
import {
  compileMatcher,
  foldString,
  inflect,
  type Match,
  type MatcherConfig,
  MatcherConfigError,
  MUNICIPALITY_TOPIC,
} from '../../utils/matcher';

function found(config: MatcherConfig, text: string): string[] {
  return compileMatcher(config)
    .scan(text)
    .map((m) => `${m.topicId}:${text.slice(m.start, m.end)}`);
}

const topic = (terms: string[], extra: Partial<MatcherConfig['topics'][number]> = {}): MatcherConfig => ({
  municipality: { name: '' },
  topics: [{ id: 't', terms, ...extra }],
});
const town = (name: string, extra: Partial<MatcherConfig['municipality']> = {}): MatcherConfig => ({
  municipality: { name, ...extra },
  topics: [],
});

describe('the issue example', () => {
  it('returns offsets, topic ids and configured terms', () => {
    const m = compileMatcher({
      municipality: { name: 'Stuttgart', aliases: ['S-Vaihingen', '#stuttgart'] },
      topics: [{ id: 'bau', terms: ['Baustelle*', 'Umleitung', '"Sperrung der B14"'], exclude: ['Baustellenradio'] }],
    });
    const text = 'Baustellen in S-Vaihingen, Sperrung der B14. #stuttgart Baustellenradio';
    const expected: Match[] = [
      { start: 0, end: 10, topicId: 'bau', term: 'Baustelle*' },
      { start: 14, end: 25, topicId: MUNICIPALITY_TOPIC, term: 'S-Vaihingen' },
      { start: 27, end: 43, topicId: 'bau', term: '"Sperrung der B14"' },
      { start: 45, end: 55, topicId: MUNICIPALITY_TOPIC, term: '#stuttgart' },
    ];
    expect(m.scan(text)).toEqual(expected);
  });
});

describe('case-insensitive whole words', () => {
  it.each([
    ['Ärger', 'So ein ärger!', ['t:ärger']],
    ['Öhringen', 'In ÖHRINGEN ist Markt', ['t:ÖHRINGEN']],
    ['Übach-Palenberg', 'übach-palenberg und Übach-Palenberg', ['t:übach-palenberg', 't:Übach-Palenberg']],
    ['Bau', 'Baustelle und Neubau und Bau-Stopp', ['t:Bau']],
    ['Bau', 'BAU, bau; Bau.', ['t:BAU', 't:bau', 't:Bau']],
    ['B14', 'B14 oder B140 oder XB14', ['t:B14']],
  ])('%s in %j', (term, text, expected) => {
    expect(found(topic([term]), text)).toEqual(expected);
  });

  it('a * term matches as prefix and reports the whole word', () => {
    expect(found(topic(['Baustelle*']), 'Baustellen, Baustellenupdate, Baustelle. Großbaustelle')).toEqual([
      't:Baustellen',
      't:Baustellenupdate',
      't:Baustelle',
    ]);
  });

  it('treats -, #, @, _, apostrophes and emoji as boundaries', () => {
    expect(found(topic(['Kita']), 'Kita-Gebühren #Kita @kita Kita_neu Kita’s 🚸Kita🚸')).toHaveLength(6);
  });
});

describe('German folding', () => {
  it.each([
    ['München', 'Muenchen'],
    ['Muenchen', 'München'],
    ['Straße', 'STRASSE'],
    ['Strasse', 'Straße'],
    ['Straße', 'Stra\u1E9Ee'],
    ['Öffnungszeiten', 'OEFFNUNGSZEITEN'],
    ['Übergabe', 'Ubergabe'.replace('U', 'U\u0308')],
  ])('%s finds %j', (term, text) => {
    expect(found(topic([term]), text)).toEqual([`t:${text}`]);
  });

  it('matches decomposed (NFD) text and maps offsets to the original', () => {
    const text = 'In Mu\u0308nchen ist Ärger'.normalize('NFD');
    const m = compileMatcher(topic(['München', 'Ärger'])).scan(text);
    expect(m.map((x) => text.slice(x.start, x.end))).toEqual(['Mu\u0308nchen', 'A\u0308rger']);
  });

  it('ignores soft hyphens, zero-width spaces and joiners inside words', () => {
    for (const sep of ['\u00AD', '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF']) {
      const text = `Die Bau${sep}stelle ist da`;
      expect(compileMatcher(topic(['Baustelle'])).scan(text)).toEqual([
        { start: 4, end: 14, topicId: 't', term: 'Baustelle' },
      ]);
    }
  });

  it('folds bold and fullwidth letters', () => {
    expect(found(topic(['Stuttgart']), '𝗦𝘁𝘂𝘁𝘁𝗴𝗮𝗿𝘁 ＳＴＵＴＴＧＡＲＴ')).toEqual([
      't:𝗦𝘁𝘂𝘁𝘁𝗴𝗮𝗿𝘁',
      't:ＳＴＵＴＴＧＡＲＴ',
    ]);
  });

  it('folding is idempotent', () => {
    for (const s of ['Ärger Straße', 'Mu\u0308nchen', 'ẞ', 'İstanbul', 'ﬁsch']) {
      expect(foldString(foldString(s))).toBe(foldString(s));
    }
  });
});

describe('municipality inflections', () => {
  it.each([
    'Stuttgart',
    'Stuttgarts',
    'Stuttgarter',
    'Stuttgarterin',
    'Stuttgarterinnen',
    'Stuttgartern',
    'Stuttgarters',
    'Stuttgartere',
    'Stuttgarterem',
    'Stuttgarteren',
  ])('Stuttgart matches %s', (word) => {
    expect(found(town('Stuttgart'), `Die ${word} Innenstadt`)).toEqual([`municipality:${word}`]);
  });

  it('does not match longer words', () => {
    expect(found(town('Stuttgart'), 'Stuttgartfans Stuttgarterei Stuttgartsche')).toEqual([]);
  });

  it('matches hyphenated compounds and hashtags', () => {
    expect(found(town('Stuttgart'), 'Stuttgart-Mitte, Groß-Stuttgart, #Stuttgart, #stuttgart21')).toEqual([
      'municipality:Stuttgart',
      'municipality:Stuttgart',
      'municipality:Stuttgart',
    ]);
  });

  it('#stuttgart21 only via a prefix alias or the literal alias', () => {
    expect(found(town('Stuttgart', { aliases: ['#stuttgart*'] }), '#stuttgart21')).toEqual([
      'municipality:#stuttgart21',
    ]);
    expect(found(town('Stuttgart', { aliases: ['#stuttgart21'] }), '#stuttgart21')).toEqual([
      'municipality:#stuttgart21',
    ]);
  });

  it('matches @handles when listed', () => {
    expect(found(town('Stuttgart', { aliases: ['@StadtStuttgart'] }), 'Danke @StadtStuttgart!')).toEqual([
      'municipality:@StadtStuttgart',
    ]);
    expect(found(town('Stuttgart'), 'Danke @StadtStuttgart!')).toEqual([]);
  });

  it.each([
    ['Essen', 'Essener'],
    ['Tübingen', 'Tübinger'],
    ['München', 'Münchner'],
    ['Dresden', 'Dresdner'],
    ['Bremen', 'Bremer'],
    ['Celle', 'Celler'],
    ['Kassel', 'Kasseler'],
    ['Kassel', 'Kassler'],
    ['Jena', 'Jenaer'],
    ['Hannover', 'Hannoveraner'],
    ['Bad Homburg', 'Bad Homburger'],
  ])('%s → %s', (name, word) => {
    expect(found(town(name), `die ${word} Bürger`)).toEqual([`municipality:${word}`]);
  });

  it.each([
    'Musterstadt',
    'Musterstadts',
    'Musterstädter',
    'Musterstädterin',
    'Musterstädterinnen',
    'Musterstädtern',
    'Musterstädters',
    'Musterstaedter',
    'MUSTERSTÄDTER',
    'Musterstadter',
  ])('a -stadt name takes the umlaut in its adjective: Musterstadt matches %s', (word) => {
    expect(found(town('Musterstadt'), `Die ${word} Innenstadt`)).toEqual([`municipality:${word}`]);
  });

  it('the umlaut adjective still matches only whole words', () => {
    expect(found(town('Musterstadt'), 'Musterstädt Musterstädterei Musterstädte')).toEqual([]);
  });

  it.each([
    ['Darmstadt', 'Darmstädter'],
    ['Ingolstadt', 'Ingolstädterinnen'],
    ['Neustadt', 'Neustaedtern'],
    ['Rastatt', 'Rastätter'],
    ['Rastatt', 'Rastatter'],
    ['Hamburg', 'Hamburger'],
    ['Magdeburg', 'Magdeburgerinnen'],
    ['Düsseldorf', 'Düsseldorfer'],
    ['Düsseldorf', 'Duesseldorferin'],
  ])('%s → %s', (name, word) => {
    expect(found(town(name), `die ${word} Bürger`)).toEqual([`municipality:${word}`]);
  });

  it('a case-sensitive -stadt name keeps its capitalisation in the umlaut forms', () => {
    expect(found(town('Musterstadt', { caseSensitive: true }), 'Musterstädter musterstädter Musterstaedter')).toEqual([
      'municipality:Musterstädter',
      'municipality:Musterstaedter',
    ]);
  });

  it('offsets of an umlaut adjective point into the original text (NFC and NFD)', () => {
    for (const text of ['Die Musterstädterinnen!', 'Die Musterstädterinnen!'.normalize('NFD')]) {
      const m = compileMatcher(town('Musterstadt')).scan(text);
      expect(m).toEqual([{ start: 4, end: text.length - 1, topicId: 'municipality', term: 'Musterstadt' }]);
    }
  });

  it('reports the configured name as term', () => {
    const m = compileMatcher(town('Kiel, Landeshauptstadt'));
    expect(m.scan('Kieler Förde')).toEqual([
      { start: 0, end: 6, topicId: 'municipality', term: 'Kiel, Landeshauptstadt' },
    ]);
  });

  it('register names match on their short name', () => {
    expect(found(town('Kiel, Landeshauptstadt'), 'Kiel, Kiels, Kieler')).toEqual([
      'municipality:Kiel',
      'municipality:Kiels',
      'municipality:Kieler',
    ]);
    expect(found(town('Halle (Saale)'), 'Halle (Saale) und Halle und Hallenser')).toEqual([
      'municipality:Halle (Saale)',
      'municipality:Halle',
    ]);
  });

  it('multi-word names match as phrases across whitespace', () => {
    expect(found(town('Frankfurt am Main'), 'Frankfurt  am\nMain und Frankfurt')).toEqual([
      'municipality:Frankfurt  am\nMain',
    ]);
  });

  it('inflect() generates forms from the stem', () => {
    expect(inflect('Essen')).toEqual(expect.arrayContaining(['Essen', 'Essens', 'Essener', 'Essenerinnen']));
  });
});

describe('umlaut plurals of prefix terms', () => {
  it.each([
    ['Ausbildungsplatz*', 'Ausbildungsplätze'],
    ['Ausbildungsplatz*', 'Ausbildungsplaetze'],
    ['Ausbildungsplatz*', 'AUSBILDUNGSPLÄTZE'],
    ['Ausbildungsplatz*', 'Ausbildungspla\u0308tze'],
    ['Ausbildungsplatz*', 'Ausbildungsplätzen'],
    ['Ausbildungsplatz*', 'Ausbildungsplatz'],
    ['Schlagloch*', 'Schlaglöcher'],
    ['Haus*', 'Häuser'],
    ['Zug*', 'Züge'],
    ['"neue Parkplatz*"', 'neue Parkplätze'],
  ])('%s finds %j', (term, text) => {
    expect(found(topic([term]), `Die ${text}!`)).toEqual([`t:${text}`]);
  });

  it('reports the configured term with offsets into the original text', () => {
    const text = 'Neue Ausbildungsplätze ab Herbst';
    expect(compileMatcher(topic(['Ausbildungsplatz*'])).scan(text)).toEqual([
      { start: 5, end: 22, topicId: 't', term: 'Ausbildungsplatz*' },
    ]);
  });

  it('only for prefix terms', () => {
    expect(found(topic(['Ausbildungsplatz']), 'Ausbildungsplätze Ausbildungsplatz')).toEqual(['t:Ausbildungsplatz']);
  });

  it('only when the last vowel of the stem can take an umlaut', () => {
    // e, i, ei, a final vowel, an umlaut already, and -ung/-ion never get a second form
    expect(
      found(
        topic(['Baustelle*', 'Kreuzfahrtschiff*', 'Zeit*', 'Stau*', 'Bäcker*', 'Bewerbung*', 'Station*']),
        'Bauställe Kreuzfahrtschüff Zäit Stäu Bäcker Bewerbüngen Statiönen',
      ),
    ).toEqual(['t:Bäcker']);
    expect(found(topic(['Baustelle*', 'Stau*']), 'Baustellen Staus')).toEqual(['t:Baustellen', 't:Staus']);
  });

  it('case-sensitive topics keep the capitalisation', () => {
    expect(found(topic(['Ausbildungsplatz*'], { caseSensitive: true }), 'Ausbildungsplätze ausbildungsplätze')).toEqual(
      ['t:Ausbildungsplätze'],
    );
  });

  it('excludes with a * get the umlaut form too', () => {
    const config: MatcherConfig = {
      municipality: { name: '' },
      topics: [{ id: 't', terms: ['Park*'], exclude: ['Parkplatz*'] }],
    };
    expect(found(config, 'Parkhaus, Parkplätze, Parkplatz, Parkplaetze')).toEqual(['t:Parkhaus']);
  });
});

describe('phrases and excludes', () => {
  it('a quoted phrase matches across any whitespace and line breaks', () => {
    expect(found(topic(['"Sperrung der B14"']), 'Sperrung\r\n der\t\tB14 / Sperrung der B140')).toEqual([
      't:Sperrung\r\n der\t\tB14',
    ]);
  });

  it('German quotes work too', () => {
    expect(found(topic(['„Sperrung der B14“']), 'sperrung der b14')).toEqual(['t:sperrung der b14']);
  });

  it('exclude suppresses overlapping matches, also the municipality', () => {
    const config: MatcherConfig = {
      municipality: { name: 'Stuttgart' },
      topics: [{ id: 'bau', terms: ['Baustelle*'], exclude: ['Baustellenradio', 'VfB Stuttgart'] }],
    };
    expect(found(config, 'Baustellenradio: VfB Stuttgart spielt, Baustelle in Stuttgart')).toEqual([
      'bau:Baustelle',
      'municipality:Stuttgart',
    ]);
  });

  it('municipality.exclude works the same way', () => {
    expect(found(town('Stuttgart', { exclude: ['VfB Stuttgart'] }), 'VfB Stuttgart in Stuttgart')).toEqual([
      'municipality:Stuttgart',
    ]);
  });
});

describe('case-sensitive towns and topics', () => {
  it('"Wir essen in Essen" gives one match', () => {
    const m = compileMatcher(town('Essen', { caseSensitive: true }));
    expect(m.scan('Wir essen in Essen')).toEqual([{ start: 13, end: 18, topicId: 'municipality', term: 'Essen' }]);
  });

  it.each([
    ['Halle', 'Die halle ist voll, in Halle auch', ['municipality:Halle']],
    // A capitalised noun cannot be told from the town: that is what the capitalisation rule can and cannot do.
    ['Hof', 'hoffentlich hof-intern, aber Hof und Im Hof', ['municipality:Hof', 'municipality:Hof']],
    ['Wetter', 'wetterfest und wetter-app, in Wetter', ['municipality:Wetter']],
    ['Weil', 'weil Weil am Rhein', ['municipality:Weil']],
    ['Au', 'au! in Au', ['municipality:Au']],
    ['Essen', 'Essener Straße, essener Straße', ['municipality:Essener']],
  ])('%s', (name, text, expected) => {
    expect(found(town(name, { caseSensitive: true }), text)).toEqual(expected);
  });

  it('umlaut spellings still match case-sensitively', () => {
    expect(found(topic(['Ärger'], { caseSensitive: true }), 'Aerger Ärger ärger')).toEqual(['t:Aerger', 't:Ärger']);
  });

  it('a case-sensitive topic applies to all its terms', () => {
    expect(found(topic(['AfD', 'Bau*'], { caseSensitive: true }), 'AfD afd Baustelle baustelle')).toEqual([
      't:AfD',
      't:Baustelle',
    ]);
  });
});

describe('overlaps', () => {
  it('the longest match wins at a position', () => {
    const m = compileMatcher(topic(['Sperrung', '"Sperrung der B14"']));
    expect(m.scan('Sperrung der B14')).toEqual([{ start: 0, end: 16, topicId: 't', term: '"Sperrung der B14"' }]);
  });

  it('the same span is reported once per topic, once for each topic', () => {
    const config: MatcherConfig = {
      municipality: { name: '' },
      topics: [
        { id: 'a', terms: ['Baustelle', 'Baustelle*', 'baustelle'] },
        { id: 'b', terms: ['BAUSTELLE'] },
      ],
    };
    expect(compileMatcher(config).scan('Baustelle')).toEqual([
      { start: 0, end: 9, topicId: 'a', term: 'Baustelle' },
      { start: 0, end: 9, topicId: 'b', term: 'BAUSTELLE' },
    ]);
  });

  it('output is sorted by start, then by end descending', () => {
    const config: MatcherConfig = {
      municipality: { name: 'Stuttgart' },
      topics: [{ id: 'bau', terms: ['"Stuttgart Baustelle"', 'Baustelle'] }],
    };
    const m = compileMatcher(config).scan('Stuttgart Baustelle');
    expect(m.map((x) => [x.start, x.end, x.topicId])).toEqual([
      [0, 19, 'bau'],
      [0, 9, 'municipality'],
    ]);
  });
});

describe('bad configuration', () => {
  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['*', 'empty'],
    ['""', 'empty'],
    ['!!!', 'no-letters'],
    ['"...?"', 'no-letters'],
    ['x'.repeat(10_000), 'too-long'],
    ['x'.repeat(201), 'too-long'],
    ['"Sperrung der B14', 'unbalanced-quote'],
    ['Sperrung der B14"', 'unbalanced-quote'],
    ['Sperrung "der" B14', 'unbalanced-quote'],
    ['Bau*stelle', 'misplaced-wildcard'],
  ])('%j → %s', (term, reason) => {
    const t0 = performance.now();
    try {
      compileMatcher(topic(['ok', term]));
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(MatcherConfigError);
      const err = e as MatcherConfigError;
      expect(err.reason).toBe(reason);
      expect(err.term).toBe(term);
      expect(err.topicId).toBe('t');
      expect(err.message).toContain(term.slice(0, 20));
    }
    expect(performance.now() - t0).toBeLessThan(100);
  });

  it('names the term in alias and exclude errors too', () => {
    expect(() => compileMatcher(town('Stuttgart', { aliases: ['#'] }))).toThrow(/"#"/);
    expect(() => compileMatcher({ ...topic(['a']), topics: [{ id: 'x', terms: ['a'], exclude: ['"b'] }] })).toThrow(
      /""b" in topic "x"/,
    );
  });

  it('rejects non-string terms and malformed shapes with MatcherConfigError', () => {
    expect(() => compileMatcher(topic([42 as unknown as string]))).toThrow(MatcherConfigError);
    expect(() => compileMatcher({ municipality: { name: 'X' }, topics: 'nope' } as unknown as MatcherConfig)).toThrow(
      MatcherConfigError,
    );
    expect(() => compileMatcher(null as unknown as MatcherConfig)).toThrow(MatcherConfigError);
  });

  it('an empty municipality name disables municipality matching (fresh profile)', () => {
    expect(compileMatcher({ municipality: { name: '' }, topics: [] }).scan('Stuttgart')).toEqual([]);
  });
});
