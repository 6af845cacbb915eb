import type { ComponentChildren } from 'preact';
import { isValidTime } from '../utils/dates';
import { absoluteTime, relativeTime } from '../utils/digest/relative';
import { t, tr, uiLang } from '../utils/i18n';
import { platformLabel } from '../utils/labels';
import type { Mention, MentionStatus } from '../utils/model';
import type { Profile } from '../utils/settings';
import { TopicChip } from './TopicChip';

const STATUS_TEXT: Record<MentionStatus, () => string> = {
  new: () => t('statusNew'),
  seen: () => t('statusSeen'),
  answered: () => t('statusAnswered'),
  ignored: () => t('statusIgnored'),
};

/** "vor 12 Min." with the absolute time ("01.12.26, 06:20") as tooltip; a badly stored time reads "ungültiges Datum". */
export function TimeAgo({ at, now }: { at: number; now?: number }) {
  if (!isValidTime(at)) return <span data-testid="invalid-date">{t('dataInvalidDate')}</span>;
  const lang = uiLang();
  return (
    <time dateTime={new Date(at).toISOString()} title={absoluteTime(at, lang)}>
      {relativeTime(at, now ?? Date.now(), lang)}
    </time>
  );
}

/** Team sync: "beantwortet von Anna, 09:12" (today: time only), "ignoriert von Ben", "Notiz von Anna". */
function WhoDidIt({ mention }: { mention: Mention }) {
  const parts: string[] = [];
  if (mention.status === 'answered' && mention.answeredBy) {
    const at = mention.answeredAt ?? mention.statusChangedAt;
    const sameDay = new Date(at).toDateString() === new Date().toDateString();
    const when = sameDay
      ? new Date(at).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })
      : absoluteTime(at, uiLang());
    parts.push(t('teamAnsweredBy', [mention.answeredBy, when]));
  } else if (mention.status === 'ignored' && mention.statusBy) {
    parts.push(t('teamIgnoredBy', mention.statusBy));
  }
  if (mention.note && mention.noteBy) parts.push(t('teamNoteBy', mention.noteBy));
  if (!parts.length) return null;
  return (
    <>
      <span>·</span>
      <span data-testid="mention-who">{parts.join(' · ')}</span>
    </>
  );
}

/** One mention; page text is rendered as text only (never as HTML). */
export function MentionCard({
  mention,
  profile,
  urgent,
  overdue,
  now,
  testId = 'mention-card',
  focusable,
  children,
}: {
  mention: Mention;
  profile: Profile;
  urgent?: boolean;
  /** Open longer than the response promise allows. */
  overdue?: boolean;
  /** For the relative time (default: render time). */
  now?: number;
  testId?: string;
  /** Focusable by script (the popup moves focus to the next card after an action), not a tab stop. */
  focusable?: boolean;
  children?: ComponentChildren;
}) {
  const kind = mention.kind === 'comment' ? t('kindComment') : t('kindPost');
  return (
    <article
      class={`card${urgent ? ' urgent' : ''}${overdue ? ' overdue' : ''}`}
      data-testid={testId}
      data-mention-id={mention.id}
      tabIndex={focusable ? -1 : undefined}
      aria-label={`${kind}: ${mention.snippet.slice(0, 80)}`}
    >
      <div class="meta row">
        <span>{platformLabel(tr, mention.platform)}</span>
        <span>·</span>
        <span>{kind}</span>
        <span>·</span>
        <span>{mention.author || t('authorUnknown')}</span>
        <span>·</span>
        <TimeAgo at={mention.firstSeen} now={now} />
        <span>·</span>
        <span data-testid="mention-status">{(STATUS_TEXT[mention.status] ?? STATUS_TEXT.new)()}</span>
        <WhoDidIt mention={mention} />
        {urgent && <strong class="error">{t('urgent')}</strong>}
        {overdue && (
          <strong class="badge-overdue" data-testid="overdue-badge">
            {t('digestOverdue')}
          </strong>
        )}
      </div>
      <blockquote>{mention.snippet}</blockquote>
      <div class="row">
        {mention.topicIds.map((id) => (
          <TopicChip key={id} topicId={id} topics={profile.topics} municipality={profile.municipality.name} />
        ))}
      </div>
      {children}
    </article>
  );
}
