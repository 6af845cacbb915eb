import { useEffect, useState } from 'preact/hooks';
import { getDb } from '../utils/db';
import { t } from '../utils/i18n';
import { setStatus } from '../utils/mentions';
import type { InsertReplyResult } from '../utils/messaging';
import type { Mention } from '../utils/model';
import type { ReplyTemplate } from '../utils/settings';
import { renderTemplate, type TemplateVars } from '../utils/templates';

type InsertState = InsertReplyResult['status'] | 'noClipboard';

const INSERT_MESSAGE = {
  inserted: 'inserted',
  noBox: 'insertNoBox',
  notTaken: 'insertNotTaken',
  noClipboard: 'insertNoClipboard',
} as const satisfies Record<InsertState, string>;

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
  onInsert(text: string): Promise<InsertReplyResult>;
}) {
  const text = renderTemplate(template.body, vars);
  const [state, setState] = useState<'idle' | 'copied' | InsertState>('idle');
  const headingId = `tpl-${template.id}`;

  async function copy() {
    await navigator.clipboard.writeText(text);
    setState('copied');
    if (mention) await setStatus(getDb(), mention.id, mention.status === 'new' ? 'seen' : mention.status);
  }

  // A status belongs to the mention it was reached for.
  useEffect(() => setState('idle'), [mention?.mentionKey]);

  async function insert() {
    setState('idle');
    const { status } = await onInsert(text);
    if (status === 'inserted') return setState('inserted');
    // The box did not show the text: hand it over by clipboard, and say which of the two went wrong.
    const copied = await navigator.clipboard.writeText(text).then(
      () => true,
      () => false,
    );
    setState(copied ? status : 'noClipboard');
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
        <span role="status" aria-live="polite" class="hint" data-testid="insert-status">
          {state === 'copied' ? t('copied') : state === 'idle' ? '' : t(INSERT_MESSAGE[state])}
        </span>
      </div>
    </article>
  );
}
