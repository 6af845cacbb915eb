// The matcher's configuration is the `municipality` + `topics` part of the team profile: keep it plain JSON.

export interface MunicipalityConfig {
  /**
   * The town's name as the user (or the official register) writes it: "Stuttgart", "Kiel, Landeshauptstadt",
   * "Halle (Saale)", "Frankfurt am Main". Matches its usual inflections (Stuttgarts, Stuttgarter, Stuttgarterinnen, …)
   * and, for register names, the short name; names ending in -stadt/-statt also take the umlaut (Darmstadt →
   * Darmstädter, Darmstädterinnen). An empty name disables municipality matching.
   */
  name: string;
  /** Other names, districts, hashtags and handles: "S-Vaihingen", "#stuttgart", "@StadtStuttgart". */
  aliases?: string[];
  /** Match the name and aliases only with the capitalisation given (towns named Essen, Halle, Hof, Wetter, …). */
  caseSensitive?: boolean;
  /** Terms whose matches suppress every match they overlap, like a topic's `exclude` ("VfB Stuttgart"). */
  exclude?: string[];
  /**
   * Bare words that count only with a town signal (context matching), for names that are everyday words or shared
   * by several towns: "Halle", "Weil", "Essen". The word and its inflections match only right after a preposition
   * ("in Halle", "aus Essen"), right after "#", or when the same text also holds another municipality match (the
   * official name "Weil am Rhein", the hashtag, a demonym, a district). Takes precedence over the same word in
   * `name`; forms that an alias spells out ("Essener") count on their own.
   */
  contextual?: string[];
}

export interface TopicConfig {
  id: string;
  /**
   * `Umleitung` (whole word), `Baustelle*` (prefix), `"Sperrung der B14"` (phrase across any whitespace). A prefix
   * whose last vowel is a, o, u or au also matches with the umlaut: `Ausbildungsplatz*` finds `Ausbildungsplätze`.
   */
  terms: string[];
  /** Terms whose matches suppress every match they overlap, whatever its topic. */
  exclude?: string[];
  caseSensitive?: boolean;
}

export interface MatcherConfig {
  municipality: MunicipalityConfig;
  topics: TopicConfig[];
}

export interface Match {
  /** UTF-16 offsets into the original text (what `Range` needs); `end` is exclusive. */
  start: number;
  end: number;
  /** The topic id, or `'municipality'` for the town's name and aliases. */
  topicId: string;
  /** The configured term as the user wrote it (for municipality matches: the configured name or alias). */
  term: string;
}

export interface Matcher {
  /** All matches in `text`, sorted by start, then by end descending. */
  scan(text: string): Match[];
}

export const MUNICIPALITY_TOPIC = 'municipality';
