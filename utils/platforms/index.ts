import { generic } from './generic';
import type { PlatformAdapter } from './types';

const ADAPTERS: PlatformAdapter[] = [];

export function pickAdapter(url: URL, doc: Document): PlatformAdapter {
  return ADAPTERS.find((a) => a.matches(url, doc)) ?? generic;
}
