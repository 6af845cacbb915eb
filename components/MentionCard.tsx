import type { ComponentChildren } from 'preact';
import { isValidTime } from '../utils/dates';
import { t, tr } from '../utils/i18n';
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

/** Short local date and time; a badly stored time reads "ungültiges Datum" instead of throwing. */
export function formatTime(ms: number): string {
  if (!isValidTime(ms)) return t('dataInvalidDate');
  return new Date(ms).toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'short' });
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
        <span>{platformLabel(tr, mention.platform)}</span>
        <span>·</span>
        <span>{kind}</span>
        <span>·</span>
        <span>{mention.author || t('authorUnknown')}</span>
        <span>·</span>
        {isValidTime(mention.firstSeen) ? (
          <time dateTime={new Date(mention.firstSeen).toISOString()}>{formatTime(mention.firstSeen)}</time>
        ) : (
          <span data-testid="invalid-date">{t('dataInvalidDate')}</span>
        )}
        <span>·</span>
        <span data-testid="mention-status">{(STATUS_TEXT[mention.status] ?? STATUS_TEXT.new)()}</span>
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
