import { useMemo, useState } from 'preact/hooks';
import { t } from '../../utils/i18n';
import { compileTolerant, type Match, MUNICIPALITY_TOPIC } from '../../utils/matcher';
import { SLOT_COLORS } from '../../utils/scanner/highlight-styles';
import { matcherConfigOf, type Profile } from '../../utils/settings';

/** Non-overlapping matches, earliest and longest first, for showing inline. */
function layout(matches: Match[]): Match[] {
  const out: Match[] = [];
  let end = 0;
  for (const m of matches) {
    if (m.start < end) continue;
    out.push(m);
    end = m.end;
  }
  return out;
}

/** "Probieren Sie einen Satz aus": what the current, unsaved settings would highlight, live (as text, never HTML). */
export function TrySentence({ profile }: { profile: Profile }) {
  const [text, setText] = useState('');
  // recompiled only when the matcher's part of the settings changes, not on every keystroke elsewhere
  const configKey = JSON.stringify(matcherConfigOf(profile));
  const matcher = useMemo(() => compileTolerant(JSON.parse(configKey)).matcher, [configKey]);
  const matches = text ? layout(matcher.scan(text)) : [];
  const labelOf = (topicId: string) =>
    topicId === MUNICIPALITY_TOPIC
      ? profile.municipality.name
      : (profile.topics.find((x) => x.id === topicId)?.label ?? '');
  const colorOf = (topicId: string) => {
    const topic = profile.topics.find((x) => x.id === topicId);
    return topic ? SLOT_COLORS[topic.color] : undefined;
  };

  const parts: preact.ComponentChildren[] = [];
  let at = 0;
  for (const m of matches) {
    if (m.start > at) parts.push(text.slice(at, m.start));
    parts.push(
      <mark
        key={m.start}
        class={m.topicId === MUNICIPALITY_TOPIC ? 'town' : undefined}
        style={{ background: colorOf(m.topicId) }}
        title={labelOf(m.topicId)}
      >
        {text.slice(m.start, m.end)}
      </mark>,
    );
    at = m.end;
  }
  if (at < text.length) parts.push(text.slice(at));

  return (
    <section class="panel try" aria-labelledby="try-heading">
      <h2 id="try-heading">{t('namesTryLabel')}</h2>
      <label for="try-sentence" class="visually-hidden">
        {t('namesTryLabel')}
      </label>
      <textarea
        id="try-sentence"
        data-testid="try-sentence"
        rows={2}
        value={text}
        aria-describedby="try-hint try-result"
        onInput={(e) => setText(e.currentTarget.value)}
      />
      <p class="hint" id="try-hint">
        {t('namesTryHint')}
      </p>
      {text && (
        <div id="try-result" aria-live="polite">
          <p class="try-preview" data-testid="try-preview">
            {parts}
          </p>
          <p class="hint" data-testid="try-summary">
            {matches.length === 0
              ? t('namesTryNone')
              : t(
                  'namesTryFound',
                  matches.map((m) => `${text.slice(m.start, m.end)} (${labelOf(m.topicId)})`).join(', '),
                )}
          </p>
        </div>
      )}
    </section>
  );
}
