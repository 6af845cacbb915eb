import { MUNICIPALITY_COLOR, slotColor } from '../utils/labels';
import { MUNICIPALITY_TOPIC } from '../utils/matcher';
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
      <span class="chip" style={{ background: MUNICIPALITY_COLOR }}>
        {municipality}
      </span>
    );
  }
  const topic = topics.find((t) => t.id === topicId);
  return (
    <span class="chip" style={{ background: slotColor(topic?.color) }}>
      {topic?.label ?? topicId}
    </span>
  );
}
