import type { ComponentChildren } from 'preact';
import { PLATFORM_LABELS } from '../utils/export/csv';
import { t } from '../utils/i18n';
import type { Mention, MentionStatus } from '../utils/model';
import type { Profile } from '../utils/settings';
import { TopicChip } from './TopicChip';

const STATUS_TEXT: Record<MentionStatus, () => string> = {
  new: () => t('statusNew'),
  seen: () => t('statusSeen'),
  answered: () => t('statusAnswered'),
  ignored: () => t('statusIgnored'),
};

export function formatTime(ms: number): string {
  return new Date(ms).toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'short' });
}

/** Team sync: "beantwortet von Anna, 09:12" (today: time only), "ignoriert von Ben", "Notiz von Anna". */
function WhoDidIt({ mention }: { mention: Mention }) {
  const parts: string[] = [];
  if (mention.status === 'answered' && mention.answeredBy) {
    const at = mention.answeredAt ?? mention.statusChangedAt;
    const sameDay = new Date(at).toDateString() === new Date().toDateString();
    const when = sameDay
      ? new Date(at).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })
      : formatTime(at);
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
  children,
}: {
  mention: Mention;
  profile: Profile;
  urgent?: boolean;
  children?: ComponentChildren;
}) {
  const kind = mention.kind === 'comment' ? t('kindComment') : t('kindPost');
  return (
    <article
      class={`card${urgent ? ' urgent' : ''}`}
      data-testid="mention-card"
      aria-label={`${kind}: ${mention.snippet.slice(0, 80)}`}
    >
      <div class="meta row">
        <span>{PLATFORM_LABELS[mention.platform]}</span>
        <span>·</span>
        <span>{kind}</span>
        <span>·</span>
        <span>{mention.author || t('authorUnknown')}</span>
        <span>·</span>
        <time dateTime={new Date(mention.firstSeen).toISOString()}>{formatTime(mention.firstSeen)}</time>
        <span>·</span>
        <span data-testid="mention-status">{STATUS_TEXT[mention.status]()}</span>
        <WhoDidIt mention={mention} />
        {urgent && <strong class="error">{t('urgent')}</strong>}
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
