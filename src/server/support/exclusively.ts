import type { LockManager } from '@nocobase/lock-manager';

/**
 * Runs a periodic sweep on one app instance at a time: under NocoBase's lock manager (memory in
 * one process, or the cluster's adapter), skipped when another holder has the lock, since that
 * one does the same work. Resolves with the sweep's result, or `null` when it was skipped.
 */
export async function exclusively<T>(lockManager: LockManager, key: string, ttlMs: number, sweep: () => Promise<T>): Promise<T | null> {
  try {
    const lock = await lockManager.tryAcquire(key);
    return await lock.runExclusive(sweep, ttlMs);
  } catch (error) {
    if ((error as Error)?.name === 'LockAcquireError') {
      return null;
    }
    throw error;
  }
}
