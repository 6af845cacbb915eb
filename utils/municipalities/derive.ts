// The names people write, derived from a municipality's official name in the register: "Frankfurt am Main, Stadt" →
// "Frankfurt" (core), "Frankfurt am Main" (official form), "#Frankfurt", and, through the matcher's inflection,
// "Frankfurter", "Frankfurterin". Pure; the options page shows the result as editable chips before saving.
import { foldString, inflect } from '../matcher';
import { isCommonWord, shortName } from './index';

/** Prefixes people leave out: "Lutherstadt Wittenberg" is "Wittenberg" in a post ("Bad" is kept: Bad Homburg). */
const DROPPED_PREFIXES = /^(?:Lutherstadt|Hansestadt|Ostseebad|Nordseebad|Seebad|Kurort)\s+(?=\S)/u;

/**
 * Where the official suffix starts: a bracket ("Halle (Saale)"), a slash ("Reichenbach/O.L.", "Calau/Kalawa") or the
 * first word in lower case ("am Main", "an der Ruhr", "im Breisgau", "v. d. Höhe", "a.d.Donau", "ob der Tauber",
 * "bei Coburg", "i.OB").
 */
function stripSuffix(name: string): string {
  let s = name.replace(/\s*\(.*$/u, '').replace(/\s*\/.*$/u, '');
  const words = s.split(/\s+/u);
  const keep: string[] = [];
  for (const w of words) {
    if (/^\p{Ll}/u.test(w)) break;
    keep.push(w);
  }
  s = keep.join(' ').trim();
  return s;
}

/** "Halle (Saale), Stadt" → "Halle"; "Bad Homburg v. d. Höhe" → "Bad Homburg"; "St. Ingbert" stays. */
export function coreName(official: string): string {
  const short = shortName(official);
  // "An der Schmücke", "Am Mellensee": the preposition is part of the name
  if (/^(?:Am|An|Auf|Im|In|Zum|Zur|Zu|Bei|Ob|Unter|Über|Vor|Hinter)\s/u.test(short)) return short;
  const core = stripSuffix(short.replace(DROPPED_PREFIXES, ''));
  return /\p{L}{2}/u.test(core) ? core : short;
}

/** "St. Ingbert" ↔ "Sankt Ingbert". */
export function saintVariants(name: string): string[] {
  const st = /^St\.\s*(\S.*)$/u.exec(name);
  if (st) return [`Sankt ${st[1]}`, `St. ${st[1]}`].filter((v) => v !== name);
  const sankt = /^Sankt\s+(\S.*)$/u.exec(name);
  if (sankt) return [`St. ${sankt[1]}`];
  return [];
}

/**
 * The parts of a double name that people use alone: "Villingen-Schwenningen" → Villingen, Schwenningen;
 * "Bad Soden-Salmünster" → Bad Soden, Salmünster. Short or everyday parts ("St. Leon-Rot" → Rot) are left out.
 */
/** First parts that only qualify the rest: "Groß-Gerau" is never "Gerau" nor "Groß". */
const QUALIFIERS = new Set(['gross', 'klein', 'alt', 'neu', 'ober', 'unter', 'nieder', 'hohen', 'mittel', 'bad']);

export function nameParts(core: string): string[] {
  const parts = core.split('-').map((p) => p.trim());
  if (parts.length !== 2 || QUALIFIERS.has(foldString(parts[0] as string))) return [];
  const usable = (p: string) => /^\p{Lu}/u.test(p) && (p.match(/\p{L}/gu)?.length ?? 0) >= 4 && !isCommonWord(p);
  return parts.every(usable) ? parts : [];
}

export function hashtagOf(name: string): string {
  return `#${name.replace(/[^\p{L}\p{N}]+/gu, '')}`;
}

/**
 * The demonym as people write it, for display ("Frankfurter", "Frankfurterin"): one of the matcher's inflections of
 * the name (tests check that the matcher finds it). Empty for names that end in a bracket or digit.
 */
export function demonymsOf(core: string): string[] {
  if (!/\p{L}$/u.test(core)) return [];
  const lower = core.toLowerCase();
  let stem: string;
  if (/st(?:adt|att)$/u.test(lower) && core.length > 5)
    stem = `${core.slice(0, -3)}${lower.endsWith('stadt') ? 'ädt' : 'ätt'}`;
  else if (/(?:ing|ung)en$/u.test(lower))
    stem = core.slice(0, -2); // Esslingen → Esslinger, Essen → Essener
  else if (lower.endsWith('e')) stem = core.slice(0, -1);
  else stem = core;
  const forms = [`${stem}er`, `${stem}erin`];
  // the matcher inflects the case-keeping fold (ä spelled ae), so compare in that spelling
  const offered = new Set(inflect(foldString(core, true)).map((f) => foldString(f)));
  return forms.filter((f) => offered.has(foldString(f)));
}

/** With context matching the demonym stands alone ("Essener"), unless it is an everyday word too ("Weiler"). */
export function contextDemonym(core: string): string | undefined {
  const d = demonymsOf(core)[0];
  return d && !isCommonWord(d) ? d : undefined;
}

export interface DerivedNames {
  /** The official name without its status ("Frankfurt am Main"): stored as the municipality's name. */
  official: string;
  /** The name without status and suffix ("Frankfurt"). */
  core: string;
  /** Further names that count on their own: core (unless contextual), hashtag, St./Sankt, parts, demonym. */
  aliases: string[];
  /** Words that should count only with a town signal (the core, when it is ambiguous and context is on). */
  contextual: string[];
  /** How the matcher inflects the core, for display next to it. */
  demonyms: string[];
}

export interface Ambiguity {
  /** The core is an everyday word ("Essen", "Halle", "Weil"). */
  commonWord: boolean;
  /** Other municipalities with the same core ("Frankfurt (Oder)" for Frankfurt am Main): their count. */
  shared: number;
}

/** Counts municipalities per folded core, for `ambiguityOf`. */
export function coreCounts(officialNames: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const official of officialNames) {
    const key = foldString(coreName(official));
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

export function ambiguityOf(official: string, counts: Map<string, number>): Ambiguity {
  const core = coreName(official);
  return { commonWord: isCommonWord(core), shared: Math.max(0, (counts.get(foldString(core)) ?? 1) - 1) };
}

/**
 * The names to offer for a municipality. With `context`, the core goes to `contextual` and its demonym becomes an
 * alias of its own (so "Essener" still counts without a signal), unless the demonym is an everyday word too.
 */
export function deriveNames(official: string, context = false): DerivedNames {
  const name = shortName(official);
  const core = coreName(official);
  const demonyms = demonymsOf(core);
  const aliases: string[] = [];
  const add = (n: string) => {
    if (n && n !== name && !aliases.includes(n)) aliases.push(n);
  };
  if (!context) add(core);
  else add(contextDemonym(core) ?? '');
  for (const v of saintVariants(core)) add(v);
  if (core !== name) for (const v of saintVariants(name)) add(v);
  for (const part of nameParts(core)) {
    add(part);
    for (const v of saintVariants(part)) add(v);
  }
  add(hashtagOf(core));
  return { official: name, core, aliases, contextual: context ? [core] : [], demonyms };
}
