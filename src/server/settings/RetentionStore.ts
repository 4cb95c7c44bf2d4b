import type { Database } from '@nocobase/database';
import { effectiveRetention, RETENTION_FIELDS, RetentionSettings, StoredRetention } from '../../common/retentionLimits';
import { retentionFromEnv } from '../inbox/retention';
import type { Log } from '../support/Log';
import { SETTINGS_COLLECTION } from '../constants';
import { rawRows } from '../support/typedReads';

const NOTHING_STORED: StoredRetention = { maxAgeDays: null, maxRowsPerWorkflow: null, maxRefusedPerWorkflow: null };

function storedNumber(value: unknown): number | null {
  const number = value == null ? NaN : Number(value);
  return Number.isFinite(number) && number > 0 ? number : null;
}

/** The retention limits kept in the settings row, read fresh each time so every instance sees a change. */
export class RetentionStore {
  private warned = false;

  constructor(
    private readonly db: Database,
    private readonly logger: Log,
  ) {}

  private get model() {
    return this.db.getModel(SETTINGS_COLLECTION);
  }

  /** What an admin stored (`null` for each limit not set). */
  async stored(): Promise<StoredRetention> {
    const [values] = await rawRows<Record<string, unknown>>(this.db, SETTINGS_COLLECTION, {
      order: [['id', 'ASC']],
      limit: 1,
    });
    if (!values) {
      return { ...NOTHING_STORED };
    }
    return {
      maxAgeDays: storedNumber(values.maxAgeDays),
      maxRowsPerWorkflow: storedNumber(values.maxRowsPerWorkflow),
      maxRefusedPerWorkflow: storedNumber(values.maxRefusedPerWorkflow),
    };
  }

  /** Writes the given limits into the one row (created on the first save); returns what is stored. */
  async save(values: Partial<StoredRetention>): Promise<StoredRetention> {
    const changes = Object.fromEntries(
      RETENTION_FIELDS.filter((field) => field in values).map((field) => [field, values[field]]),
    );
    const row = await this.model.findOne({ order: [['id', 'ASC']] });
    if (row) {
      await row.update(changes);
    } else {
      await this.model.create(changes);
    }
    return this.stored();
  }

  /**
   * The limits the sweep prunes by. If the settings cannot be read (say the app was not upgraded
   * after the plugin was, so the table is missing), pruning goes on under the fallback.
   */
  async effective(env: NodeJS.ProcessEnv = process.env): Promise<RetentionSettings> {
    const fallback = retentionFromEnv(env);
    try {
      return effectiveRetention(await this.stored(), fallback);
    } catch (error) {
      if (!this.warned) {
        this.warned = true;
        this.logger.warn(
          '[webhook] reading the retention settings failed; the environment variables and defaults apply',
          {
            error,
          },
        );
      }
      return fallback;
    }
  }
}
