import { effectiveRetention, parseRetentionUpdate } from '../retentionLimits';

describe('retention limits', () => {
  it('accepts positive limits, whole numbers of rows, numeric strings, and null or empty to clear', () => {
    expect(
      parseRetentionUpdate({ maxAgeDays: 0.5, maxRowsPerWorkflow: '20', maxRefusedPerWorkflow: null, other: 1 }),
    ).toEqual({
      ok: true,
      values: { maxAgeDays: 0.5, maxRowsPerWorkflow: 20, maxRefusedPerWorkflow: null },
    });
    expect(parseRetentionUpdate({ maxAgeDays: '' })).toEqual({ ok: true, values: { maxAgeDays: null } });
    expect(parseRetentionUpdate({})).toEqual({ ok: true, values: {} });
  });

  it('refuses what is not a positive number, naming the field', () => {
    for (const [values, field] of [
      [{ maxAgeDays: 0 }, 'maxAgeDays'],
      [{ maxAgeDays: 'soon' }, 'maxAgeDays'],
      [{ maxAgeDays: 40_000 }, 'maxAgeDays'],
      [{ maxRowsPerWorkflow: 1.5 }, 'maxRowsPerWorkflow'],
      [{ maxRefusedPerWorkflow: -3 }, 'maxRefusedPerWorkflow'],
      [{ maxRefusedPerWorkflow: 3e9 }, 'maxRefusedPerWorkflow'],
    ] as const) {
      const result = parseRetentionUpdate(values);
      expect(result.ok).toBe(false);
      expect(!result.ok && result.message).toContain(field);
    }
    expect(parseRetentionUpdate(null).ok).toBe(false);
    expect(parseRetentionUpdate([1]).ok).toBe(false);
  });

  it('takes each stored limit, else the fallback', () => {
    expect(
      effectiveRetention(
        { maxAgeDays: 2, maxRowsPerWorkflow: null, maxRefusedPerWorkflow: 5 },
        { maxAgeDays: 7, maxRowsPerWorkflow: 10_000, maxRefusedPerWorkflow: 1_000 },
      ),
    ).toEqual({ maxAgeDays: 2, maxRowsPerWorkflow: 10_000, maxRefusedPerWorkflow: 5 });
  });
});
