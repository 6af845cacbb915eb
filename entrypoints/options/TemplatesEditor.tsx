import { useRef } from 'preact/hooks';
import { formatDay, PlaceholderProblems } from '../../components/placeholder-problems';
import { useStorageItem } from '../../components/use-storage-item';
import { t } from '../../utils/i18n';
import { type Formality, profileItem, type ReplyTemplate } from '../../utils/settings';
import {
  checkPlaceholders,
  endOfDay,
  isEdited,
  isExpired,
  PLACEHOLDERS,
  type Placeholder,
  startOfDay,
  toDateInput,
  withTemplateDefaults,
} from '../../utils/templates';
import type { ProfileDraft } from './ProfileForm';

const PLACEHOLDER_HINTS = {
  anrede: 'tplPhAnrede',
  autor: 'tplPhAutor',
  kommune: 'tplPhKommune',
  sprechzeiten: 'tplPhSprechzeiten',
  plattform: 'tplPhPlattform',
  thema: 'tplPhThema',
  datum: 'tplPhDatum',
} as const satisfies Record<Placeholder, string>;

function PlaceholderList({ municipality }: { municipality: string }) {
  return (
    <details class="tpl-placeholders" open>
      <summary>{t('tplPlaceholdersHeading')}</summary>
      <p class="hint">{t('tplPlaceholdersHint')}</p>
      <dl data-testid="template-placeholders">
        {PLACEHOLDERS.map((p) => (
          <div key={p}>
            <dt>
              <code>{`{{${p}}}`}</code>
            </dt>
            <dd>{t(PLACEHOLDER_HINTS[p], municipality || 'Musterstadt')}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}

/** What saving will do to the version and approval of an edited template. */
function VersionNote({ saved, tpl }: { saved: ReplyTemplate[]; tpl: ReplyTemplate }) {
  const before = saved.find((x) => x.id === tpl.id);
  if (!before || !isEdited(saved, tpl)) return <>{t('tplVersion', String(tpl.version))}</>;
  const next = String(withTemplateDefaults(before).version + 1);
  const approvalKept =
    before.approvedBy && before.approvedBy === tpl.approvedBy && before.approvedAt === tpl.approvedAt;
  return <strong>{approvalKept ? t('tplApprovalLapses', next) : t('tplWillBump', next)}</strong>;
}

export function TemplatesEditor({
  draft,
  onChange,
}: {
  draft: ProfileDraft;
  onChange(next: Pick<ProfileDraft, 'templates'> | Pick<ProfileDraft, 'houseFormality'>): void;
}) {
  const savedProfile = useStorageItem(profileItem);
  const saved = savedProfile?.templates ?? [];
  const opened = useRef(new Set<string>());
  const templates = draft.templates.map(withTemplateDefaults);
  const groups = [...new Set(templates.map((x) => x.variantGroup).filter(Boolean))] as string[];
  const set = (i: number, next: Partial<ReplyTemplate>) =>
    onChange({ templates: templates.map((x, j) => (j === i ? { ...x, ...next } : x)) });
  const now = Date.now();
  return (
    <section class="panel" aria-labelledby="templates-heading">
      <h2 id="templates-heading">{t('sectionTemplates')}</h2>
      <label for="house-formality">{t('tplHouseFormality')}</label>
      <select
        id="house-formality"
        data-testid="house-formality"
        aria-describedby="house-formality-hint"
        value={draft.houseFormality === 'du' ? 'du' : 'sie'}
        onChange={(e) => onChange({ houseFormality: e.currentTarget.value as Formality })}
        style={{ maxWidth: '14rem' }}
      >
        <option value="sie">{t('tplSie')}</option>
        <option value="du">{t('tplDu')}</option>
      </select>
      <p class="hint" id="house-formality-hint">
        {t('tplHouseFormalityHint')}
      </p>
      <PlaceholderList municipality={draft.municipality.name} />
      <datalist id="tpl-variant-groups">
        {groups.map((g) => (
          <option key={g} value={g} />
        ))}
      </datalist>
      {templates.map((tpl, i) => {
        const problems = checkPlaceholders(tpl.body);
        const expired = isExpired(tpl, now);
        // Opened once, a template stays open while it is being edited (fixing the last problem must not close it).
        const isNew = savedProfile !== undefined && !saved.some((x) => x.id === tpl.id);
        if (isNew || problems.length > 0) opened.current.add(tpl.id);
        return (
          // 32 templates in a row are too many to scan: each opens on demand, new and flagged ones open by themselves.
          <details
            key={tpl.id}
            data-testid="template-entry"
            class={expired ? 'tpl-entry tpl-expired' : 'tpl-entry'}
            open={opened.current.has(tpl.id)}
          >
            <summary data-testid="template-summary">
              <strong>{tpl.title || t('newTemplate')}</strong> ({tpl.formality === 'du' ? t('tplDu') : t('tplSie')})
              <span class="hint">
                {' · '}
                {t('tplVersion', String(tpl.version))}
                {' · '}
                {tpl.approvedBy ? t('tplApprovedByNoDate', tpl.approvedBy) : t('tplNotApproved')}
              </span>
              {expired && tpl.validUntil !== undefined && (
                <span class="error" data-testid="template-expired">
                  {' · '}
                  {t('tplExpired', formatDay(tpl.validUntil))}
                </span>
              )}
              {problems.length > 0 && (
                <span class="error">
                  {' · '}
                  {t('tplSummaryProblems')}
                </span>
              )}
            </summary>
            <fieldset data-testid="template-fieldset">
              <legend class="visually-hidden">
                {tpl.title || t('newTemplate')} ({tpl.formality === 'du' ? t('tplDu') : t('tplSie')})
              </legend>
              <p class="hint" data-testid="template-version">
                <VersionNote saved={saved} tpl={tpl} />
              </p>
              <div class="grid2">
                <div>
                  <label for={`tpl-title-${i}`}>{t('templateTitle')}</label>
                  <input
                    id={`tpl-title-${i}`}
                    value={tpl.title}
                    onInput={(e) => set(i, { title: e.currentTarget.value })}
                  />
                </div>
                <div>
                  <label for={`tpl-formality-${i}`}>{t('tplFormality')}</label>
                  <select
                    id={`tpl-formality-${i}`}
                    value={tpl.formality}
                    onChange={(e) => set(i, { formality: e.currentTarget.value as Formality })}
                  >
                    <option value="sie">{t('tplSie')}</option>
                    <option value="du">{t('tplDu')}</option>
                  </select>
                </div>
              </div>
              <label for={`tpl-body-${i}`}>{t('templateBody')}</label>
              <textarea
                id={`tpl-body-${i}`}
                data-testid="template-body"
                rows={5}
                value={tpl.body}
                aria-invalid={problems.length > 0 ? 'true' : undefined}
                aria-describedby={`tpl-body-${i}-problems`}
                onInput={(e) => set(i, { body: e.currentTarget.value })}
              />
              <div aria-live="polite">
                <PlaceholderProblems id={`tpl-body-${i}-problems`} problems={problems} />
              </div>
              <label for={`tpl-group-${i}`}>{t('tplVariantGroup')}</label>
              <input
                id={`tpl-group-${i}`}
                list="tpl-variant-groups"
                value={tpl.variantGroup ?? ''}
                aria-describedby={`tpl-group-${i}-hint`}
                onInput={(e) => set(i, { variantGroup: e.currentTarget.value.trim() || undefined })}
              />
              <p class="hint" id={`tpl-group-${i}-hint`}>
                {t('tplVariantGroupHint')}
              </p>
              <fieldset>
                <legend>{t('tplApprovalLegend')}</legend>
                <div class="tpl-approval">
                  <div>
                    <label for={`tpl-approved-by-${i}`}>{t('tplApprovedByLabel')}</label>
                    <input
                      id={`tpl-approved-by-${i}`}
                      value={tpl.approvedBy ?? ''}
                      onInput={(e) => set(i, { approvedBy: e.currentTarget.value || undefined })}
                    />
                  </div>
                  <div>
                    <label for={`tpl-approved-at-${i}`}>{t('tplApprovedAtLabel')}</label>
                    <input
                      id={`tpl-approved-at-${i}`}
                      type="date"
                      value={toDateInput(tpl.approvedAt)}
                      onInput={(e) => set(i, { approvedAt: startOfDay(e.currentTarget.value) })}
                    />
                  </div>
                  <div>
                    <label for={`tpl-valid-until-${i}`}>{t('tplValidUntilLabel')}</label>
                    <input
                      id={`tpl-valid-until-${i}`}
                      type="date"
                      value={toDateInput(tpl.validUntil)}
                      onInput={(e) => set(i, { validUntil: endOfDay(e.currentTarget.value) })}
                    />
                  </div>
                </div>
              </fieldset>
              <fieldset>
                <legend>{t('templateTopics')}</legend>
                <div class="row">
                  {draft.topics.map((topic) => (
                    <label class="inline" key={topic.id}>
                      <input
                        type="checkbox"
                        checked={tpl.topicIds.includes(topic.id)}
                        onChange={(e) =>
                          set(i, {
                            topicIds: e.currentTarget.checked
                              ? [...tpl.topicIds, topic.id]
                              : tpl.topicIds.filter((x) => x !== topic.id),
                          })
                        }
                      />
                      {topic.label || topic.id}
                    </label>
                  ))}
                </div>
              </fieldset>
              <button
                type="button"
                class="danger"
                onClick={() => onChange({ templates: templates.filter((_, j) => j !== i) })}
              >
                {t('removeTemplate')}
              </button>
            </fieldset>
          </details>
        );
      })}
      <button
        type="button"
        data-testid="add-template"
        onClick={() =>
          onChange({
            templates: [
              ...templates,
              {
                id: `baustein-${Date.now().toString(36)}`,
                title: '',
                body: '{{anrede}}\n',
                topicIds: [],
                formality: draft.houseFormality === 'du' ? 'du' : 'sie',
                version: 1,
              },
            ],
          })
        }
      >
        {t('addTemplate')}
      </button>
    </section>
  );
}
