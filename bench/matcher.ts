// Matcher throughput against the obvious alternative: ONE RegExp with all terms as an alternation and Unicode
// word-boundary lookarounds, run in the same process on the same generated German corpus (≥ 5 MB, 1,000 terms).
// MB = 10^6 bytes of UTF-8. Compile times are medians.

import { mulberry32 } from '../tests/seeded-random';
import { compileMatcher, type MatcherConfig } from '../utils/matcher';

const rnd = mulberry32(0x1a05c4e2);
const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;

const COMMON = (
  'und die der das ist nicht ich du wir ihr sie es ein eine mit auf für von zu im in den dem des aber auch noch ' +
  'schon wieder immer mal jetzt heute morgen gestern hier dort warum wieso wer was wie wann endlich bitte danke ' +
  'Leute Stadt Straße Bürger Bürgermeister Gemeinderat Verwaltung Rathaus Kita Schule Bus Bahn Parkplatz Ampel ' +
  'Radweg Brücke Spielplatz Müll Abfuhr Wasser Strom Internet Glasfaser Feuerwehr Polizei Hochwasser Pegel Regen ' +
  'Sturm Wetter Fest Markt Verein Sporthalle Freibad Grundsteuer Gebühren Antrag Termin Bürgerbüro Ordnungsamt ' +
  'Stellenanzeige Ausbildung Bewerbung Kollegen Nachbarn Hund Katze Auto Fahrrad Kinder Eltern Oma Opa ' +
  'gut schlecht schön teuer billig laut leise früh spät lange kurz groß klein neu alt ärgerlich übel super ' +
  'gesperrt geöffnet geschlossen kaputt repariert angekündigt verschoben abgesagt gefährlich überflutet ' +
  'hab habe hat haben bin sind war waren wird werden kann können muss müssen soll sollen will wollen weiß ' +
  'gibt geht kommt sieht sagt fragt wartet zahlt fährt läuft steht liegt bleibt passiert funktioniert'
).split(' ');
const EMOJI = ['😡', '🙄', '👍', '🚧', '🌊', '❤️', '😂', '🤔', '🙏', '👉'];
const PUNCT = ['.', '!', '?', '!!', '...', ',', ':', ' -'];

const ONSETS = ['b', 'br', 'd', 'dr', 'f', 'fl', 'g', 'gr', 'h', 'k', 'kl', 'l', 'm', 'n', 'p', 'pf', 'r', 's'];
const ONSETS2 = ['sch', 'st', 'sp', 't', 'tr', 'w', 'z', 'schw', 'kn'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ä', 'ö', 'ü', 'au', 'ei', 'ie', 'eu'];
const CODAS = ['', 'n', 'r', 'l', 'ch', 'ck', 'ng', 'st', 'tz', 'ß', 'm', 's', 'nd', 'rt'];

function syllableWord(): string {
  const syllables = 2 + Math.floor(rnd() * 3);
  let w = '';
  for (let i = 0; i < syllables; i++) w += pick(rnd() < 0.6 ? ONSETS : ONSETS2) + pick(VOWELS) + pick(CODAS);
  return rnd() < 0.6 ? w[0]?.toUpperCase() + w.slice(1) : w;
}

function uniqueWords(count: number): string[] {
  const set = new Set<string>();
  while (set.size < count) set.add(syllableWord());
  return [...set];
}

const UMLAUT: Record<string, string> = { a: 'ä', o: 'ö', u: 'ü', A: 'Ä', O: 'Ö', U: 'Ü' };

/**
 * The umlaut stem the matcher also accepts for a prefix term (Ausbildungsplatz* → Ausbildungsplätz…): the last vowel
 * a, o, u or au, followed by consonants only, takes the umlaut; not after -ung/-ion. Spelled with ä/ö/ü, as the
 * regex baseline does not fold.
 */
function umlautVariant(w: string): string | null {
  const m = /^(.*?)([aou]|au)([^aeiouyäöü\s]+)$/iu.exec(w);
  if (!m || /[aeiouyäöü]$/iu.test(m[1] as string) || /(?:ung|ion)$/iu.test(w)) return null;
  const vowels = m[2] as string;
  return `${m[1]}${UMLAUT[vowels[0] as string]}${vowels.slice(1)}${m[3]}`;
}

/** 1,000 terms: 1 municipality, 900 words, 50 prefixes, 49 phrases. */
function makeTerms(count: number): {
  config: MatcherConfig;
  terms: string[];
  regexSources: string[];
  umlautPlurals: Map<string, string>;
} {
  const words = uniqueWords(count + 200);
  const terms: string[] = [];
  const regexSources: string[] = [];
  const umlautPlurals = new Map<string, string>();
  const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const topicTerms = count - 1;
  for (let i = 0; i < topicTerms; i++) {
    const w = words[i] as string;
    if (i % 20 === 1) {
      terms.push(`${w}*`);
      // The matcher also finds the umlaut stem of a prefix term, so the baseline looks for it too.
      const u = umlautVariant(w);
      regexSources.push(u === null ? `${esc(w)}[\\p{L}\\p{N}]*` : `(?:${esc(w)}|${esc(u)})[\\p{L}\\p{N}]*`);
      if (u !== null) umlautPlurals.set(w, `${u}e`);
    } else if (i % 20 === 2) {
      const w2 = words[count + (i % 200)] as string;
      terms.push(`"${w} ${w2}"`);
      regexSources.push(`${esc(w)}\\s+${esc(w2)}`);
    } else {
      terms.push(w);
      regexSources.push(esc(w));
    }
  }
  regexSources.push('Stuttgart(?:s|er|erin|erinnen|ern|ers)?');
  const config: MatcherConfig = {
    municipality: { name: 'Stuttgart', aliases: [] },
    topics: [
      { id: 'a', terms: terms.slice(0, topicTerms >> 1) },
      { id: 'b', terms: terms.slice(topicTerms >> 1) },
    ],
  };
  return { config, terms: words.slice(0, topicTerms), regexSources, umlautPlurals };
}

function makeCorpus(minBytes: number, termWords: string[], umlautPlurals = new Map<string, string>()): string {
  const posts: string[] = [];
  let bytes = 0;
  let prefixPicks = 0;
  while (bytes < minBytes) {
    const sentences = 1 + Math.floor(rnd() * 5);
    let post = rnd() < 0.3 ? `@${pick(COMMON)}${Math.floor(rnd() * 99)} ` : '';
    for (let s = 0; s < sentences; s++) {
      const len = 4 + Math.floor(rnd() * 14);
      const words: string[] = [];
      for (let i = 0; i < len; i++) {
        const r = rnd();
        if (r < 0.015) {
          const w = pick(termWords);
          // every other pick of a prefix term with an umlaut stem: its umlaut plural (Ausbildungsplätze)
          const plural = umlautPlurals.get(w);
          words.push(plural !== undefined && prefixPicks++ % 2 === 0 ? plural : w);
        } else if (r < 0.02) words.push(rnd() < 0.5 ? 'Stuttgart' : 'Stuttgarter');
        else if (r < 0.03) words.push(`#${pick(COMMON).toLowerCase()}`);
        else if (r < 0.05) words.push(syllableWord());
        else words.push(pick(COMMON));
      }
      post += words.join(' ') + pick(PUNCT) + (rnd() < 0.2 ? ` ${pick(EMOJI)}` : '') + (rnd() < 0.3 ? '\n' : ' ');
    }
    posts.push(post);
    bytes += Buffer.byteLength(post, 'utf8') + 2;
  }
  return posts.join('\n\n');
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

function time(fn: () => unknown, runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return median(times);
}

const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

export default async function run(): Promise<Record<string, unknown>> {
  const TERMS = 1000;
  const { config, terms, regexSources, umlautPlurals } = makeTerms(TERMS);
  const corpus = makeCorpus(5_200_000, terms, umlautPlurals);
  const corpusMB = Buffer.byteLength(corpus, 'utf8') / 1e6;

  const matcher = compileMatcher(config);
  const regex = new RegExp(`(?<![\\p{L}\\p{N}])(?:${regexSources.join('|')})(?![\\p{L}\\p{N}])`, 'giu');

  let matcherMatches = 0;
  let regexMatches = 0;
  matcherMatches = matcher.scan(corpus).length; // warm-up
  const matcherMs = time(() => matcher.scan(corpus), 5);

  // The same text as ~posts, the way the content script calls scan().
  const posts = corpus.split('\n\n');
  const postsMs = time(() => {
    for (const p of posts) matcher.scan(p);
  }, 3);

  const countRegex = () => {
    let count = 0;
    regex.lastIndex = 0;
    for (const _ of corpus.matchAll(regex)) count++;
    return count;
  };
  regexMatches = countRegex(); // warm-up
  const regexMs = time(countRegex, 3);

  // Compile times for 1,000 and 10,000 terms.
  const words = uniqueWords(10_000);
  const termList = (count: number) =>
    words.slice(0, count).map((w, i) => (i % 20 === 1 ? `${w}*` : i % 20 === 2 ? `"${w} ${words[i + 1]}"` : w));
  const cfg = (count: number): MatcherConfig => ({
    municipality: { name: 'Halle (Saale)', aliases: ['#halle', '@StadtHalle'] },
    topics: [{ id: 't', terms: termList(count - 3) }],
  });
  const cfg1000 = cfg(1000);
  const cfg10000 = cfg(10_000);
  compileMatcher(cfg1000);
  const compileMs1000 = time(() => compileMatcher(cfg1000), 7);
  const compileMs10000 = time(() => compileMatcher(cfg10000), 3);

  return {
    corpusMB: round(corpusMB, 2),
    terms: TERMS,
    mbPerSec: round(corpusMB / (matcherMs / 1000)),
    mbPerSecAsPosts: round(corpusMB / (postsMs / 1000)),
    regexMbPerSec: round(corpusMB / (regexMs / 1000)),
    speedupVsRegexAlternation: round(regexMs / matcherMs),
    matcherMs: round(matcherMs),
    regexMs: round(regexMs),
    matcherMatches,
    regexMatches,
    compileMs1000: round(compileMs1000, 2),
    compileMs10000: round(compileMs10000, 2),
  };
}
