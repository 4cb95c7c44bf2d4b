import { LockManager } from '@nocobase/lock-manager';
import { exclusively } from '../exclusively';

describe('exclusively', () => {
  it('runs the sweep when the lock is free, and skips it (null) while another holder has it', async () => {
    const lockManager = new LockManager();
    let release: () => void = () => undefined;
    const holding = () => new Promise<void>((resolve) => (release = resolve));
    const held = lockManager.runExclusive('test:exclusive', holding, 10_000);
    await expect(exclusively(lockManager, 'test:exclusive', 10_000, async () => 'ran')).resolves.toBeNull();
    release();
    await held;
    await expect(exclusively(lockManager, 'test:exclusive', 10_000, async () => 'ran')).resolves.toBe('ran');
    await lockManager.close();
  });

  it('passes on what the sweep throws', async () => {
    const lockManager = new LockManager();
    const failing = async () => Promise.reject(new Error('boom'));
    await expect(exclusively(lockManager, 'test:failing', 10_000, failing)).rejects.toThrow('boom');
    await lockManager.close();
  });
});
