// What a validator reports: a _locales key, where in the file, and the offending value. Pages translate it (house
// style: utils/ returns message keys, pages turn them into words), tests read the keys.
import type * as v from 'valibot';
import type { Translate } from '../labels';

export interface Problem {
  /** A _locales key whose message takes the place ($1) and the value ($2). */
  key: string;
  /** Path into the file, e.g. ['topics', 2, 'terms', 4]. */
  path: (string | number)[];
  value?: string;
}

/** Problems from valibot issues: the schema's messages are _locales keys (see the schema files). */
export function problemsOf(issues: readonly v.BaseIssue<unknown>[], max = 5): Problem[] {
  return issues.slice(0, max).map((issue) => ({
    key: /^data[A-Z]\w*$/.test(issue.message) ? issue.message : 'dataErrShape',
    path: (issue.path ?? []).map((p) => p.key as string | number),
    value: preview(issue.input),
  }));
}

export function preview(value: unknown): string {
  let s: string;
  if (typeof value === 'string') s = value;
  else if (typeof value === 'number' || typeof value === 'boolean' || value === null) s = String(value);
  else if (Array.isArray(value)) s = `[${value.length}]`;
  else s = typeof value;
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}

/** Path segments people read: "Thema 3 › Begriff 5". Unknown segments are kept as they are. */
const SEGMENTS: Record<string, string> = {
  topics: 'dataWhereTopic',
  templates: 'dataWhereTemplate',
  terms: 'dataWhereTerm',
  exclude: 'dataWhereExclude',
  aliases: 'dataWhereAlias',
  mentions: 'dataWhereEntry',
};

export function placeOf(t: Translate, path: readonly (string | number)[]): string {
  const parts: string[] = [];
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    const next = path[i + 1];
    if (typeof seg === 'string' && SEGMENTS[seg] && typeof next === 'number') {
      parts.push(t(SEGMENTS[seg], String(next + 1)));
      i++;
    } else if (typeof seg === 'string' && seg !== 'profile') parts.push(seg);
  }
  return parts.join(' › ');
}

export function formatProblem(t: Translate, p: Problem): string {
  return t(p.key, [placeOf(t, p.path) || '–', p.value ?? '']);
}
