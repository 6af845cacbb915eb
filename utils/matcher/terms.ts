// Parsing and validating configured terms, and generating the municipality's inflected forms.
import { foldString, hasWordChar } from './normalise';

export const MAX_TERM_LENGTH = 200;

export type MatcherConfigErrorReason =
  | 'invalid-config'
  | 'not-a-string'
  | 'empty'
  | 'too-long'
  | 'no-letters'
  | 'unbalanced-quote'
  | 'misplaced-wildcard';

const REASONS: Record<MatcherConfigErrorReason, string> = {
  'invalid-config': 'the configuration is not in the expected shape',
  'not-a-string': 'a term must be text',
  empty: 'the term is empty',
  'too-long': `a term may be at most ${MAX_TERM_LENGTH} characters long`,
  'no-letters': 'the term needs at least one letter or digit',
  'unbalanced-quote': 'quotes must enclose the whole term, as in "Sperrung der B14"',
  'misplaced-wildcard': 'the wildcard * is only allowed at the end of a term, as in Baustelle*',
};

/** The _locales key that explains each reason to the user (values: the term, the topic's label, the limit). */
export const REASON_MESSAGE_KEYS = {
  'invalid-config': 'validateInvalidConfig',
  'not-a-string': 'validateNotAString',
  empty: 'validateEmpty',
  'too-long': 'validateTooLong',
  'no-letters': 'validateNoLetters',
  'unbalanced-quote': 'validateUnbalancedQuote',
  'misplaced-wildcard': 'validateMisplacedWildcard',
} as const satisfies Record<MatcherConfigErrorReason, string>;

export function preview(term: string): string {
  return term.length > 60 ? `${term.slice(0, 57)}…` : term;
}

/** A configuration problem, naming the offending term (and topic) so the options page can point at it. */
export class MatcherConfigError extends Error {
  override readonly name = 'MatcherConfigError';

  constructor(
    readonly reason: MatcherConfigErrorReason,
    /** The offending term as configured (stringified if it was not a string). */
    readonly term: string,
    /** The topic id, `'municipality'`, or undefined when the problem is not in a topic. */
    readonly topicId?: string,
  ) {
    // For developers and the console; pages show REASON_MESSAGE_KEYS[reason] in the UI language.
    const where = topicId === undefined ? '' : ` in topic "${topicId}"`;
    super(`Invalid term "${preview(term)}"${where}: ${REASONS[reason]}`);
  }

  get messageKey(): (typeof REASON_MESSAGE_KEYS)[MatcherConfigErrorReason] {
    return REASON_MESSAGE_KEYS[this.reason];
  }
}

export interface ParsedTerm {
  /** As configured. */
  raw: string;
  /** Without surrounding quotes, trailing wildcard and outer whitespace. */
  body: string;
  quoted: boolean;
  prefix: boolean;
}

const QUOTES = new Set(['"', '„', '“', '”', '«', '»']);

function hasQuote(s: string): boolean {
  for (const ch of s) if (QUOTES.has(ch)) return true;
  return false;
}

export function parseTerm(raw: unknown, topicId?: string): ParsedTerm {
  if (typeof raw !== 'string') throw new MatcherConfigError('not-a-string', String(raw), topicId);
  if (raw.length > MAX_TERM_LENGTH) throw new MatcherConfigError('too-long', raw, topicId);
  let body = raw.trim();
  if (body.length === 0) throw new MatcherConfigError('empty', raw, topicId);
  let quoted = false;
  const first = body[0] as string;
  const last = body[body.length - 1] as string;
  if (QUOTES.has(first) || QUOTES.has(last)) {
    if (body.length < 2 || !QUOTES.has(first) || !QUOTES.has(last))
      throw new MatcherConfigError('unbalanced-quote', raw, topicId);
    body = body.slice(1, -1).trim();
    quoted = true;
  }
  if (hasQuote(body)) throw new MatcherConfigError('unbalanced-quote', raw, topicId);
  let prefix = false;
  if (body.endsWith('*')) {
    prefix = true;
    body = body.slice(0, -1).trimEnd();
  }
  if (body.includes('*')) throw new MatcherConfigError('misplaced-wildcard', raw, topicId);
  if (body.length === 0) throw new MatcherConfigError('empty', raw, topicId);
  if (!hasWordChar(foldString(body))) throw new MatcherConfigError('no-letters', raw, topicId);
  return { raw, body, quoted, prefix };
}

/** One string the matcher looks for: its folded form, and its case-keeping fold for case-sensitive checks. */
export interface TermForm {
  folded: string;
  keepCase: string;
  prefix: boolean;
}

export function formOf(text: string, prefix: boolean): TermForm {
  const keepCase = foldString(text, true).trim();
  return { folded: foldString(keepCase).trim(), keepCase, prefix };
}

export function termForms(term: ParsedTerm): TermForm[] {
  const form = formOf(term.body, term.prefix);
  if (!term.prefix) return [form];
  const umlauted = umlautStem(form.keepCase);
  return umlauted === null ? [form] : [form, formOf(umlauted, true)];
}

const VOWEL = /[aeiouy]/i;

/**
 * The umlaut form of a stem whose last vowel is a, o, u or au followed by consonants, as in German plurals and
 * derivations: Ausbildungsplatz → Ausbildungsplaetz (Ausbildungsplätze), Schlagloch → Schlagloech (Schlaglöcher),
 * Haus → Haeus (Häuser). Takes and returns a case-keeping fold (umlauts spelled ae/oe/ue); null when the last vowel
 * cannot take an umlaut (e, i, ei, ie, eu, an umlaut already, a final vowel, -ung, -ion, …).
 */
export function umlautStem(stem: string): string | null {
  let end = stem.length;
  while (end > 0 && !VOWEL.test(stem[end - 1] as string)) {
    if (!/\p{L}/u.test(stem[end - 1] as string)) return null; // the last word must end in letters
    end--;
  }
  if (end === 0 || end === stem.length) return null;
  let start = end - 1;
  while (start > 0 && VOWEL.test(stem[start - 1] as string)) start--;
  const vowels = stem.slice(start, end).toLowerCase();
  if (vowels !== 'a' && vowels !== 'o' && vowels !== 'u' && vowels !== 'au') return null;
  if (/(?:ung|ion)$/i.test(stem)) return null; // suffixes that never take an umlaut: Bewerbung, Station
  // ä is "ae" in the case-keeping fold (Ä → "Ae"), so the e goes right after the first vowel
  return `${stem.slice(0, start + 1)}e${stem.slice(start + 1)}`;
}

const ADJECTIVE_ENDINGS = ['er', 'erin', 'erinnen', 'ern', 'ers', 'ere', 'erem', 'eren', 'eres'];
const ANER_ENDINGS = ['aner', 'anerin', 'anerinnen', 'anern', 'aners', 'anere', 'anerem', 'aneren', 'aneres'];

/**
 * The usual inflections of a place name (given in its case-keeping fold, e.g. "Tuebingen"): the name, the genitive
 * and the -er adjective with its forms. Over-generation is harmless (the forms are only ever matched as whole words).
 */
export function inflect(name: string): string[] {
  const out = new Set<string>([name, `${name}s`]);
  const lower = name.toLowerCase();
  const add = (stem: string, endings: string[]) => {
    for (const e of endings) out.add(stem + e);
  };
  if (lower.endsWith('e')) {
    add(name.slice(0, -1), ADJECTIVE_ENDINGS); // Celle → Celler
  } else {
    add(name, ADJECTIVE_ENDINGS); // Stuttgart → Stuttgarter, Essen → Essener, Jena → Jenaer
  }
  if (lower.endsWith('en') && name.length > 4) {
    add(name.slice(0, -2), ADJECTIVE_ENDINGS); // Tübingen → Tübinger, Bremen → Bremer
    add(`${name.slice(0, -2)}n`, ADJECTIVE_ENDINGS); // München → Münchner, Dresden → Dresdner
  }
  if (lower.endsWith('el') && name.length > 4) add(`${name.slice(0, -2)}l`, ADJECTIVE_ENDINGS); // Kassel → Kassler
  if (lower.endsWith('er') && name.length > 4) {
    add(name, ANER_ENDINGS); // Hannover → Hannoveraner
    add(name, ['in', 'innen']); // a demonym given as the name: Frankfurter → Frankfurterin
  }
  if (/st(?:adt|att)$/.test(lower) && name.length > 5) {
    // Darmstadt → Darmstädter, Musterstadt → Musterstädterinnen (and Musterstaedter: ä folds to ae)
    add(`${name.slice(0, -2)}e${name.slice(-2)}`, ADJECTIVE_ENDINGS);
  }
  return [...out];
}

function isInflectable(term: ParsedTerm): boolean {
  if (term.quoted || term.prefix) return false;
  const first = term.body[0] as string;
  if (first === '#' || first === '@') return false;
  return /\p{L}$/u.test(term.body);
}

/**
 * Short names from the official register: "Kiel, Landeshauptstadt" → "Kiel"; "Halle (Saale)" → "Halle (Saale)" and
 * "Halle"; "Halle (Saale), Stadt" → both as well.
 */
export function registerNames(body: string): string[] {
  const comma = body.indexOf(',');
  const short = (comma > 0 ? body.slice(0, comma) : body).trim();
  const names = [short];
  const paren = /^(.*\S)\s*\([^()]*\)$/u.exec(short);
  if (paren?.[1] && hasWordChar(paren[1])) names.push(paren[1]);
  return names.filter(hasWordChar);
}

/** All forms of the municipality name or of one alias. */
export function municipalityForms(term: ParsedTerm): TermForm[] {
  const names = term.quoted ? [term.body] : registerNames(term.body);
  const forms = new Map<string, TermForm>();
  for (const name of names) {
    const sub: ParsedTerm = { ...term, body: name };
    const base = formOf(name, term.prefix);
    const variants = isInflectable(sub) ? inflect(base.keepCase) : [base.keepCase];
    for (const v of variants) {
      const form = v === base.keepCase ? base : formOf(v, term.prefix);
      if (!forms.has(form.folded)) forms.set(form.folded, form);
    }
  }
  return [...forms.values()];
}
