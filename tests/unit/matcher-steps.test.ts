// Compiling in steps (utils/matcher/steps.ts): a big profile yields often enough for the content script to spread it
// over tasks, gives the same matcher as the one-go compile, and the slice runner pauses only once its budget is used.
import { describe, expect, it } from 'vitest';
import { madeUpWords } from '../../bench/_feed';
import {
  compileMatcher,
  compileTolerant,
  compileTolerantSteps,
  type MatcherConfig,
  runStepsInSlices,
  type Steps,
} from '../../utils/matcher';
import { compileSteps } from '../../utils/matcher/compile';

function bigConfig(terms: number): MatcherConfig {
  const list = madeUpWords(terms);
  return {
    municipality: { name: 'Musterstadt', aliases: ['#musterstadt'] },
    topics: [
      { id: 'a', terms: list.slice(0, terms / 2).map((w, i) => (i % 10 === 0 ? `${w}*` : w)) },
      { id: 'b', terms: list.slice(terms / 2), exclude: ['Bauweg am See'] },
    ],
  };
}

function countYields<T>(steps: Steps<T>): { yields: number; value: T } {
  let yields = 0;
  for (;;) {
    const r = steps.next();
    if (r.done) return { yields, value: r.value };
    yields += 1;
  }
}

describe('compiling in steps', () => {
  it('yields between small batches of a 4,000-term profile and gives the same matches as compiling at once', () => {
    const config = bigConfig(4000);
    const { yields, value } = countYields(compileTolerantSteps(config));
    // checking (64 terms a step), parsing (32 a step) and the trie (512 keys a step): well over 100 pauses possible
    expect(yields).toBeGreaterThan(150);
    expect(value.problems).toEqual([]);
    const list = madeUpWords(4000);
    // an exact term of topic a, a prefix term of a with a suffix, the last term of b
    const text = `Der ${list[1]} in Musterstadt, die ${list[10]}sanierung, #musterstadt und ${list[3999]}.`;
    const once = compileMatcher(config).scan(text);
    expect(value.matcher.scan(text)).toEqual(once);
    expect(once.map((m) => text.slice(m.start, m.end))).toEqual([
      list[1],
      'Musterstadt',
      `${list[10]}sanierung`,
      '#musterstadt',
      list[3999],
    ]);
  });

  it('a small profile needs few steps, and a bad term is still reported, not thrown', () => {
    const { yields } = countYields(compileSteps({ municipality: { name: 'Musterstadt' }, topics: [] }));
    expect(yields).toBe(4); // only the fixed pauses between the trie's passes and before the tables
    const tolerant = countYields(compileTolerantSteps({ municipality: { name: 'Musterstadt', aliases: ['???'] } }));
    expect(tolerant.value.problems.map((p) => p.reason)).toEqual(['no-letters']);
    expect(compileTolerant({ municipality: { name: 'Musterstadt', aliases: ['???'] } }).problems).toEqual(
      tolerant.value.problems,
    );
  });
});

describe('runStepsInSlices', () => {
  /** Steps that each advance a fake clock by 1 ms. */
  function* work(clock: { t: number }, steps: number): Steps<string> {
    for (let i = 0; i < steps; i++) {
      clock.t += 1;
      yield;
    }
    return 'done';
  }

  it('runs the first slice up to firstMs, then pauses every sliceMs', async () => {
    const clock = { t: 0 };
    const pausedAt: number[] = [];
    const value = await runStepsInSlices(work(clock, 30), {
      firstMs: 10,
      sliceMs: 4,
      now: () => clock.t,
      pause: async () => {
        pausedAt.push(clock.t);
      },
    });
    expect(value).toBe('done');
    expect(pausedAt).toEqual([10, 14, 18, 22, 26, 30]);
  });

  it('stops at the first pause after it was cancelled', async () => {
    const clock = { t: 0 };
    let cancel = false;
    const value = await runStepsInSlices(work(clock, 30), {
      firstMs: 4,
      sliceMs: 4,
      now: () => clock.t,
      pause: async () => {
        if (clock.t >= 8) cancel = true;
      },
      cancelled: () => cancel,
    });
    expect(value).toBeUndefined();
    expect(clock.t).toBe(8);
  });

  it('does not pause at all when the work fits the first slice', async () => {
    const clock = { t: 0 };
    let pauses = 0;
    await runStepsInSlices(work(clock, 5), {
      firstMs: 25,
      sliceMs: 8,
      now: () => clock.t,
      pause: async () => {
        pauses += 1;
      },
    });
    expect(pauses).toBe(0);
  });
});
