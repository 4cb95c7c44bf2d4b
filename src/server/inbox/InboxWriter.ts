import type { Database } from '@nocobase/database';
import type { Log } from '../support/Log';
import { DELIVERIES_COLLECTION } from '../constants';
import type { DeliveryValues } from './DeliveryRecord';

interface Waiting {
  values: DeliveryValues;
  resolve(): void;
  reject(error: unknown): void;
}

/** Thrown for a delivery whose idempotency key is already stored. */
export class DuplicateDelivery extends Error {
  constructor(readonly idempotencyKey: string) {
    super('Duplicate delivery');
    this.name = 'DuplicateDelivery';
  }
}

function isUniqueViolation(error: unknown): boolean {
  return (error as { name?: string })?.name === 'SequelizeUniqueConstraintError';
}

/**
 * Group commit: deliveries that arrive together are written in one transaction, and each caller
 * is released only once that transaction has committed. While one batch is being written the next
 * one gathers, so under load batches grow by themselves; at rest a delivery waits one event-loop
 * turn. A batch never exceeds `maxBatch` rows.
 */
export class InboxWriter {
  private waiting: Waiting[] = [];
  private writing: Promise<void> | null = null;
  private scheduled = false;
  /** Batches written since the last report: size → how many. */
  private batchSizes = new Map<number, number>();
  /** Async deliveries committed since the backlog was last counted. */
  storedSinceCount = 0;

  constructor(
    private readonly db: Database,
    private readonly logger: Log,
    private readonly maxBatch = 200,
  ) {}

  store(values: DeliveryValues): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.waiting.push({ values, resolve, reject });
      this.schedule();
    });
  }

  private schedule() {
    if (this.scheduled || this.writing) {
      return;
    }
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.writing = this.writeAll().finally(() => {
        this.writing = null;
        if (this.waiting.length) {
          this.schedule();
        }
      });
    });
  }

  private async writeAll() {
    while (this.waiting.length) {
      const batch = this.waiting.splice(0, this.maxBatch);
      this.batchSizes.set(batch.length, (this.batchSizes.get(batch.length) ?? 0) + 1);
      await this.writeBatch(batch);
    }
  }

  private async writeBatch(batch: Waiting[]) {
    const model = this.db.getModel(DELIVERIES_COLLECTION);
    try {
      // One multi-row INSERT is atomic on its own, so no transaction around it: that spares BEGIN
      // and COMMIT round trips on PostgreSQL and MySQL, and on SQLite a transaction's connection.
      await model.bulkCreate(batch.map((entry) => entry.values as unknown as Record<string, unknown>));
      this.storedSinceCount += batch.filter((entry) => !entry.values.sync).length;
      batch.forEach((entry) => entry.resolve());
    } catch (error) {
      if (batch.length > 1 && isUniqueViolation(error)) {
        // One repeated delivery id must not fail the others: write them one by one.
        for (const entry of batch) {
          await this.writeBatch([entry]);
        }
        return;
      }
      const only = batch.length === 1 ? batch[0] : null;
      if (only && isUniqueViolation(error) && only.values.idempotencyKey) {
        only.reject(new DuplicateDelivery(only.values.idempotencyKey));
        return;
      }
      this.logger.error(`[webhook] storing ${batch.length} deliveries failed`, { error });
      batch.forEach((entry) => entry.reject(error));
    }
  }

  /**
   * Logs how deliveries were grouped since the last call (one line, nothing when idle): how many
   * deliveries, in how many commits, the largest and the median batch. The benchmark reads it.
   */
  reportBatches() {
    if (!this.batchSizes.size) {
      return;
    }
    const sizes = [...this.batchSizes.entries()].sort(([a], [b]) => a - b);
    this.batchSizes = new Map();
    const batches = sizes.reduce((sum, [, count]) => sum + count, 0);
    const deliveries = sizes.reduce((sum, [size, count]) => sum + size * count, 0);
    let seen = 0;
    const median = sizes.find(([, count]) => (seen += count) >= batches / 2)?.[0] ?? 0;
    this.logger.info(
      `[webhook] inbox batches: ${deliveries} deliveries in ${batches} commits, largest ${sizes[sizes.length - 1][0]}, median ${median}`,
      {
        inboxBatches: {
          deliveries,
          batches,
          largest: sizes[sizes.length - 1][0],
          median,
          sizes: Object.fromEntries(sizes),
        },
      },
    );
  }

  /** Resolves once every delivery handed to `store` so far has been written or refused. */
  async flushed(): Promise<void> {
    while (this.writing || this.scheduled || this.waiting.length) {
      await (this.writing ?? new Promise((resolve) => setImmediate(resolve)));
    }
  }
}
