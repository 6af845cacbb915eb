import { useEffect, useRef, useState } from 'preact/hooks';
import { useStorageItem } from '../../components/use-storage-item';
import { settingsProblemsItem } from '../../utils/background/status-items';
import { t } from '../../utils/i18n';
import { SLOT_COLORS } from '../../utils/labels';
import { ambiguityOf, coreName } from '../../utils/municipalities/derive';
import { kreisMembers, memberTerms } from '../../utils/municipalities/kreise';
import {
  type MunicipalityNames,
  namesForKreis,
  namesForMunicipality,
  type RegisterPick,
  withContext,
} from '../../utils/municipalities/onboarding';
import { type ValidationIssue, validateProfile } from '../../utils/profile-validation';
import { COLOR_SLOTS, type Profile, profileItem, type Topic } from '../../utils/settings';
import { applyTemplateEdits, withTemplateDefaults } from '../../utils/templates';
import { formatTermList, parseTermList } from '../../utils/term-list';
import { issueText } from '../../utils/validation-messages';
import { MunicipalityField } from './MunicipalityField';
import { NameChips } from './NameChips';
import type { Register } from './register';
import { TemplatesEditor } from './TemplatesEditor';
import { TrySentence } from './TrySentence';

/** Text fields are edited as typed and parsed on save, so a half-typed "phrase, stays as the user left it. */
interface TopicDraft extends Omit<Topic, 'terms' | 'exclude'> {
  terms: string;
  exclude: string;
}
export interface ProfileDraft extends Omit<Profile, 'topics' | 'municipality'> {
  municipality: MunicipalityNames;
  topics: TopicDraft[];
}

/** The topic "Gemeinden im Kreis" offered when a Kreis is picked. */
const KREIS_TOPIC_ID = 'gemeinden-im-kreis';

function toDraft(p: Profile): ProfileDraft {
  return {
    ...p,
    templates: p.templates.map(withTemplateDefaults),
    houseFormality: p.houseFormality === 'du' ? 'du' : 'sie',
    municipality: { ...p.municipality, contextual: p.municipality.contextual ?? [] },
    topics: p.topics.map((x) => ({ ...x, terms: formatTermList(x.terms), exclude: formatTermList(x.exclude) })),
  };
}

function fromDraft(d: ProfileDraft): Profile {
  const { contextual, ...m } = d.municipality;
  return {
    ...d,
    municipality: { ...m, name: m.name.trim(), ...(contextual.length ? { contextual } : {}) },
    topics: d.topics.map((x) => ({
      ...x,
      label: x.label.trim(),
      terms: parseTermList(x.terms),
      exclude: parseTermList(x.exclude),
    })),
  };
}

const COLOR_KEYS = {
  amber: 'colorAmber',
  blue: 'colorBlue',
  green: 'colorGreen',
  pink: 'colorPink',
  violet: 'colorViolet',
  teal: 'colorTeal',
  red: 'colorRed',
  grey: 'colorGrey',
} as const satisfies Record<Topic['color'], string>;

const colorName = (slot: Topic['color']) => t(COLOR_KEYS[slot]);

function newTopicId(topics: TopicDraft[]): string {
  let i = topics.length + 1;
  while (topics.some((x) => x.id === `thema-${i}`)) i++;
  return `thema-${i}`;
}

const fieldId = (field: string) => `issue-${field.replace(/\./g, '-')}`;

/** The validation messages that belong next to one field (ids for aria-describedby). */
function FieldIssues({ issues, field }: { issues: ValidationIssue[]; field: string }) {
  const mine = issues.filter((i) => i.field === field);
  if (!mine.length) return null;
  return (
    <div id={fieldId(field)} data-testid="field-issue">
      {mine.map((i) => (
        <p class="field-issue" key={`${i.messageKey}${i.values.join()}`}>
          {issueText(i)}
        </p>
      ))}
    </div>
  );
}

interface Picked {
  pick: RegisterPick;
  register: Register;
}

export function ProfileForm() {
  const [draft, setDraft] = useState<ProfileDraft | null>(null);
  const [savedJson, setSavedJson] = useState('');
  const [picked, setPicked] = useState<Picked | null>(null);
  const [issues, setIssues] = useState<ValidationIssue[]>([]);
  /** after a refused save, messages follow the edits live */
  const [checking, setChecking] = useState(false);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const problems = useStorageItem(settingsProblemsItem) ?? [];
  const dirtyRef = useRef(false);

  useEffect(() => {
    const load = (p: Profile) => {
      setSavedJson(JSON.stringify(fromDraft(toDraft(p))));
      if (!dirtyRef.current) setDraft(toDraft(p));
    };
    profileItem.getValue().then(load);
    return profileItem.watch(load);
  }, []);

  const profile = draft ? fromDraft(draft) : null;
  const dirty = !!profile && savedJson !== '' && JSON.stringify(profile) !== savedJson;
  dirtyRef.current = dirty;

  // Unsaved edits are not lost without a word: the browser asks before leaving the page.
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  if (!draft || !profile) return null;
  const update = (next: Partial<ProfileDraft>) => {
    const merged = { ...draft, ...next };
    setDraft(merged);
    setStatus(null);
    if (checking) setIssues(validateProfile(fromDraft(merged)));
  };
  const updateNames = (next: Partial<MunicipalityNames>) =>
    update({ municipality: { ...draft.municipality, ...next } });
  const updateTopic = (i: number, next: Partial<TopicDraft>) =>
    update({ topics: draft.topics.map((x, j) => (j === i ? { ...x, ...next } : x)) });

  function pick(p: RegisterPick, register: Register) {
    if (!draft) return;
    setPicked({ pick: p, register });
    const names =
      p.kind === 'municipality'
        ? namesForMunicipality(p.suggestion.official, register.counts)
        : namesForKreis(p.suggestion);
    // another place's "Gemeinden im Kreis" topic makes no sense any more
    update({ municipality: names, topics: draft.topics.filter((x) => x.id !== KREIS_TOPIC_ID) });
  }

  const pickedTown = picked?.pick.kind === 'municipality' ? picked.pick.suggestion : null;
  const pickedKreis = picked?.pick.kind === 'kreis' ? picked.pick.suggestion : null;
  const ambiguity = pickedTown && picked ? ambiguityOf(pickedTown.official, picked.register.counts) : null;
  const core = pickedTown ? coreName(pickedTown.official) : '';
  const kreisMemberRows = pickedKreis && picked ? kreisMembers(pickedKreis, picked.register.rows) : [];
  const kreisTopic = draft.topics.some((x) => x.id === KREIS_TOPIC_ID);

  function setKreisTopic(on: boolean) {
    if (!draft) return;
    const others = draft.topics.filter((x) => x.id !== KREIS_TOPIC_ID);
    if (!on) return update({ topics: others });
    const used = new Set(others.map((x) => x.color));
    update({
      topics: [
        ...others,
        {
          id: KREIS_TOPIC_ID,
          label: t('namesKreisTopicName'),
          color: COLOR_SLOTS.find((c) => !used.has(c)) ?? 'grey',
          terms: formatTermList(memberTerms(kreisMemberRows)),
          exclude: '',
        },
      ],
    });
  }

  async function save(e: Event) {
    e.preventDefault();
    if (!draft) return;
    const next = fromDraft(draft);
    const found = validateProfile(next);
    setIssues(found);
    setChecking(found.length > 0);
    if (found.length) {
      setStatus({ ok: false, text: t('validateSummary', String(found.length)) });
      const first = found[0];
      if (first) document.querySelector<HTMLElement>(`[aria-describedby~="${fieldId(first.field)}"]`)?.focus();
      return;
    }
    // An edited wording gets a new version (and loses the approval of the old one).
    next.templates = applyTemplateEdits((await profileItem.getValue()).templates, next.templates);
    // What was saved becomes the draft: bumped versions show at once (the storage watch skips a dirty draft).
    dirtyRef.current = false;
    setDraft(toDraft(next));
    await profileItem.setValue(next);
    await settingsProblemsItem.setValue([]);
    setSavedJson(JSON.stringify(fromDraft(toDraft(next))));
    setStatus({ ok: true, text: t('saved') });
  }

  const invalid = (field: string) => issues.some((i) => i.field === field);
  const describedBy = (field: string) => (invalid(field) ? fieldId(field) : '');

  return (
    <form onSubmit={save} aria-labelledby="profile-heading" noValidate>
      {problems.length > 0 && (
        <p class="notice warn" role="status" data-testid="settings-problems">
          {t('namesSettingsProblems', problems.map((p) => `„${p.term}“`).join(', '))}
        </p>
      )}
      <section class="panel">
        <h2 id="profile-heading">{t('sectionMunicipality')}</h2>
        <MunicipalityField
          value={draft.municipality.name}
          invalid={invalid('municipality.name')}
          describedBy={describedBy('municipality.name')}
          onChange={(name) => updateNames({ name })}
          onPick={pick}
        />
        <FieldIssues issues={issues} field="municipality.name" />
        {ambiguity && (ambiguity.commonWord || ambiguity.shared > 0) && pickedTown && (
          <div class="notice" role="note" data-testid="names-ambiguity">
            {ambiguity.commonWord && <p>{t('namesAmbiguousCommon', core)}</p>}
            {ambiguity.shared > 0 && <p>{t('namesAmbiguousShared', [core, String(ambiguity.shared)])}</p>}
            <label class="inline">
              <input
                type="checkbox"
                checked={draft.municipality.contextual.includes(core)}
                onChange={(e) =>
                  update({
                    municipality: withContext(draft.municipality, pickedTown.official, e.currentTarget.checked),
                  })
                }
              />
              {t('namesContextLabel', core)}
            </label>
          </div>
        )}
        {pickedKreis && kreisMemberRows.length > 0 && (
          <label class="inline">
            <input
              type="checkbox"
              data-testid="kreis-topic"
              checked={kreisTopic}
              onChange={(e) => setKreisTopic(e.currentTarget.checked)}
            />
            {t('namesKreisTopicLabel', String(kreisMemberRows.length))}
          </label>
        )}
        <NameChips
          value={draft.municipality}
          onChange={updateNames}
          invalid={invalid('municipality.aliases')}
          issueIds={[describedBy('municipality.aliases'), describedBy('municipality.contextual')].join(' ')}
        />
        <FieldIssues issues={issues} field="municipality.aliases" />
        <FieldIssues issues={issues} field="municipality.contextual" />
        <label class="inline">
          <input
            type="checkbox"
            checked={draft.municipality.caseSensitive}
            onChange={(e) => updateNames({ caseSensitive: e.currentTarget.checked })}
          />
          {t('caseSensitiveLabel')}
        </label>
      </section>

      <TrySentence profile={profile} />

      <section class="panel" aria-labelledby="topics-heading">
        <h2 id="topics-heading">{t('sectionTopics')}</h2>
        <p class="hint">{t('termsHint')}</p>
        {draft.topics.map((topic, i) => (
          <fieldset key={topic.id} data-testid="topic-fieldset">
            <legend>{topic.label || t('newTopic')}</legend>
            <div class="grid2">
              <div>
                <label for={`topic-label-${i}`}>{t('topicLabel')}</label>
                <input
                  id={`topic-label-${i}`}
                  value={topic.label}
                  aria-invalid={invalid(`topics.${i}.label`)}
                  aria-describedby={describedBy(`topics.${i}.label`)}
                  onInput={(e) => updateTopic(i, { label: e.currentTarget.value })}
                />
                <FieldIssues issues={issues} field={`topics.${i}.label`} />
              </div>
              <div>
                <label for={`topic-color-${i}`}>{t('colorLabel')}</label>
                <select
                  id={`topic-color-${i}`}
                  value={topic.color}
                  style={{ background: SLOT_COLORS[topic.color], color: '#111' }}
                  onChange={(e) => updateTopic(i, { color: e.currentTarget.value as Topic['color'] })}
                >
                  {COLOR_SLOTS.map((slot) => (
                    <option key={slot} value={slot}>
                      {colorName(slot)}
                    </option>
                  ))}
                </select>
              </div>
            </div>
            <label for={`topic-terms-${i}`}>{t('termsLabel')}</label>
            <input
              id={`topic-terms-${i}`}
              data-testid="topic-terms"
              value={topic.terms}
              aria-invalid={invalid(`topics.${i}.terms`)}
              aria-describedby={describedBy(`topics.${i}.terms`)}
              onInput={(e) => updateTopic(i, { terms: e.currentTarget.value })}
            />
            <FieldIssues issues={issues} field={`topics.${i}.terms`} />
            <label for={`topic-exclude-${i}`}>{t('excludeLabel')}</label>
            <input
              id={`topic-exclude-${i}`}
              value={topic.exclude}
              aria-invalid={invalid(`topics.${i}.exclude`)}
              aria-describedby={describedBy(`topics.${i}.exclude`)}
              onInput={(e) => updateTopic(i, { exclude: e.currentTarget.value })}
            />
            <FieldIssues issues={issues} field={`topics.${i}.exclude`} />
            <div class="row" style={{ justifyContent: 'space-between', marginTop: '0.5rem' }}>
              <label class="inline">
                <input
                  type="checkbox"
                  checked={!!topic.urgent}
                  onChange={(e) => updateTopic(i, { urgent: e.currentTarget.checked })}
                />
                {t('urgentLabel')}
              </label>
              <button
                type="button"
                class="danger"
                onClick={() => update({ topics: draft.topics.filter((_, j) => j !== i) })}
              >
                {t('removeTopic')}
              </button>
            </div>
          </fieldset>
        ))}
        <button
          type="button"
          data-testid="add-topic"
          onClick={() =>
            update({
              topics: [
                ...draft.topics,
                {
                  id: newTopicId(draft.topics),
                  label: '',
                  color: COLOR_SLOTS[draft.topics.length % COLOR_SLOTS.length] ?? 'grey',
                  terms: '',
                  exclude: '',
                },
              ],
            })
          }
        >
          {t('addTopic')}
        </button>
      </section>

      <TemplatesEditor draft={draft} onChange={update} />

      <div class="actions" style={{ position: 'sticky', bottom: 0, background: 'var(--bg)', padding: '0.6rem 0' }}>
        <button type="submit" class="primary" data-testid="options-save">
          {t('save')}
        </button>
        {dirty && (
          <span class="unsaved" data-testid="options-unsaved">
            {t('namesUnsaved')}
          </span>
        )}
        <span
          role="status"
          aria-live="polite"
          data-testid="options-status"
          class={status && !status.ok ? 'error' : 'hint'}
        >
          {status?.text}
        </span>
      </div>
    </form>
  );
}
