// Settings migrations (@wxt-dev/storage `version` + `migrations`): each takes what an older Lauscher stored and
// returns what this one expects. Version 2 repairs values that version 1 stored without limits or checks: a
// profile with duplicate topic ids, 100,000 topics or a 50 MB template, terms the matcher refuses (which stopped
// highlighting on every page), retention days out of range. Small and free of the validator library on purpose:
// they run in every context that reads settings, the content script included.
import { MAX_ALIASES, MAX_TEMPLATE_BODY, MAX_TEMPLATES, MAX_TERMS_PER_TOPIC, MAX_TOPICS } from './export/limits';
import { COLOR_SLOTS, type ColorSlot } from './labels';
import { MUNICIPALITY_TOPIC, parseTerm } from './matcher';
import { clampRetentionDays } from './mentions';
import type { AuthorMode } from './model';
import type { OfficeHours, Privacy, Profile, ReplyTemplate, Topic } from './settings';

type Loose<T> = { [K in keyof T]?: unknown };

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** Terms the matcher accepts (a refused one used to stop all highlighting), at most `max`. */
function acceptedTerms(v: unknown, max: number): string[] {
  return strings(v)
    .filter((term) => {
      try {
        parseTerm(term);
        return true;
      } catch {
        return false;
      }
    })
    .slice(0, max);
}

/** First of each id wins (v1 let the second silently override the first's colour). */
function uniqueById<T extends { id: string }>(items: T[]): T[] {
  const seen = new Set<string>();
  return items.filter((x) => !seen.has(x.id) && seen.add(x.id));
}

export function migrateProfileV2(old: unknown): Profile {
  const p: Loose<Profile> = isObject(old) ? old : {};
  const m: Loose<Profile['municipality']> = isObject(p.municipality) ? p.municipality : {};
  const topics = (Array.isArray(p.topics) ? p.topics : [])
    .filter(
      (t): t is Loose<Topic> & { id: string } => isObject(t) && typeof t.id === 'string' && t.id !== MUNICIPALITY_TOPIC,
    )
    .map((t) => {
      const out: Topic = {
        ...(t as Topic),
        label: typeof t.label === 'string' ? t.label : t.id,
        color: COLOR_SLOTS.includes(t.color as ColorSlot) ? (t.color as ColorSlot) : 'grey',
        terms: acceptedTerms(t.terms, MAX_TERMS_PER_TOPIC),
        exclude: acceptedTerms(t.exclude, MAX_TERMS_PER_TOPIC),
      };
      return out;
    });
  const templates = (Array.isArray(p.templates) ? p.templates : [])
    .filter((x): x is Loose<ReplyTemplate> & { id: string } => isObject(x) && typeof x.id === 'string')
    .map((x) => ({
      ...(x as ReplyTemplate),
      title: typeof x.title === 'string' ? x.title : x.id,
      body: typeof x.body === 'string' ? x.body.slice(0, MAX_TEMPLATE_BODY) : '',
      topicIds: strings(x.topicIds),
    }));
  return {
    ...(p as Profile),
    municipality: {
      ...(m as Profile['municipality']),
      name: typeof m.name === 'string' ? m.name : '',
      aliases: acceptedTerms(m.aliases, MAX_ALIASES),
      caseSensitive: m.caseSensitive === true,
    },
    topics: uniqueById(topics).slice(0, MAX_TOPICS),
    templates: uniqueById(templates).slice(0, MAX_TEMPLATES),
  };
}

const AUTHOR_MODES: readonly AuthorMode[] = ['plain', 'pseudonym', 'none'];

export function migratePrivacyV2(old: unknown): Privacy {
  const p: Loose<Privacy> = isObject(old) ? old : {};
  return {
    ...(p as Privacy),
    authorMode: AUTHOR_MODES.includes(p.authorMode as AuthorMode) ? (p.authorMode as AuthorMode) : 'pseudonym',
    retentionDays: clampRetentionDays(typeof p.retentionDays === 'number' ? p.retentionDays : Number.NaN),
  };
}

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

export function migrateOfficeHoursV2(old: unknown): OfficeHours {
  const o: Loose<OfficeHours> = isObject(old) ? old : {};
  const days = Array.isArray(o.days) ? o.days : [];
  return {
    ...(o as OfficeHours),
    enabled: o.enabled === true,
    days: [...new Set(days.filter((d): d is number => Number.isInteger(d) && d >= 0 && d <= 6))].sort(),
    start: typeof o.start === 'string' && HHMM.test(o.start) ? o.start : '08:00',
    end: typeof o.end === 'string' && HHMM.test(o.end) ? o.end : '16:00',
  };
}

export function migrateCustomSitesV2(old: unknown): string[] {
  return [
    ...new Set(
      strings(old)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}
