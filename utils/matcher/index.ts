// PLACEHOLDER until the real engine lands (issue 3): same signature, naive implementation.
export interface MunicipalityConfig {
  name: string;
  aliases?: string[];
  caseSensitive?: boolean;
}
export interface TopicConfig {
  id: string;
  terms: string[];
  exclude?: string[];
  caseSensitive?: boolean;
}
export interface MatcherConfig {
  municipality: MunicipalityConfig;
  topics: TopicConfig[];
}
export interface Match {
  start: number;
  end: number;
  topicId: string;
  term: string;
}
export interface Matcher {
  scan(text: string): Match[];
}
export const MUNICIPALITY_TOPIC = 'municipality';

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function compileMatcher(config: MatcherConfig): Matcher {
  const entries: Array<{ re: RegExp; topicId: string; term: string }> = [];
  const add = (term: string, topicId: string) => {
    const t = term.replace(/^"|"$/g, '').replace(/\*$/, '');
    if (!t.trim()) return;
    const tail = term.endsWith('*') ? '[\\p{L}\\p{N}]*' : '(?:s|er|ern|erin|erinnen)?';
    entries.push({ re: new RegExp(`(?<![\\p{L}\\p{N}])${escape(t)}${tail}(?![\\p{L}\\p{N}])`, 'giu'), topicId, term });
  };
  add(config.municipality.name, MUNICIPALITY_TOPIC);
  for (const a of config.municipality.aliases ?? []) add(a, MUNICIPALITY_TOPIC);
  for (const topic of config.topics) for (const term of topic.terms) add(term, topic.id);
  return {
    scan(text) {
      const out: Match[] = [];
      for (const e of entries) {
        for (const m of text.matchAll(e.re))
          out.push({ start: m.index, end: m.index + m[0].length, topicId: e.topicId, term: e.term });
      }
      return out.sort((a, b) => a.start - b.start);
    },
  };
}
