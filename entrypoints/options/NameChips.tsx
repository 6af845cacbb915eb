import { useState } from 'preact/hooks';
import { t } from '../../utils/i18n';
import { demonymsOf } from '../../utils/municipalities/derive';
import { parseTermList } from '../../utils/term-list';

export interface NamesDraft {
  name: string;
  aliases: string[];
  contextual: string[];
}

/** How the matcher inflects a name, shown next to its chip ("auch Frankfurter, Frankfurterin"). */
function alsoForms(name: string): string {
  // single names and "Bad …"/"St. …" inflect as people write them; "Kreis Esslinger" nobody writes
  if (/^[#@"]/.test(name) || (/\s/.test(name) && !/^(?:Bad|St\.|Sankt)\s\S+$/u.test(name))) return '';
  // a demonym given as a name ("Essener"): the matcher adds the feminine forms
  if (/er$/u.test(name) && !/\s/u.test(name)) return t('namesChipAlso', `${name}in, ${name}innen`);
  const forms = demonymsOf(name);
  return forms.length ? t('namesChipAlso', forms.join(', ')) : '';
}

/**
 * The names Lauscher looks for, as chips the user can remove (never hidden), and a box that adds several at once
 * (districts, hashtags, handles), comma or line separated.
 */
export function NameChips({
  value,
  onChange,
  issueIds,
  invalid,
}: {
  value: NamesDraft;
  onChange(next: Pick<NamesDraft, 'aliases' | 'contextual'>): void;
  /** ids of the validation messages for the names */
  issueIds: string;
  invalid: boolean;
}) {
  const [adding, setAdding] = useState('');
  const add = () => {
    const extra = parseTermList(adding).filter((n) => !value.aliases.includes(n) && n !== value.name);
    if (extra.length) onChange({ aliases: [...value.aliases, ...extra], contextual: value.contextual });
    setAdding('');
  };

  return (
    <div class="names">
      <p class="label" id="names-chips-label">
        {t('namesChipsLabel')}
      </p>
      <ul class="name-chips" aria-labelledby="names-chips-label" aria-describedby="names-chips-hint">
        {value.name && (
          <li class="name-chip" data-testid="name-chip">
            <span>{value.name}</span>{' '}
            <span class="hint">{[t('namesChipOfficial'), alsoForms(value.name)].filter(Boolean).join(' · ')}</span>
          </li>
        )}
        {value.contextual.map((c) => (
          <li class="name-chip contextual" data-testid="name-chip" key={`c:${c}`}>
            <span>{c}</span> <span class="hint">{t('namesChipContextual')}</span>
            <button
              type="button"
              aria-label={t('namesChipRemove', c)}
              onClick={() => onChange({ aliases: value.aliases, contextual: value.contextual.filter((x) => x !== c) })}
            >
              ×
            </button>
          </li>
        ))}
        {value.aliases.map((a) => (
          <li class="name-chip" data-testid="name-chip" key={`a:${a}`}>
            <span>{a}</span> <span class="hint">{alsoForms(a)}</span>
            <button
              type="button"
              aria-label={t('namesChipRemove', a)}
              onClick={() => onChange({ aliases: value.aliases.filter((x) => x !== a), contextual: value.contextual })}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <p class="hint" id="names-chips-hint">
        {t('namesChipsHint')}
      </p>
      <label for="aliases">{t('aliasesLabel')}</label>
      <div class="row">
        <textarea
          id="aliases"
          rows={2}
          value={adding}
          aria-describedby={`${issueIds} aliases-hint`}
          aria-invalid={invalid}
          onInput={(e) => setAdding(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey) {
              e.preventDefault();
              add();
            }
          }}
        />
        <button type="button" data-testid="names-add" onClick={add}>
          {t('namesAddButton')}
        </button>
      </div>
      <p class="hint" id="aliases-hint">
        {t('namesAddHint')}
      </p>
    </div>
  );
}
