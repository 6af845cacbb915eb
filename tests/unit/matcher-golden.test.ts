// Golden corpus: realistic German posts and comments with every expected match (tests/fixtures/matcher/).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileMatcher, type MatcherConfig } from '../../utils/matcher';

interface Group {
  name: string;
  config: MatcherConfig;
  cases: Array<{ text: string; expect: string[] }>;
}

const groups: Group[] = JSON.parse(
  readFileSync(join(import.meta.dirname, '..', 'fixtures', 'matcher', 'corpus.json'), 'utf8'),
);

describe('matcher golden corpus', () => {
  it('has at least 100 texts', () => {
    expect(groups.reduce((n, g) => n + g.cases.length, 0)).toBeGreaterThanOrEqual(100);
  });

  for (const group of groups) {
    describe(group.name, () => {
      const matcher = compileMatcher(group.config);
      for (const c of group.cases) {
        it(JSON.stringify(c.text.slice(0, 70)), () => {
          const found = matcher.scan(c.text).map((m) => `${m.topicId}:${c.text.slice(m.start, m.end)}`);
          expect(found).toEqual(c.expect);
        });
      }
    });
  }
});
