// Name suggestions from the official register (Gemeindeverzeichnis, © Statistisches Bundesamt (Destatis),
// Datenlizenz Deutschland – Namensnennung – Version 2.0), so "typing the town's name" is the only set-up.
import { foldString } from '../matcher/normalise';

/** [official name, Kreis, Land, population, PLZ] as derived by scripts/derive-municipalities.ts. */
export type MunicipalityRow = [string, string, string, number, string];

export interface MunicipalitySuggestion {
  /** The name people write: the official name without its status suffix ("Kiel, Landeshauptstadt" → "Kiel"). */
  name: string;
  official: string;
  kreis: string;
  land: string;
  population: number;
  plz: string;
}

export function shortName(official: string): string {
  return official.split(',')[0]?.trim() ?? official;
}

/** Words that are also towns: matching them case-insensitively would flood the log ("wir essen", "im Hof"). */
const COMMON_WORDS = new Set<string>(
  [
    'essen',
    'halle',
    'hof',
    'wetter',
    'weil',
    'au',
    'lauf',
    'laufen',
    'mark',
    'ohne',
    'senden',
    'werne',
    'bad',
    'gern',
    'linden',
    'wald',
    'berg',
    'stein',
    'bergen',
    'moos',
    'zell',
    'wangen',
    'roth',
    'rain',
    'buch',
    'schwarz',
    'kaufen',
    'bühl',
    'lage',
    'hagen',
    'brake',
    // everyday words (several in the German stopword list) that are also the core of a municipality's name
    'weil',
    'waren',
    'hatten',
    'meine',
    'wissen',
    'müssen',
    'kommen',
    'acht',
    'eigen',
    'ernst',
    'einig',
    'wart',
    'list',
    'forst',
    'burg',
    'markt',
    'neu',
    'alt',
    'lohne',
    'wein',
    'hausen',
    'dorf',
    'ort',
    'rot',
    'see',
    'tann',
    'wiesen',
    'baden',
    'kirchen',
    'siegen',
    // demonyms of such towns that are everyday words too ("Weiler" is a hamlet)
    'weiler',
    'lager',
    'meiner',
    'einiger',
    'achter',
    'hofer',
  ].map((w) => foldString(w)),
);

export function isCommonWord(name: string): boolean {
  return COMMON_WORDS.has(foldString(name.replace(/\s*\(.*\)$/, '')));
}

/** Up to `limit` municipalities whose name starts with the query (umlaut- and case-insensitive), largest first. */
export function suggestMunicipalities(
  query: string,
  rows: readonly MunicipalityRow[],
  limit = 8,
): MunicipalitySuggestion[] {
  const q = foldString(query.trim());
  if (q.length < 2) return [];
  const out: MunicipalitySuggestion[] = [];
  for (const [official, kreis, land, population, plz] of rows) {
    const name = shortName(official);
    if (!foldString(name).startsWith(q)) continue;
    out.push({ name, official, kreis, land, population, plz });
    if (out.length >= limit) break; // rows are sorted by population
  }
  return out;
}
