// Context matching: a town name that is also an everyday word ("Halle", "Weil", "Essen") or shared by several towns
// counts only with a town signal. Pure: the adjacent signals are read from the original text around a match.

/**
 * Prepositions that put a place after them: "in Halle", "aus Essen", "nach Weil". Contractions with an article
 * ("im", "am", "vom", "zum", "beim") are left out on purpose: "im Hof", "am Wetter" are nouns, not towns.
 */
const TOWN_PREPOSITIONS = new Set([
  'in',
  'aus',
  'nach',
  'von',
  'bei',
  'um',
  'ab',
  'bis',
  'über',
  'nahe',
  'zwischen',
  'richtung',
]);

const SPACE = /[\s\u00a0]/u;
const LETTER = /\p{L}/u;

/** Whether the match at `start` has a town signal right before it: "#" or a preposition. */
export function hasAdjacentSignal(text: string, start: number): boolean {
  if (start > 0 && text[start - 1] === '#') return true;
  let i = start;
  while (i > 0 && SPACE.test(text[i - 1] as string)) i--;
  if (i === start) return false; // glued to something else ("Sporthalle" is no match anyway)
  const end = i;
  while (i > 0 && LETTER.test(text[i - 1] as string)) i--;
  if (i === end) return false;
  if (i > 0 && /[\p{L}\p{N}]/u.test(text[i - 1] as string)) return false;
  return TOWN_PREPOSITIONS.has(text.slice(i, end).toLowerCase());
}

/** Words before a noun: "die Halle", "im Hof", "unser Wetter". After them the bare word is the noun, not the town. */
const DETERMINERS = new Set(
  'der die das den dem des ein eine einer einem einen eines im am vom zum zur beim ins ans aufs kein keine keinen unser unsere unserem unseren unserer mein meine dein deine sein seine ihr ihre dieser diese dieses diesen jeder jede jedes welche welcher'.split(
    ' ',
  ),
);

/**
 * Whether the bare word at `start` is where a town name can stand when the text holds another town signal: not at
 * the start of the text or of a sentence ("Weil es regnet …"), and not after an article ("Die Halle der Schule").
 */
export function canBeTown(text: string, start: number): boolean {
  let i = start;
  while (i > 0 && SPACE.test(text[i - 1] as string)) i--;
  if (i === 0 || /[.!?:;\n]/u.test(text[i - 1] as string)) return false;
  const end = i;
  while (i > 0 && LETTER.test(text[i - 1] as string)) i--;
  return !DETERMINERS.has(text.slice(i, end).toLowerCase());
}
