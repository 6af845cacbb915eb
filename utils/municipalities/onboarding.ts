// What onboarding fills in when a municipality or a Kreis is picked, and the context-matching switch. Pure.
import { ambiguityOf, contextDemonym, coreName, deriveNames } from './derive';
import type { MunicipalitySuggestion } from './index';
import { type KreisSuggestion, kreisForms } from './kreise';

export interface MunicipalityNames {
  name: string;
  aliases: string[];
  contextual: string[];
  caseSensitive: boolean;
}

export type RegisterPick =
  | { kind: 'municipality'; suggestion: MunicipalitySuggestion }
  | { kind: 'kreis'; suggestion: KreisSuggestion };

/** Names for a picked municipality; context matching starts on for everyday words, off for shared names. */
export function namesForMunicipality(official: string, counts: Map<string, number>): MunicipalityNames {
  const ambiguity = ambiguityOf(official, counts);
  const d = deriveNames(official, ambiguity.commonWord);
  return { name: d.official, aliases: d.aliases, contextual: d.contextual, caseSensitive: ambiguity.commonWord };
}

export function namesForKreis(kreis: Pick<KreisSuggestion, 'registerName' | 'kind'>): MunicipalityNames {
  const [name = '', ...aliases] = kreisForms([kreis.registerName, kreis.kind]);
  return { name, aliases, contextual: [], caseSensitive: false };
}

/**
 * Switches context matching for the core of `official`: on moves the core from the aliases to the contextual words
 * and adds its demonym as an alias (it counts on its own); off moves it back. Other edits are kept.
 */
export function withContext(m: MunicipalityNames, official: string, on: boolean): MunicipalityNames {
  const core = coreName(official);
  const demonym = contextDemonym(core);
  if (on) {
    const aliases = m.aliases.filter((a) => a !== core);
    if (demonym && !aliases.includes(demonym)) aliases.unshift(demonym);
    return { ...m, aliases, contextual: m.contextual.includes(core) ? m.contextual : [...m.contextual, core] };
  }
  const aliases = m.aliases.filter((a) => a !== demonym);
  if (core !== m.name && !aliases.includes(core)) aliases.unshift(core);
  return { ...m, aliases, contextual: m.contextual.filter((c) => c !== core) };
}
