import { t } from '../../utils/i18n';
import type { ReplyTemplate } from '../../utils/settings';
import type { ProfileDraft } from './ProfileForm';

export function TemplatesEditor({
  draft,
  onChange,
}: {
  draft: ProfileDraft;
  onChange(templates: ReplyTemplate[]): void;
}) {
  const templates = draft.templates;
  const set = (i: number, next: Partial<ReplyTemplate>) =>
    onChange(templates.map((x, j) => (j === i ? { ...x, ...next } : x)));
  return (
    <section class="panel" aria-labelledby="templates-heading">
      <h2 id="templates-heading">{t('sectionTemplates')}</h2>
      <p class="hint">{t('templateHint')}</p>
      {templates.map((tpl, i) => (
        <fieldset key={tpl.id} data-testid="template-fieldset">
          <legend>{tpl.title || t('newTemplate')}</legend>
          <label for={`tpl-title-${i}`}>{t('templateTitle')}</label>
          <input id={`tpl-title-${i}`} value={tpl.title} onInput={(e) => set(i, { title: e.currentTarget.value })} />
          <label for={`tpl-body-${i}`}>{t('templateBody')}</label>
          <textarea
            id={`tpl-body-${i}`}
            rows={4}
            value={tpl.body}
            onInput={(e) => set(i, { body: e.currentTarget.value })}
          />
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
          <button type="button" class="danger" onClick={() => onChange(templates.filter((_, j) => j !== i))}>
            {t('removeTemplate')}
          </button>
        </fieldset>
      ))}
      <button
        type="button"
        onClick={() =>
          onChange([...templates, { id: `baustein-${Date.now().toString(36)}`, title: '', body: '', topicIds: [] }])
        }
      >
        {t('addTemplate')}
      </button>
    </section>
  );
}
