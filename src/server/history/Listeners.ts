import type { Database } from '@nocobase/database';
import { Op } from '@nocobase/database';
import type { ListenedRequest } from '../../common/requestKeys';
import type { Log } from '../support/Log';
import { PeriodicSweep } from '../support/PeriodicSweep';
import { LISTENERS_COLLECTION } from '../constants';
import { ListenerWindow, sortListenerWindows } from './listenerWindows';
import { rawRows } from '../support/typedReads';

/** How long a designer waits for a test request. */
export const LISTEN_SECONDS = 120;
/** How often each instance reads which keys are being listened to (others' listeners). */
const REFRESH_MS = Number(process.env.WEBHOOK_LISTEN_REFRESH_MS) || 1_000;

/**
 * The keys designers are listening to, on every instance: rows in `webhookListeners`, read every
 * second (the table is empty but for the hour after someone listened), plus this instance's own at
 * once. The first request to a listened key is handed over, on whichever instance it arrives. The
 * same read finds the rows whose window ended an hour ago, which are then deleted: a capture holds
 * the request's headers, query and body.
 */
export class Listeners {
  private keys = new Set<string>();
  /** The read every second, started and stopped with the app. */
  readonly sweep: PeriodicSweep;

  constructor(
    private readonly db: Database,
    logger: Log,
  ) {
    this.sweep = new PeriodicSweep({
      everyMs: REFRESH_MS,
      run: () => this.refresh(),
      logger,
      failure: '[webhook] reading test-request listeners failed',
    });
  }

  private get model() {
    return this.db.getModel(LISTENERS_COLLECTION);
  }

  /** Reads the listened keys, and deletes the rows that ended over an hour before `now`. */
  async refresh(now = Date.now()) {
    const rows = await rawRows<ListenerWindow>(this.db, LISTENERS_COLLECTION, {
      attributes: ['id', 'workflowKey', 'capturedAt', 'expiresAt'],
    });
    const { listening, ended } = sortListenerWindows(rows, now);
    this.keys = listening;
    if (ended.length) {
      // A delete only when there is something to delete: on SQLite every delete takes the write lock.
      await this.model.destroy({ where: { id: ended } });
    }
  }

  isListening(key: string): boolean {
    return this.keys.has(key);
  }

  async listen(workflow: { id: number | string; key: string }) {
    const row = await this.model.create({
      workflowId: workflow.id,
      workflowKey: workflow.key,
      expiresAt: new Date(Date.now() + LISTEN_SECONDS * 1000),
    });
    this.keys.add(workflow.key);
    return row.toJSON() as { id: number; expiresAt: Date; workflowKey: string };
  }

  /** Hands the request to the waiting listeners of the key; false when none was waiting any more. */
  async capture(key: string, request: ListenedRequest): Promise<boolean> {
    const [count] = await this.model.update(
      { capturedAt: new Date(), request },
      { where: { workflowKey: key, capturedAt: null, expiresAt: { [Op.gt]: new Date() } } },
    );
    this.keys.delete(key);
    return count > 0;
  }

  async result(id: number | string) {
    const row = (await this.model.findByPk(id))?.toJSON() as
      | { id: number; workflowId: number; capturedAt: Date | null; expiresAt: Date; request: ListenedRequest | null }
      | undefined;
    if (!row) {
      return null;
    }
    const status = row.capturedAt
      ? 'captured'
      : new Date(row.expiresAt).getTime() <= Date.now()
        ? 'expired'
        : 'waiting';
    return { id: row.id, workflowId: row.workflowId, status, expiresAt: row.expiresAt, request: row.request };
  }

  async cancel(id: number | string) {
    await this.model.update({ expiresAt: new Date() }, { where: { id, capturedAt: null } });
  }
}
