// Reply templates ("Antwortbausteine"): placeholders, the greeting, Sie/Du variants, approval and versions.
// Pure: no DOM, no browser.*; the pages translate the message keys.
import { PSEUDONYM_PATTERN } from './mentions';
import type { Formality, ReplyTemplate } from './settings';

/** Every placeholder a template may use, in the order the options page lists them. */
export const PLACEHOLDERS = ['anrede', 'autor', 'kommune', 'sprechzeiten', 'plattform', 'thema', 'datum'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
export type TemplateVars = Partial<Record<Placeholder, string>>;

const isPlaceholder = (name: string): name is Placeholder => (PLACEHOLDERS as readonly string[]).includes(name);

/** Names people reach for that mean one of ours (the first match in the issue: {{name}}, {{gemeinde}}). */
const MEANT: Record<string, Placeholder> = {
  name: 'autor',
  vorname: 'autor',
  author: 'autor',
  nutzer: 'autor',
  user: 'autor',
  gemeinde: 'kommune',
  stadt: 'kommune',
  ort: 'kommune',
  markt: 'kommune',
  town: 'kommune',
  city: 'kommune',
  municipality: 'kommune',
  gruss: 'anrede',
  gruß: 'anrede',
  begruessung: 'anrede',
  begrüßung: 'anrede',
  greeting: 'anrede',
  hallo: 'anrede',
  oeffnungszeiten: 'sprechzeiten',
  öffnungszeiten: 'sprechzeiten',
  zeiten: 'sprechzeiten',
  hours: 'sprechzeiten',
  platform: 'plattform',
  netzwerk: 'plattform',
  topic: 'thema',
  date: 'datum',
  heute: 'datum',
};

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(
        (prev[j] as number) + 1,
        (cur[j - 1] as number) + 1,
        (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    prev = cur;
  }
  return prev[b.length] as number;
}

/** The placeholder an unknown name most likely meant: a known synonym or a typo (one or two letters off). */
export function suggestPlaceholder(name: string): Placeholder | undefined {
  const n = name.trim().toLowerCase();
  if (MEANT[n]) return MEANT[n];
  let best: Placeholder | undefined;
  let bestDistance = 3;
  for (const p of PLACEHOLDERS) {
    const d = editDistance(n, p);
    if (d < bestDistance) [best, bestDistance] = [p, d];
  }
  return best;
}

export interface PlaceholderProblem {
  /** What stands in the text, e.g. "{{gemeinde}}". */
  token: string;
  /** 'unknown': not a placeholder; 'empty': known, but nothing to fill it with for this mention; 'broken': a lone {{ or }}. */
  kind: 'unknown' | 'empty' | 'broken';
  suggestion?: Placeholder;
}

const TOKEN = /\{\{([^{}]*)\}\}/g;

/** Unknown and malformed placeholders in a template body, each once, in order of appearance. */
export function checkPlaceholders(body: string): PlaceholderProblem[] {
  const out: PlaceholderProblem[] = [];
  const seen = new Set<string>();
  for (const m of body.matchAll(TOKEN)) {
    const name = (m[1] ?? '').trim().toLowerCase();
    if (isPlaceholder(name) || seen.has(m[0])) continue;
    seen.add(m[0]);
    out.push({ token: m[0], kind: 'unknown', suggestion: suggestPlaceholder(name) });
  }
  const rest = body.replace(TOKEN, '');
  for (const lone of rest.match(/\{\{|\}\}/g) ?? []) {
    if (seen.has(lone)) continue;
    seen.add(lone);
    out.push({ token: lone, kind: 'broken' });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// The greeting

/** Words that make a display name an organisation, a page or a screen name rather than a person. */
const NOT_A_PERSON = new Set(
  [
    'feuerwehr',
    'fan',
    'fans',
    'freunde',
    'stadt',
    'gemeinde',
    'verein',
    'team',
    'club',
    'klub',
    'news',
    'info',
    'infos',
    'offiziell',
    'official',
    'gmbh',
    'ev',
    'verlag',
    'redaktion',
    'zeitung',
    'polizei',
    'bürger',
    'initiative',
    'gruppe',
    'admin',
  ].map((w) => w.normalize('NFC')),
);
const PARTICLES = new Set(['von', 'van', 'vom', 'zu', 'zur', 'de', 'der', 'den', 'di', 'da', 'du', 'ten', 'ter', 'le']);
/** A capitalised name word: "Anna", "Müller-Lüdenscheidt", "O’Brien", "McLean"; never "MS". */
const NAME_WORD = /^(?=.{2})\p{Lu}\p{Ll}*(?:\p{Lu}\p{Ll}+)?(?:['’-]\p{Lu}?\p{Ll}+)*$/u;
/** An initial after the first name: "Anna S." */
const INITIAL = /^\p{Lu}\.$/u;

/**
 * Whether a stored author looks like a person's name: two to four name-like words (particles such as "von" allowed),
 * not a pseudonym ("Person 3F9A"), no digits, handles, capitals-only words or organisation words
 * ("Feuerwehr-Fan MS", "Stadt Musterstadt").
 */
export function looksLikePersonName(author: string | undefined): boolean {
  const name = (author ?? '').normalize('NFC').trim().replace(/\s+/g, ' ');
  if (!name || PSEUDONYM_PATTERN.test(name)) return false;
  const words = name.split(' ');
  const named = words.filter((w) => !PARTICLES.has(w));
  if (named.length < 2 || words.length > 4) return false;
  if (!NAME_WORD.test(words[0] as string)) return false;
  for (const w of named.slice(1)) if (!NAME_WORD.test(w) && !INITIAL.test(w)) return false;
  return !named.some((w) =>
    w
      .toLowerCase()
      .replace(/[.'’]/g, '')
      .split('-')
      .some((part) => NOT_A_PERSON.has(part)),
  );
}

/**
 * What {{anrede}} becomes. Sie: "Hallo Anna Schmidt," with a person's name, else "Guten Tag,". Du: "Hallo Anna," or
 * "Hallo,". A pseudonym or screen name is never greeted.
 */
export function greetingFor(author: string | undefined, formality: Formality): string {
  if (!looksLikePersonName(author)) return formality === 'du' ? 'Hallo,' : 'Guten Tag,';
  const name = (author as string).trim().replace(/\s+/g, ' ');
  // A household ("Familie Yilmaz") keeps its whole name in Du as well.
  const first = name.split(' ')[0] as string;
  return formality === 'du' && first !== 'Familie' ? `Hallo ${first},` : `Hallo ${name},`;
}

// ---------------------------------------------------------------------------------------------------------------
// Rendering

export interface Rendered {
  text: string;
  /** Left in the text: unknown, empty or malformed placeholders. A reply with any of them is never sent out. */
  problems: PlaceholderProblem[];
}

/**
 * Fills the placeholders. {{anrede}} comes from the author and the template's formality; {{autor}} only from a
 * person's name. Anything left unresolved stays visible in the text and is listed in `problems`.
 */
export function renderTemplate(
  template: Pick<ReplyTemplate, 'body' | 'formality'>,
  vars: TemplateVars & { author?: string },
): Rendered {
  const problems: PlaceholderProblem[] = [];
  const values: TemplateVars = {
    ...vars,
    anrede: greetingFor(vars.author, template.formality ?? 'sie'),
    autor: looksLikePersonName(vars.author) ? vars.author?.trim() : '',
  };
  const text = template.body.replace(TOKEN, (token, raw: string) => {
    const name = raw.trim().toLowerCase();
    if (!isPlaceholder(name)) return token;
    const value = values[name]?.trim();
    if (value) return value;
    // A greeting by name that has no name to use: {{anrede}} greets neutrally instead.
    const suggestion = name === 'autor' ? ({ suggestion: 'anrede' } as const) : {};
    if (!problems.some((p) => p.token === token)) problems.push({ token, kind: 'empty', ...suggestion });
    return token;
  });
  const unknown = checkPlaceholders(template.body);
  return { text, problems: [...unknown, ...problems] };
}

// ---------------------------------------------------------------------------------------------------------------
// Approval, expiry, versions, variants

/** validUntil is the last day the template may be used: expired from the next day on. */
export function isExpired(template: Pick<ReplyTemplate, 'validUntil'>, now: number = Date.now()): boolean {
  return template.validUntil !== undefined && now > template.validUntil;
}

/** The end of a local calendar day given as "YYYY-MM-DD" (a date input's value), in epoch ms. */
export function endOfDay(isoDate: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) return undefined;
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 23, 59, 59, 999).getTime();
}

/** The start of a local calendar day given as "YYYY-MM-DD", in epoch ms. */
export function startOfDay(isoDate: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) return undefined;
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])).getTime();
}

/** Epoch ms as a date input's "YYYY-MM-DD" (local day); '' for none. */
export function toDateInput(ms: number | undefined): string {
  if (ms === undefined) return '';
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Fields a team profile written before Sie/Du and versions may lack. */
export function withTemplateDefaults(template: ReplyTemplate): ReplyTemplate {
  return {
    ...template,
    formality: template.formality === 'du' ? 'du' : 'sie',
    version: Number.isInteger(template.version) && template.version > 0 ? template.version : 1,
  };
}

/**
 * The templates as they are saved: an edited title or body bumps the version, and an approval given for the old
 * wording lapses unless the same edit renewed it. New templates start at version 1.
 */
export function applyTemplateEdits(saved: readonly ReplyTemplate[], next: readonly ReplyTemplate[]): ReplyTemplate[] {
  return next.map((raw) => {
    const tpl = withTemplateDefaults(raw);
    const before = saved.find((x) => x.id === tpl.id);
    if (!before) return { ...tpl, version: 1 };
    const old = withTemplateDefaults(before);
    if (old.title === tpl.title && old.body === tpl.body) return { ...tpl, version: old.version };
    const out: ReplyTemplate = { ...tpl, version: old.version + 1 };
    if (old.approvedBy === tpl.approvedBy && old.approvedAt === tpl.approvedAt) {
      delete out.approvedBy;
      delete out.approvedAt;
    }
    return out;
  });
}

/** Whether saving would change this template's wording (the editor says "becomes version n+1"). */
export function isEdited(saved: readonly ReplyTemplate[], tpl: ReplyTemplate): boolean {
  const before = saved.find((x) => x.id === tpl.id);
  return !!before && (before.title !== tpl.title || before.body !== tpl.body);
}

/** One reply in its Sie and Du wording (either may be missing). */
export interface TemplateGroup {
  key: string;
  sie?: ReplyTemplate;
  du?: ReplyTemplate;
}

/** Groups templates by variantGroup (a template without one is a group of its own), in the order given. */
export function groupVariants(templates: readonly ReplyTemplate[]): TemplateGroup[] {
  const groups = new Map<string, TemplateGroup>();
  for (const raw of templates) {
    const tpl = withTemplateDefaults(raw);
    const key = tpl.variantGroup?.trim() || `id:${tpl.id}`;
    const group = groups.get(key) ?? { key };
    if (!group[tpl.formality]) group[tpl.formality] = tpl;
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** The variants of a group still valid at `now`, the house formality first. */
export function usableVariants(group: TemplateGroup, house: Formality, now: number = Date.now()): ReplyTemplate[] {
  const order: Formality[] = house === 'du' ? ['du', 'sie'] : ['sie', 'du'];
  return order.flatMap((f) => {
    const tpl = group[f];
    return tpl && !isExpired(tpl, now) ? [tpl] : [];
  });
}
