import { LockAcquireError } from '@nocobase/lock-manager';
import type { LockManager } from '@nocobase/lock-manager';

/**
 * Runs a periodic sweep on one app instance at a time: under NocoBase's lock manager (memory in
 * one process, or the cluster's adapter), skipped when another holder has the lock, since that
 * one does the same work. Resolves with the sweep's result, or `null` when it was skipped.
 */
export async function exclusively<T>(
  lockManager: LockManager,
  key: string,
  ttlMs: number,
  sweep: () => Promise<T>,
): Promise<T | null> {
  try {
    const lock = await lockManager.tryAcquire(key);
    return await lock.runExclusive(sweep, ttlMs);
  } catch (error) {
    // The lock manager's error keeps Error's `name`: it is told apart by its class.
    if (error instanceof LockAcquireError || (error as Error)?.name === 'LockAcquireError') {
      return null;
    }
    throw error;
  }
}
