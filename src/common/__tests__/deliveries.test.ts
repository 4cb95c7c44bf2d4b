import { deliveryFilter, isReplayable, keptNothing, outcomeOf, statesOf } from '../deliveries';

describe('delivery outcomes', () => {
  it('names each stored state as the history shows it', () => {
    expect(['finished', 'started', 'stored', 'failed', 'refused', 'duplicate', 'dropped'].map(outcomeOf)).toEqual([
      'ran',
      'running',
      'waiting',
      'failed',
      'refused',
      'duplicate',
      'dropped',
    ]);
    expect(outcomeOf('something-new')).toBe('waiting');
  });

  it('filters by the states behind the chosen outcomes', () => {
    expect(statesOf(['refused'])).toEqual(['refused']);
    expect(statesOf(['ran', 'failed'])).toEqual(['finished', 'failed']);
    expect(deliveryFilter(7)).toEqual({ workflowId: 7 });
    expect(deliveryFilter(7, ['refused', 'duplicate'])).toEqual({
      workflowId: 7,
      state: { $in: ['refused', 'duplicate'] },
    });
  });

  it('replays everything but refused and repeated requests and left-out events', () => {
    expect(isReplayable({ state: 'finished' })).toBe(true);
    expect(isReplayable({ state: 'failed' })).toBe(true);
    expect(isReplayable({ state: 'stored' })).toBe(true);
    expect(isReplayable({ state: 'refused' })).toBe(false);
    expect(isReplayable({ state: 'duplicate' })).toBe(false);
    expect(isReplayable({ state: 'dropped' })).toBe(false);
  });

  it('knows that nothing is kept of a request refused for its credentials', () => {
    expect(keptNothing({ state: 'refused', answerStatus: 401 })).toBe(true);
    expect(keptNothing({ state: 'refused', answerStatus: 403 })).toBe(true);
    expect(keptNothing({ state: 'refused', answerStatus: 400 })).toBe(false);
    expect(keptNothing({ state: 'finished', answerStatus: 401 })).toBe(false);
  });
});
