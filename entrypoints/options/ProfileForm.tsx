import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../utils/i18n';
import { SLOT_COLORS } from '../../utils/labels';
import { compileMatcher } from '../../utils/matcher';
import {
  COLOR_SLOTS,
  DEMO_PROFILE,
  matcherConfigOf,
  type Profile,
  profileItem,
  type Topic,
} from '../../utils/settings';
import { formatTermList, parseTermList } from '../../utils/term-list';
import { MunicipalityField } from './MunicipalityField';
import { TemplatesEditor } from './TemplatesEditor';

/** Text fields are edited as typed and parsed on save, so a half-typed "phrase, stays as the user left it. */
interface TopicDraft extends Omit<Topic, 'terms' | 'exclude'> {
  terms: string;
  exclude: string;
}
export interface ProfileDraft extends Omit<Profile, 'topics' | 'municipality'> {
  municipality: { name: string; aliases: string; caseSensitive: boolean };
  topics: TopicDraft[];
}

function toDraft(p: Profile): ProfileDraft {
  return {
    ...p,
    municipality: { ...p.municipality, aliases: formatTermList(p.municipality.aliases) },
    topics: p.topics.map((x) => ({ ...x, terms: formatTermList(x.terms), exclude: formatTermList(x.exclude) })),
  };
}

function fromDraft(d: ProfileDraft): Profile {
  return {
    ...d,
    municipality: {
      name: d.municipality.name.trim(),
      aliases: parseTermList(d.municipality.aliases),
      caseSensitive: d.municipality.caseSensitive,
    },
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

const hashtagOf = (name: string) => `#${name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '')}`;

const colorName = (slot: Topic['color']) => t(COLOR_KEYS[slot]);

function newTopicId(topics: TopicDraft[]): string {
  let i = topics.length + 1;
  while (topics.some((x) => x.id === `thema-${i}`)) i++;
  return `thema-${i}`;
}

export function ProfileForm() {
  const [draft, setDraft] = useState<ProfileDraft | null>(null);
  /** The hashtag last filled in for a picked town, replaced again when another town is picked. */
  const autoAlias = useRef('');
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);

  useEffect(() => {
    profileItem.getValue().then((p) => setDraft(toDraft(p)));
    return profileItem.watch((p) => setDraft(toDraft(p)));
  }, []);

  if (!draft) return null;
  const update = (next: Partial<ProfileDraft>) => {
    setDraft({ ...draft, ...next });
    setStatus(null);
  };
  const updateTopic = (i: number, next: Partial<TopicDraft>) =>
    update({ topics: draft.topics.map((x, j) => (j === i ? { ...x, ...next } : x)) });

  /** Typing changes only the name; picking a suggestion also sets case sensitivity and the town's hashtag. */
  function setMunicipalityName(name: string, caseSensitive?: boolean) {
    if (!draft) return;
    const m = draft.municipality;
    if (caseSensitive === undefined) return update({ municipality: { ...m, name } });
    // The demo's (or the previously picked town's) hashtag makes no sense for the chosen town.
    let aliases = m.aliases;
    if ([formatTermList(DEMO_PROFILE.municipality.aliases), autoAlias.current].includes(m.aliases)) {
      aliases = hashtagOf(name);
      autoAlias.current = aliases;
    }
    update({ municipality: { ...m, name, caseSensitive, aliases } });
  }

  async function save(e: Event) {
    e.preventDefault();
    if (!draft) return;
    const profile = fromDraft(draft);
    if (!profile.municipality.name) {
      setStatus({ ok: false, text: `${t('municipalityLabel')}: ?` });
      return;
    }
    try {
      compileMatcher(matcherConfigOf(profile));
    } catch (err) {
      setStatus({ ok: false, text: err instanceof Error ? err.message : String(err) });
      return;
    }
    await profileItem.setValue(profile);
    setStatus({ ok: true, text: t('saved') });
  }

  return (
    <form onSubmit={save} aria-labelledby="profile-heading">
      <section class="panel">
        <h2 id="profile-heading">{t('sectionMunicipality')}</h2>
        <MunicipalityField value={draft.municipality.name} onChange={setMunicipalityName} />
        <label for="aliases">{t('aliasesLabel')}</label>
        <input
          id="aliases"
          value={draft.municipality.aliases}
          aria-describedby="aliases-hint"
          onInput={(e) => update({ municipality: { ...draft.municipality, aliases: e.currentTarget.value } })}
        />
        <p class="hint" id="aliases-hint">
          {t('aliasesHint')}
        </p>
        <label class="inline">
          <input
            type="checkbox"
            checked={draft.municipality.caseSensitive}
            onChange={(e) =>
              update({ municipality: { ...draft.municipality, caseSensitive: e.currentTarget.checked } })
            }
          />
          {t('caseSensitiveLabel')}
        </label>
      </section>

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
                  onInput={(e) => updateTopic(i, { label: e.currentTarget.value })}
                />
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
              onInput={(e) => updateTopic(i, { terms: e.currentTarget.value })}
            />
            <label for={`topic-exclude-${i}`}>{t('excludeLabel')}</label>
            <input
              id={`topic-exclude-${i}`}
              value={topic.exclude}
              onInput={(e) => updateTopic(i, { exclude: e.currentTarget.value })}
            />
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

      <TemplatesEditor draft={draft} onChange={(templates) => update({ templates })} />

      <div class="actions" style={{ position: 'sticky', bottom: 0, background: 'var(--bg)', padding: '0.6rem 0' }}>
        <button type="submit" class="primary" data-testid="options-save">
          {t('save')}
        </button>
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
