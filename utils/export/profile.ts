// The team profile: municipality, topics and reply templates, shared as a file so a team works from one set.

import type { AuthorMode } from '../model';
import { isPseudonymKey } from '../privacy/team-privacy';
import { type ValidationIssue, validateProfile } from '../profile-validation';
import { COLOR_SLOTS, type Profile, type ReplyTemplate, type Topic } from '../settings';

const AUTHOR_MODES: readonly AuthorMode[] = ['pseudonym', 'plain', 'none'];

export const PROFILE_FORMAT = 'lauscher-profile';
export const PROFILE_VERSION = 1;

export function profileFileName(name: string, now = new Date()): string {
  const slug = name
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `lauscher-teamprofil-${slug || 'kommune'}-${now.toISOString().slice(0, 10)}.json`;
}

export function profileToJson(profile: Profile, now = new Date()): string {
  return JSON.stringify(
    { format: PROFILE_FORMAT, version: PROFILE_VERSION, exportedAt: now.toISOString(), profile },
    null,
    2,
  );
}

/** On failure: a message, or the validator's issues (the page translates them; nothing was changed). */
export type ProfileImport = { ok: true; profile: Profile } | { ok: false; message: string; issues?: ValidationIssue[] };

const str = (v: unknown): v is string => typeof v === 'string';
const strings = (v: unknown): v is string[] => Array.isArray(v) && v.every(str);

/** Reads a profile file; anything unexpected gives a German message and no partial profile. */
export function profileFromJson(text: string): ProfileImport {
  let file: unknown;
  try {
    file = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, message: 'Die Datei ist keine gültige JSON-Datei. Es wurde nichts geändert.' };
  }
  const f = file as { format?: unknown; version?: unknown; profile?: unknown };
  if (!f || f.format !== PROFILE_FORMAT || typeof f.version !== 'number') {
    return { ok: false, message: 'Die Datei ist kein Lauscher-Teamprofil. Es wurde nichts geändert.' };
  }
  if (f.version > PROFILE_VERSION) {
    return {
      ok: false,
      message: 'Das Teamprofil stammt aus einer neueren Lauscher-Version. Bitte aktualisieren Sie Lauscher.',
    };
  }
  const p = f.profile as Partial<Profile> | undefined;
  const m = p?.municipality;
  if (!p || !m || !str(m.name) || !m.name.trim()) {
    return { ok: false, message: 'Im Teamprofil fehlt der Name der Kommune. Es wurde nichts geändert.' };
  }
  const topics: Topic[] = [];
  for (const [i, raw] of (Array.isArray(p.topics) ? p.topics : []).entries()) {
    const x = raw as Partial<Topic>;
    if (!str(x?.id) || !str(x.label) || !strings(x.terms)) {
      return { ok: false, message: `Thema ${i + 1} im Teamprofil ist unvollständig. Es wurde nichts geändert.` };
    }
    topics.push({
      id: x.id,
      label: x.label,
      color: COLOR_SLOTS.includes(x.color as Topic['color']) ? (x.color as Topic['color']) : 'grey',
      terms: x.terms,
      exclude: strings(x.exclude) ? x.exclude : [],
      caseSensitive: x.caseSensitive === true,
      urgent: x.urgent === true,
    });
  }
  const templates: ReplyTemplate[] = [];
  for (const [i, raw] of (Array.isArray(p.templates) ? p.templates : []).entries()) {
    const x = raw as Partial<ReplyTemplate>;
    if (!str(x?.id) || !str(x.title) || !str(x.body)) {
      return {
        ok: false,
        message: `Antwortbaustein ${i + 1} im Teamprofil ist unvollständig. Es wurde nichts geändert.`,
      };
    }
    // Sie/Du, version and approval (issue 9); files written before them read as Sie, version 1, not approved.
    const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
    templates.push({
      id: x.id,
      title: x.title,
      body: x.body,
      topicIds: strings(x.topicIds) ? x.topicIds : [],
      formality: x.formality === 'du' ? 'du' : 'sie',
      ...(str(x.variantGroup) && x.variantGroup.trim() ? { variantGroup: x.variantGroup.trim() } : {}),
      version: Number.isInteger(x.version) && (x.version as number) > 0 ? (x.version as number) : 1,
      ...(str(x.approvedBy) && x.approvedBy.trim() ? { approvedBy: x.approvedBy.trim() } : {}),
      ...(num(x.approvedAt) !== undefined ? { approvedAt: num(x.approvedAt) } : {}),
      ...(num(x.validUntil) !== undefined ? { validUntil: num(x.validUntil) } : {}),
    });
  }
  const profile: Profile = {
    municipality: {
      name: m.name.trim(),
      aliases: strings(m.aliases) ? m.aliases : [],
      caseSensitive: m.caseSensitive === true,
      ...(strings(m.contextual) ? { contextual: m.contextual } : {}),
    },
    topics,
    templates,
    houseFormality: p.houseFormality === 'du' ? 'du' : 'sie',
    // The team's pseudonym key and author mode travel with the file; an older file without them keeps the local ones.
    ...(isPseudonymKey(p.pseudonymKey) ? { pseudonymKey: p.pseudonymKey } : {}),
    ...(AUTHOR_MODES.includes(p.authorMode as AuthorMode) ? { authorMode: p.authorMode } : {}),
  };
  // the same checks as the options page: a profile that would not compile is refused whole
  const issues = validateProfile(profile);
  if (issues.length > 0) return { ok: false, message: '', issues };
  return { ok: true, profile };
}
