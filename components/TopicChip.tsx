import { MUNICIPALITY_TOPIC } from '../utils/matcher';
import { SLOT_COLORS } from '../utils/scanner/highlight-styles';
import type { Topic } from '../utils/settings';

export function TopicChip({
  topicId,
  topics,
  municipality,
}: {
  topicId: string;
  topics: Topic[];
  municipality: string;
}) {
  if (topicId === MUNICIPALITY_TOPIC) {
    return (
      <span class="chip" style={{ background: '#fff06a' }}>
        {municipality}
      </span>
    );
  }
  const topic = topics.find((t) => t.id === topicId);
  return (
    <span class="chip" style={{ background: topic ? SLOT_COLORS[topic.color] : SLOT_COLORS.grey }}>
      {topic?.label ?? topicId}
    </span>
  );
}
