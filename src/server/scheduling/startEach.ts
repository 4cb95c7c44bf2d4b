import type { Log } from '../support/Log';

/** Hands deliveries to the engine one after the other; one that fails is logged, not the rest. */
export async function startEach(starts: Array<() => unknown>, logger: Log): Promise<void> {
  for (const start of starts) {
    try {
      await start();
    } catch (error) {
      logger.error('[webhook] handing a delivery to the engine failed', { error });
    }
  }
}
