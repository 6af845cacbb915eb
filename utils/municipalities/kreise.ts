// Landkreise and Kreise from the register, so a Kreis's social-media team can set itself up like a town's. Pure.
import { foldString } from '../matcher';
import { coreName, demonymsOf, hashtagOf } from './derive';
import { isCommonWord, type MunicipalityRow, shortName } from './index';

/** [name, kind, Land, population] as derived by scripts/derive-municipalities.ts (kreise.json). */
export type KreisRow = [string, KreisKind, string, number];
export type KreisKind = 'kreis' | 'landkreis' | 'regionalverband';

export interface KreisSuggestion {
  /** How the Kreis calls itself: "Landkreis Esslingen", "Kreis Borken", "Rhein-Sieg-Kreis", "Region Hannover". */
  name: string;
  /** The register's name: "Esslingen". */
  registerName: string;
  kind: KreisKind;
  land: string;
  population: number;
}

type KreisKey = readonly [name: string, kind: KreisKind, ...rest: unknown[]];

/** Names that already say what they are: "Rhein-Sieg-Kreis", "Region Hannover", "Städteregion Aachen". */
const SELF_NAMED = /kreis|^(?:Region|Städteregion|Regionalverband)\s/iu;

export function kreisName([name, kind]: KreisKey): string {
  if (SELF_NAMED.test(name)) return name;
  return `${kind === 'kreis' ? 'Kreis' : 'Landkreis'} ${name}`;
}

/**
 * The Kreis's own forms: "Landkreis Esslingen", "Kreis Esslingen", "LK Esslingen", "Landratsamt Esslingen" and the
 * hashtag; for self-named Kreise the name and its hashtag. The first is the name to store.
 */
export function kreisForms(row: KreisKey): string[] {
  const name = kreisName(row);
  if (SELF_NAMED.test(row[0])) return [name, hashtagOf(name)];
  const base = row[0].replace(/\s*\(.*$/u, '');
  const forms = [name, `Kreis ${base}`, `Landkreis ${base}`, `LK ${base}`, `Landratsamt ${base}`];
  if (row[1] === 'kreis') forms.push(`Kreisverwaltung ${base}`);
  forms.push(hashtagOf(`${row[1] === 'kreis' ? 'Kreis' : 'Landkreis'}${base}`));
  return [...new Set(forms)];
}

/** Up to `limit` Kreise whose register name or own name starts with the query, largest first. */
export function suggestKreise(query: string, rows: readonly KreisRow[], limit = 3): KreisSuggestion[] {
  const q = foldString(query.trim());
  if (q.length < 2) return [];
  const out: KreisSuggestion[] = [];
  for (const row of rows) {
    const name = kreisName(row);
    if (!foldString(row[0]).startsWith(q) && !foldString(name).startsWith(q)) continue;
    out.push({ name, registerName: row[0], kind: row[1], land: row[2], population: row[3] });
    if (out.length >= limit) break;
  }
  return out;
}

/** The municipalities of a Kreis, largest first. */
export function kreisMembers(kreis: Pick<KreisSuggestion, 'registerName' | 'land'>, rows: readonly MunicipalityRow[]) {
  return rows.filter((r) => r[1] === kreis.registerName && r[2] === kreis.land);
}

/**
 * Terms for the optional topic "Gemeinden im Kreis": each member's core name and demonym; a member whose core is an
 * everyday word ("Weil") by its official name instead ("Weil im Schönbuch").
 */
export function memberTerms(members: readonly MunicipalityRow[]): string[] {
  const terms = new Set<string>();
  for (const [official] of members) {
    const core = coreName(official);
    if (isCommonWord(core)) {
      terms.add(shortName(official));
      continue;
    }
    terms.add(core);
    for (const d of demonymsOf(core).slice(0, 1)) if (!isCommonWord(d)) terms.add(d);
  }
  return [...terms];
}
