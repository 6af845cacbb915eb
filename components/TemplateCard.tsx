import { useState } from 'preact/hooks';
import { getDb } from '../utils/db';
import { t } from '../utils/i18n';
import { setStatus } from '../utils/mentions';
import type { Mention } from '../utils/model';
import type { ReplyTemplate } from '../utils/settings';
import { renderTemplate, type TemplateVars } from '../utils/templates';

/** A reply template, filled for the mention at hand, with copy / insert / mark answered. */
export function TemplateCard({
  template,
  vars,
  mention,
  onInsert,
}: {
  template: ReplyTemplate;
  vars: TemplateVars;
  mention: Mention | undefined;
  onInsert(text: string): Promise<boolean>;
}) {
  const text = renderTemplate(template.body, vars);
  const [state, setState] = useState<'idle' | 'copied' | 'inserted' | 'insertFailed'>('idle');
  const headingId = `tpl-${template.id}`;

  async function copy() {
    await navigator.clipboard.writeText(text);
    setState('copied');
    if (mention) await setStatus(getDb(), mention.id, mention.status === 'new' ? 'seen' : mention.status);
  }

  async function insert() {
    const ok = await onInsert(text);
    if (!ok) await navigator.clipboard.writeText(text).catch(() => undefined);
    setState(ok ? 'inserted' : 'insertFailed');
  }

  return (
    <article class="card" aria-labelledby={headingId} data-testid="template-card">
      <h3 id={headingId} style={{ margin: 0, fontSize: '1rem' }}>
        {template.title}
      </h3>
      <p data-testid="template-text" style={{ whiteSpace: 'pre-wrap' }}>
        {text}
      </p>
      <div class="row">
        <button type="button" class="primary" data-testid="template-copy" onClick={copy}>
          {t('copy')}
        </button>
        {mention && (
          <button type="button" data-testid="template-insert" onClick={insert}>
            {t('insert')}
          </button>
        )}
        {mention && mention.status !== 'answered' && (
          <button
            type="button"
            data-testid="template-answered"
            onClick={() => setStatus(getDb(), mention.id, 'answered', { templateUsed: template.id })}
          >
            {t('markAnswered')}
          </button>
        )}
        <span role="status" aria-live="polite" class="hint">
          {state === 'copied'
            ? t('copied')
            : state === 'inserted'
              ? t('inserted')
              : state === 'insertFailed'
                ? t('insertFailed')
                : ''}
        </span>
      </div>
    </article>
  );
}
