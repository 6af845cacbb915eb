// The names people write, derived from every official name of the register (the data as the project ships it).
import { deu as GERMAN_STOPWORDS } from 'stopword';
import { describe, expect, it } from 'vitest';
import { compileMatcher, foldString, type MatcherConfig, MUNICIPALITY_TOPIC } from '../../utils/matcher';
import type { MunicipalityRow } from '../../utils/municipalities';
import {
  ambiguityOf,
  coreCounts,
  coreName,
  demonymsOf,
  deriveNames,
  nameParts,
  saintVariants,
} from '../../utils/municipalities/derive';
import rows from '../../utils/municipalities/municipalities.json';

const all = rows as MunicipalityRow[];
const counts = coreCounts(all.map((r) => r[0]));
const stopwords = new Set(GERMAN_STOPWORDS.map((w) => foldString(w)));

/** What onboarding stores for a picked municipality, with context matching as it defaults (on for everyday words). */
function configFor(official: string): MatcherConfig {
  const d = deriveNames(official, ambiguityOf(official, counts).commonWord);
  return { municipality: { name: d.official, aliases: d.aliases, contextual: d.contextual }, topics: [] };
}

function found(official: string, text: string): string[] {
  return compileMatcher(configFor(official))
    .scan(text)
    .filter((m) => m.topicId === MUNICIPALITY_TOPIC)
    .map((m) => text.slice(m.start, m.end));
}

describe('names derived from the official name', () => {
  it.each([
    ['Frankfurt am Main, Stadt', 'Frankfurt'],
    ['Halle (Saale), Stadt', 'Halle'],
    ['Mülheim an der Ruhr, Stadt', 'Mülheim'],
    ['Freiburg im Breisgau, Stadt', 'Freiburg'],
    ['Bad Homburg v. d. Höhe, Stadt', 'Bad Homburg'],
    ['Rothenburg ob der Tauber, GKSt', 'Rothenburg'],
    ['Rothenburg/O.L., Stadt', 'Rothenburg'],
    ['Dillingen a.d.Donau, GKSt', 'Dillingen'],
    ['Neustadt b.Coburg, GKSt', 'Neustadt'],
    ['Weilheim i.OB, St', 'Weilheim'],
    ['Lutherstadt Wittenberg, Stadt', 'Wittenberg'],
    ['Am Mellensee', 'Am Mellensee'],
    ['St. Ingbert, Stadt', 'St. Ingbert'],
  ])('%s → core %s', (official, core) => {
    expect(coreName(official)).toBe(core);
  });

  it('offers the core, the hashtag, St./Sankt, the parts of double names, and keeps "Bad"', () => {
    expect(deriveNames('Frankfurt am Main, Stadt')).toMatchObject({
      official: 'Frankfurt am Main',
      core: 'Frankfurt',
      aliases: ['Frankfurt', '#Frankfurt'],
      demonyms: ['Frankfurter', 'Frankfurterin'],
    });
    expect(deriveNames('St. Ingbert, Stadt').aliases).toEqual(['Sankt Ingbert', '#StIngbert']);
    expect(deriveNames('Villingen-Schwenningen, Stadt').aliases).toEqual([
      'Villingen',
      'Schwenningen',
      '#VillingenSchwenningen',
    ]);
    const homburg = deriveNames('Bad Homburg v. d. Höhe, Stadt');
    expect(homburg.aliases).toEqual(['Bad Homburg', '#BadHomburg']);
    expect(homburg.demonyms).toContain('Bad Homburger');
    expect(saintVariants('Sankt Augustin')).toEqual(['St. Augustin']);
    expect(nameParts('St. Leon-Rot')).toEqual([]); // "Rot" alone is a colour
  });

  it('says which names are ambiguous: everyday words and cores shared by several towns', () => {
    expect(ambiguityOf('Halle (Saale), Stadt', counts)).toEqual({ commonWord: true, shared: 3 }); // Westf. and two in Niedersachsen
    expect(ambiguityOf('Frankfurt am Main, Stadt', counts)).toEqual({ commonWord: false, shared: 1 });
    expect(ambiguityOf('Neustadt an der Weinstraße, Stadt', counts).shared).toBeGreaterThanOrEqual(15);
    expect(ambiguityOf('Stuttgart, Landeshauptstadt', counts)).toEqual({ commonWord: false, shared: 0 });
    // with context matching on, the core needs a signal and the demonym counts on its own
    expect(deriveNames('Essen, Stadt', true)).toMatchObject({ contextual: ['Essen'], aliases: ['Essener', '#Essen'] });
  });

  it('finds the held-out everyday sentences for 13 official names', () => {
    const cases: [string, string, string[]][] = [
      [
        'Frankfurt am Main, Stadt',
        'Die Frankfurter Feuerwehr war in Frankfurt. #Frankfurt',
        ['Frankfurter', 'Frankfurt', '#Frankfurt'],
      ],
      ['Freiburg im Breisgau, Stadt', 'Freiburger Bächle', ['Freiburger']],
      ['Mülheim an der Ruhr, Stadt', 'Die Mülheimer Innenstadt', ['Mülheimer']],
      ['Esslingen am Neckar, Stadt', 'Esslinger Weihnachtsmarkt', ['Esslinger']],
      ['Bad Homburg v. d. Höhe, Stadt', 'Bad Homburger Kurpark, nicht Homburg', ['Bad Homburger']],
      ['Rothenburg ob der Tauber, GKSt', 'Die Rothenburger Altstadt', ['Rothenburger']],
      ['Ludwigshafen am Rhein, Stadt', 'Ludwigshafener Hochstraße', ['Ludwigshafener']],
      ['St. Ingbert, Stadt', 'Neues aus Sankt Ingbert und St. Ingbert', ['Sankt Ingbert', 'St. Ingbert']],
      ['Villingen-Schwenningen, Stadt', 'Fasnet in Schwenningen und Villingen', ['Schwenningen', 'Villingen']],
      ['Halle (Saale), Stadt', 'Die Halle der Grundschule in Halle', ['Halle']],
      ['Weil am Rhein, Stadt', 'Weil es regnet: Stau bei Weil am Rhein', ['Weil am Rhein']],
      ['Darmstadt, Wissenschaftsstadt', 'Die Darmstädterinnen', ['Darmstädterinnen']],
      ['München, Landeshauptstadt', 'Münchner Kindl', ['Münchner']],
    ];
    for (const [official, text, expected] of cases) expect(found(official, text), official).toEqual(expected);
    expect(found('Halle (Saale), Stadt', 'Die Halle der Grundschule')).toEqual([]);
  });

  it('works for all 11,004 register rows', () => {
    expect(all.length).toBe(11004);
    const problems: string[] = [];
    for (const [official] of all) {
      const config = configFor(official);
      const { name, aliases = [], contextual = [] } = config.municipality;
      const plain = [name, ...aliases].filter((n) => !contextual.includes(n));
      if (plain.length === 0) problems.push(`${official}: no pattern`);
      for (const n of plain) if (stopwords.has(foldString(n))) problems.push(`${official}: stopword ${n}`);
      let matcher: ReturnType<typeof compileMatcher>;
      try {
        matcher = compileMatcher(config);
      } catch (err) {
        problems.push(`${official}: ${String(err)}`);
        continue;
      }
      const core = coreName(official);
      const text = `Heute in ${core} war viel los.`;
      const start = text.indexOf(core);
      const hit = matcher.scan(text).some((m) => m.start === start && m.end >= start + core.length);
      if (!hit) problems.push(`${official}: "${text}" not found`);
      for (const d of demonymsOf(core)) {
        if (!matcher.scan(`Die ${d} sagen`).length && !contextual.length) problems.push(`${official}: ${d}`);
      }
    }
    expect(problems).toEqual([]);
  }, 120_000);
});
