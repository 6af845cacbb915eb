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
    // A missing field: valibot reports it with the enclosing object's message, which fits only a missing "format"
    // (then the file is not one of ours).
    key:
      issue.input === undefined && issue.path?.length && issue.path[0]?.key !== 'format'
        ? 'dataErrMissing'
        : /^data[A-Z]\w*$/.test(issue.message)
          ? issue.message
          : 'dataErrShape',
    path: (issue.path ?? []).map((p) => p.key as string | number),
    value: preview(issue.input),
  }));
}

/** When the file is not one of ours, that is the one thing to say (not every field it then lacks). */
export function firstIfForeign(problems: Problem[]): Problem[] {
  const [first] = problems;
  return first && (first.path.length === 0 || first.path[0] === 'format' || first.path[0] === 'version')
    ? [first]
    : problems;
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

/** Field names as the pages label them (the CSV headers, the options' field labels). */
const FIELDS: Record<string, string> = {
  mentionKey: 'dataFieldKey',
  municipality: 'municipalityLabel',
  name: 'municipalityLabel',
  aliases: 'aliasesLabel',
  terms: 'termsLabel',
  exclude: 'excludeLabel',
  label: 'topicLabel',
  color: 'colorLabel',
  title: 'templateTitle',
  body: 'templateBody',
  topicIds: 'dataCsvTopics',
  firstSeen: 'dataCsvFirstSeen',
  lastSeen: 'dataCsvLastSeen',
  statusChangedAt: 'dataCsvStatusChanged',
  seenCount: 'dataCsvSeenCount',
  platform: 'dataCsvPlatform',
  kind: 'dataCsvKind',
  status: 'dataCsvStatus',
  permalink: 'dataCsvLink',
  pageUrl: 'dataCsvPage',
  author: 'dataCsvAuthor',
  snippet: 'dataCsvSnippet',
  note: 'dataCsvNote',
  time: 'dataCsvPageTime',
  templateUsed: 'dataCsvTemplate',
  answeredBy: 'dataCsvAnsweredBy',
};

export function placeOf(t: Translate, path: readonly (string | number)[]): string {
  const parts: string[] = [];
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    const next = path[i + 1];
    if (typeof seg === 'string' && SEGMENTS[seg] && typeof next === 'number') {
      parts.push(t(SEGMENTS[seg], String(next + 1)));
      i++;
    } else if (typeof seg === 'string' && seg !== 'profile') {
      const label = FIELDS[seg] ? t(FIELDS[seg]) : seg;
      if (parts.at(-1) !== label) parts.push(label);
    }
  }
  return parts.join(' › ');
}

export function formatProblem(t: Translate, p: Problem): string {
  return t(p.key, [placeOf(t, p.path) || '–', p.value ?? '']);
}
