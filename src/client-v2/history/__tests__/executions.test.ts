import { executionDuration, formatDuration } from '../executions';

describe('execution summaries', () => {
  it('measures an ended execution from its start, and nothing while it runs', () => {
    const at = (ms: number) => new Date(Date.UTC(2026, 0, 1) + ms).toISOString();
    expect(executionDuration({ id: 1, status: 1, createdAt: at(0), updatedAt: at(850) })).toBe(850);
    expect(executionDuration({ id: 1, status: -1, createdAt: at(0), startedAt: at(200), updatedAt: at(1200) })).toBe(
      1000,
    );
    expect(executionDuration({ id: 1, status: 0, createdAt: at(0), updatedAt: at(50) })).toBeNull();
    expect(executionDuration({ id: 1, status: null, createdAt: at(0) })).toBeNull();
    expect(executionDuration({ id: 1, status: 1 })).toBeNull();
    expect(executionDuration(null)).toBeNull();
  });

  it('formats durations from milliseconds to hours', () => {
    expect(formatDuration(0)).toBe('0 ms');
    expect(formatDuration(850.4)).toBe('850 ms');
    expect(formatDuration(1000)).toBe('1 s');
    expect(formatDuration(1234)).toBe('1.2 s');
    expect(formatDuration(12_600)).toBe('13 s');
    expect(formatDuration(125_000)).toBe('2 m 5 s');
    expect(formatDuration(3_780_000)).toBe('1 h 3 m');
  });
});
