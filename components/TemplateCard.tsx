import { useEffect, useState } from 'preact/hooks';
import { getDb } from '../utils/db';
import { t } from '../utils/i18n';
import { setStatus } from '../utils/mentions';
import type { InsertReplyResult } from '../utils/messaging';
import type { Mention } from '../utils/model';
import type { ReplyTemplate } from '../utils/settings';
import { isExpired, type PlaceholderProblem, renderTemplate, type TemplateVars } from '../utils/templates';
import { formatDay, PlaceholderProblems } from './placeholder-problems';

type InsertState = InsertReplyResult['status'] | 'noClipboard';

const INSERT_MESSAGE = {
  inserted: 'inserted',
  noBox: 'insertNoBox',
  notTaken: 'insertNotTaken',
  noClipboard: 'insertNoClipboard',
} as const satisfies Record<InsertState, string>;

/** The rendered text with every unresolved placeholder marked, so the eye finds it. */
function Preview({ text, problems }: { text: string; problems: PlaceholderProblem[] }) {
  const tokens = problems.map((p) => p.token);
  if (tokens.length === 0) return <>{text}</>;
  const pattern = new RegExp(`(${tokens.map((x) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`);
  return (
    <>
      {text.split(pattern).map((part, i) =>
        tokens.includes(part) ? (
          <mark key={i} class="tpl-unresolved">
            {part}
          </mark>
        ) : (
          part
        ),
      )}
    </>
  );
}

/**
 * One reply, filled for the mention at hand, with copy / insert / mark answered. `variants` holds the house wording
 * first and, where the team wrote one, the other (Sie/Du) wording the toggle switches to.
 */
export function TemplateCard({
  variants,
  vars,
  mention,
  onInsert,
  now = Date.now(),
}: {
  variants: ReplyTemplate[];
  vars: TemplateVars & { author?: string };
  mention: Mention | undefined;
  onInsert(text: string): Promise<InsertReplyResult>;
  now?: number;
}) {
  const [shown, setShown] = useState(0);
  const template = (variants[shown] ?? variants[0]) as ReplyTemplate;
  const other = variants.find((x) => x.formality !== template.formality);
  const { text, problems } = renderTemplate(template, vars);
  const expired = isExpired(template, now);
  const blocked = problems.length > 0 || expired;
  const [state, setState] = useState<'idle' | 'copied' | 'refused' | InsertState>('idle');
  const [refusal, setRefusal] = useState('');
  const idBase = `tpl-${template.id}`;

  /** A reply with an unresolved placeholder or an expired approval never leaves the side panel. */
  function refuse(action: 'tplInsertRefused' | 'tplCopyRefused'): boolean {
    if (!blocked) return false;
    setRefusal(expired ? t('tplExpiredRefused') : t(action, problems.map((p) => p.token).join(', ')));
    setState('refused');
    return true;
  }

  async function copy() {
    if (refuse('tplCopyRefused')) return;
    await navigator.clipboard.writeText(text);
    setState('copied');
    if (mention) await setStatus(getDb(), mention.id, mention.status === 'new' ? 'seen' : mention.status);
  }

  // A status belongs to the mention it was reached for.
  useEffect(() => setState('idle'), [mention?.mentionKey]);

  async function insert() {
    if (refuse('tplInsertRefused')) return;
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

  const describedBy = problems.length ? `${idBase}-problems` : undefined;
  return (
    <article class={expired ? 'card tpl-expired' : 'card'} aria-labelledby={`${idBase}-h`} data-testid="template-item">
      <div class="row" style={{ justifyContent: 'space-between' }}>
        <h3 id={`${idBase}-h`} style={{ margin: 0, fontSize: '1rem' }}>
          {template.title}
        </h3>
        {other && (
          <label class="inline tpl-switch">
            <input
              type="checkbox"
              role="switch"
              aria-checked={template.formality === 'du'}
              data-testid="template-formality"
              checked={template.formality === 'du'}
              onChange={() => {
                setShown(variants.indexOf(other));
                setState('idle');
              }}
            />
            {t('tplFormalityDu')}
          </label>
        )}
      </div>
      <p class="meta" data-testid="template-meta">
        {template.formality === 'du' ? t('tplDu') : t('tplSie')} · {t('tplVersion', String(template.version))} ·{' '}
        {template.approvedBy
          ? template.approvedAt
            ? t('tplApprovedBy', [template.approvedBy, formatDay(template.approvedAt)])
            : t('tplApprovedByNoDate', template.approvedBy)
          : t('tplNotApproved')}
        {expired && template.validUntil !== undefined && (
          <strong class="error" data-testid="template-expired">
            {' '}
            · {t('tplExpired', formatDay(template.validUntil))}
          </strong>
        )}
      </p>
      <p data-testid="template-preview" style={{ whiteSpace: 'pre-wrap' }}>
        <Preview text={text} problems={problems} />
      </p>
      <PlaceholderProblems id={`${idBase}-problems`} problems={problems} />
      <div class="row">
        <button
          type="button"
          class="primary"
          data-testid="template-copy"
          aria-disabled={blocked ? 'true' : undefined}
          aria-describedby={describedBy}
          onClick={copy}
        >
          {t('copy')}
        </button>
        {mention && (
          <button
            type="button"
            data-testid="template-insert"
            aria-disabled={blocked ? 'true' : undefined}
            aria-describedby={describedBy}
            onClick={insert}
          >
            {t('insert')}
          </button>
        )}
        {mention && mention.status !== 'answered' && (
          <button
            type="button"
            data-testid="template-answered"
            onClick={() =>
              setStatus(getDb(), mention.id, 'answered', {
                templateUsed: template.id,
                templateVersion: template.version,
              })
            }
          >
            {t('markAnswered')}
          </button>
        )}
        <span
          role="status"
          aria-live="polite"
          class={state === 'refused' ? 'error' : 'hint'}
          data-testid="insert-status"
        >
          {state === 'copied'
            ? t('copied')
            : state === 'refused'
              ? refusal
              : state === 'idle'
                ? ''
                : t(INSERT_MESSAGE[state])}
        </span>
      </div>
    </article>
  );
}
