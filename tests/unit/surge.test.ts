import { describe, expect, it } from 'vitest';
import { isSurging, surgeStep, topicRates } from '../../utils/surge';

const H = 3_600_000;
const NOW = Date.UTC(2026, 11, 1, 9);
const RULE = { factor: 3, min: 5 };
const at = (ms: number, topicIds = ['unwetter']) => ({ firstSeen: NOW - ms, topicIds });

describe('surge rule', () => {
  it('counts the last hour apart from the 7 days before it', () => {
    const rows = [
      at(10 * 60_000),
      at(59 * 60_000, ['unwetter', 'bau']),
      at(2 * H),
      at(7 * 24 * H + 30 * 60_000),
      at(8 * 24 * H),
    ];
    expect(topicRates(rows, NOW)).toEqual([
      { topicId: 'unwetter', lastHour: 2, trailing: 2 },
      { topicId: 'bau', lastHour: 1, trailing: 0 },
    ]);
  });

  it('needs more than 3× the hourly mean AND at least 5', () => {
    expect(isSurging({ topicId: 't', lastHour: 5, trailing: 0 }, RULE)).toBe(true);
    expect(isSurging({ topicId: 't', lastHour: 4, trailing: 0 }, RULE)).toBe(false);
    // mean 2/h over 168 h (336): needs more than 6
    expect(isSurging({ topicId: 't', lastHour: 6, trailing: 336 }, RULE)).toBe(false);
    expect(isSurging({ topicId: 't', lastHour: 7, trailing: 336 }, RULE)).toBe(true);
    // configurable
    expect(isSurging({ topicId: 't', lastHour: 7, trailing: 336 }, { factor: 4, min: 5 })).toBe(false);
    expect(isSurging({ topicId: 't', lastHour: 3, trailing: 0 }, { factor: 3, min: 3 })).toBe(true);
  });

  it('alerts once per topic per surge, again after it ended, never outside office hours', () => {
    const surge = [{ topicId: 'unwetter', lastHour: 6, trailing: 0 }];
    const calm = [{ topicId: 'unwetter', lastHour: 1, trailing: 0 }];
    const first = surgeStep(surge, RULE, [], true);
    expect(first.alert.map((r) => r.topicId)).toEqual(['unwetter']);
    const second = surgeStep([{ topicId: 'unwetter', lastHour: 9, trailing: 0 }], RULE, first.alerted, true);
    expect(second.alert).toEqual([]);
    const ended = surgeStep(calm, RULE, second.alerted, true);
    expect(ended.alerted).toEqual([]);
    expect(surgeStep(surge, RULE, ended.alerted, true).alert).toHaveLength(1);
    // Outside office hours: nothing, and nothing remembered, so it is announced once office hours begin.
    const outside = surgeStep(surge, RULE, [], false);
    expect(outside).toEqual({ alert: [], alerted: [] });
    expect(surgeStep(surge, RULE, outside.alerted, true).alert).toHaveLength(1);
  });
});
