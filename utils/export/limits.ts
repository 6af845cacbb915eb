// Limits for everything that comes in by file (and what the options page states next to the import buttons).
// Generous for real teams, small enough that one bad file cannot hang a page or slow every site.

export const PROFILE_MAX_BYTES = 2 * 1024 * 1024;
export const LOG_MAX_BYTES = 200 * 1024 * 1024;
export const MAX_TOPICS = 200;
export const MAX_TERMS_PER_TOPIC = 2000;
export const MAX_ALIASES = 200;
export const MAX_TEMPLATES = 200;
export const MAX_TEMPLATE_BODY = 5000;
export const MAX_TEMPLATE_TITLE = 200;
export const MAX_LABEL = 100;
export const MAX_NAME = 200;
/** Ids of topics and templates: letters, digits, "-" and "_". */
export const ID_PATTERN = /^[\p{L}\p{N}_-]{1,64}$/u;
/** Per mention entry of a log file. */
export const MAX_URL = 4000;
export const MAX_KEY = 4000;
export const MAX_TEXT = 20_000;
export const MAX_SHORT = 500;
export const MAX_LIST = 2000;
