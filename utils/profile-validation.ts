// The ONE validator for a team profile, used by the options page before saving and by the profile import: it compiles
// the matcher term by term and checks what the matcher does not care about (an empty town, blank topics). Pure: it
// returns message keys and their values; pages translate them (utils/validation-messages.ts).
import { type ConfigProblem, checkConfig, MAX_TERM_LENGTH, MUNICIPALITY_TOPIC, REASON_MESSAGE_KEYS } from './matcher';
import { preview } from './matcher/terms';
import { matcherConfigOf, type Profile } from './settings';

export interface ValidationIssue {
  /**
   * The field the message belongs next to: `municipality.name`, `municipality.aliases`, `municipality.contextual`,
   * `topics.<index>.label`, `topics.<index>.terms`, `topics.<index>.exclude`.
   */
  field: string;
  /** A key of public/_locales/<lang>/messages.json. */
  messageKey: string;
  /** Its substitutions, in order ($1 … $n). */
  values: string[];
}

function termIssue(profile: Profile, p: ConfigProblem): ValidationIssue {
  const topicIndex = profile.topics.findIndex((t) => t.id === p.topicId);
  const topic = profile.topics[topicIndex];
  const field = p.topicId === MUNICIPALITY_TOPIC ? `municipality.${p.field}` : `topics.${topicIndex}.${p.field}`;
  // name the place by what the user sees: the topic's label, or the town's name
  const where = p.topicId === MUNICIPALITY_TOPIC ? profile.municipality.name : (topic?.label ?? p.topicId);
  return {
    field,
    messageKey: REASON_MESSAGE_KEYS[p.reason],
    values: [preview(p.term), where, String(MAX_TERM_LENGTH)],
  };
}

/** Every problem of the profile, in the order of the form; an empty list means it can be saved. */
export function validateProfile(profile: Profile): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (!profile.municipality.name.trim())
    issues.push({ field: 'municipality.name', messageKey: 'validateNameEmpty', values: [] });
  const termIssues = checkConfig(matcherConfigOf(profile)).problems.map((p) => termIssue(profile, p));
  issues.push(...termIssues.filter((i) => i.field.startsWith('municipality.')));
  profile.topics.forEach((topic, i) => {
    if (!topic.label.trim())
      issues.push({ field: `topics.${i}.label`, messageKey: 'validateTopicLabelEmpty', values: [String(i + 1)] });
    if (topic.terms.length === 0)
      issues.push({
        field: `topics.${i}.terms`,
        messageKey: 'validateTopicNoTerms',
        values: [topic.label.trim() || String(i + 1)],
      });
    issues.push(...termIssues.filter((x) => x.field.startsWith(`topics.${i}.`)));
  });
  return issues;
}
