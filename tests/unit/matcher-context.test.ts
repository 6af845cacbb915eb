// Context matching: a town whose name is an everyday word counts only with a town signal (issue 10, item 2).
import { describe, expect, it } from 'vitest';
import { compileMatcher, MUNICIPALITY_TOPIC } from '../../utils/matcher';
import { deriveNames } from '../../utils/municipalities/derive';

/** The municipality matches in `text` for a town set up as onboarding does with context matching on. */
function townMatches(official: string, text: string): string[] {
  const d = deriveNames(official, true);
  return compileMatcher({
    municipality: { name: d.official, aliases: d.aliases, contextual: d.contextual },
    topics: [],
  })
    .scan(text)
    .filter((m) => m.topicId === MUNICIPALITY_TOPIC)
    .map((m) => text.slice(m.start, m.end));
}

// [official name in the register, sentences that mention the town, sentences that do not]
const TOWNS: [string, string[], string[]][] = [
  [
    'Halle (Saale), Stadt',
    ['Stadtfest in Halle am Samstag', 'Wir ziehen nach Halle.', 'Grüße aus #Halle'],
    ['Die Halle der Grundschule wird saniert.', 'In der Halle ist es kalt.'],
  ],
  [
    'Weil am Rhein, Stadt',
    ['Stau bei Weil am Rhein', 'Wir fahren nach Weil.'],
    ['Weil es regnet, fällt das Fest aus.', 'Ich bleibe, weil es schön ist.'],
  ],
  [
    'Essen, Stadt',
    ['Demo in Essen', 'Die Essener Feuerwehr rückt aus.'],
    ['Das Essen in der Mensa war kalt.', 'Wir essen heute früher.'],
  ],
  ['Hof', ['Zugausfall nach Hof', 'Neues aus Hof'], ['Im Hof der Schule steht ein Baum.', 'Der Hof ist gesperrt.']],
  [
    'Wetter (Ruhr), Stadt',
    ['Hochwasser in Wetter', 'Radweg von Wetter nach Hagen'],
    ['Das Wetter morgen wird schön.', 'Bei dem Wetter bleiben wir zu Hause.'],
  ],
  [
    'Zell am Harmersbach, Stadt',
    ['Narrentreffen in Zell', 'Bus nach Zell am Harmersbach'],
    ['Die Zell-Kultur im Labor', 'Eine Zell Probe.'],
  ],
  ['Lage, Stadt', ['Unfall bei Lage', 'Neues Freibad in Lage'], ['Die Lage ist ernst.', 'Wir beobachten die Lage.']],
  [
    'Senden, St',
    ['Busse nach Senden', 'Kirmes in Senden'],
    ['Bitte senden Sie uns Ihre Fragen.', 'Senden Sie uns ein Foto.'],
  ],
  [
    'Laufen, St',
    ['Radweg von Laufen nach Freilassing'],
    ['Wir laufen morgen beim Stadtlauf mit.', 'Laufen ist gesund.'],
  ],
  ['Rain, St', ['Wochenmarkt in Rain'], ['Der Rain am Feldrand blüht.']],
  [
    'Lauf a.d.Pegnitz, St',
    ['S-Bahn nach Lauf', 'Altstadtfest in Lauf an der Pegnitz'],
    ['Der Lauf der Dinge.', 'Im Lauf des Tages wird es wärmer.'],
  ],
  ['Wangen im Allgäu, Stadt', ['Landesgartenschau in Wangen'], ['Rote Wangen vom Wind.', 'Die Wangen glühen.']],
  ['Ohne', ['Radtour nach Ohne'], ['Ohne Anmeldung geht es nicht.', 'Kaffee ohne Zucker.']],
  [
    'List auf Sylt',
    ['Fähre nach List', 'Sonnenuntergang in List auf Sylt'],
    ['Mit List und Tücke.', 'Eine List des Fuchses.'],
  ],
  [
    'Waren (Müritz), Stadt',
    ['Urlaub in Waren', 'Müritzeum in Waren (Müritz)'],
    ['Die Waren sind ausverkauft.', 'Wir waren gestern dort.'],
  ],
  ['Siegen, Universitätsstadt', ['Uni in Siegen', 'Zug aus Siegen'], ['Wir wollen siegen.', 'Die Besten siegen.']],
  ['Wissen, Stadt', ['Schützenfest in Wissen'], ['Das Wissen der Bürger zählt.', 'Wir wissen es nicht.']],
  ['Meine', ['Neubaugebiet in Meine'], ['Meine Meinung dazu: gut.', 'Das ist meine Sache.']],
  ['Kommen', ['Feuerwehr aus Kommen'], ['Kommen Sie vorbei!', 'Wir kommen morgen.']],
  ['Hatten', ['Gemeinderat in Hatten'], ['Wir hatten Glück.', 'Sie hatten recht.']],
  ['Au i.d.Hallertau, M', ['Hopfenfest in Au'], ['Au, das tut weh!', 'Au weia.']],
  ['Linden, Stadt', ['Kita in Linden'], ['Die Linden am Marktplatz blühen.', 'Unter den Linden.']],
  ['Acht', ['Kirmes in Acht'], ['Acht Kinder spielen.', 'Gib acht!']],
  ['Forst (Lausitz)/Baršć (Łužyca), Stadt', ['Rosengarten in Forst'], ['Der Forst brennt.', 'Im Forst ist es still.']],
];

describe('context matching for towns named like everyday words', () => {
  it('covers at least 20 towns', () => {
    expect(TOWNS.length).toBeGreaterThanOrEqual(20);
  });

  it.each(TOWNS)('%s', (official, mentions, others) => {
    for (const text of mentions) expect(townMatches(official, text), text).not.toEqual([]);
    for (const text of others) expect(townMatches(official, text), text).toEqual([]);
  });

  it('counts the bare word where a name can stand when the same text holds another town signal', () => {
    expect(townMatches('Halle (Saale), Stadt', 'Halle feiert: #Halle')).toEqual(['#Halle']); // text start
    expect(townMatches('Halle (Saale), Stadt', 'Heute feiert Halle sein Fest. #Halle')).toEqual(['Halle', '#Halle']);
    expect(townMatches('Halle (Saale), Stadt', 'Die Halle in #Halle')).toEqual(['#Halle']);
  });

  it('leaves towns without context words alone', () => {
    const m = compileMatcher({ municipality: { name: 'Stuttgart' }, topics: [] });
    expect(m.scan('Stuttgart feiert.').length).toBe(1);
  });

  it('lets an alias spell out a form that then counts on its own', () => {
    const m = compileMatcher({
      municipality: { name: 'Essen', contextual: ['Essen'], aliases: ['Essener'] },
      topics: [],
    });
    expect(m.scan('Essener Tafel').length).toBe(1);
    expect(m.scan('Gutes Essen').length).toBe(0);
    expect(m.scan('in Essen').length).toBe(1);
  });
});
