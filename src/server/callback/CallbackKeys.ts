import { randomBytes } from 'crypto';
import type { Database } from '@nocobase/database';
import { CALLBACK_KEYS_COLLECTION } from '../constants';

const KEY_NAME = 'callback';

/** The key callback tokens are signed with, and since when it signs them. */
export interface CallbackKey {
  secret: string;
  since: Date;
}

/**
 * Before this key existed, tokens were signed with `APP_KEY`, or with a fixed string where it was
 * unset. Runs that were already waiting then keep their URLs (see `acceptsLegacyToken`); every
 * token made since uses the installation's own key.
 */
export function legacyCallbackSecret(env: NodeJS.ProcessEnv = process.env): string {
  return env.APP_KEY || 'nocobase-webhook-callback';
}

/**
 * The installation's callback signing key, made once (32 random bytes) and kept in the database:
 * unknown to anyone who only has the repository, the app's environment or another installation.
 * Instances racing to make it agree on the one the unique index kept.
 */
export class CallbackKeys {
  private loading: Promise<CallbackKey> | null = null;

  constructor(private readonly db: Database) {}

  current(): Promise<CallbackKey> {
    this.loading ??= this.loadOrCreate().catch((error) => {
      // Not cached: the next token asks again (say once the table exists after an upgrade).
      this.loading = null;
      throw error;
    });
    return this.loading;
  }

  private async read(): Promise<CallbackKey | null> {
    const row = await this.db.getModel(CALLBACK_KEYS_COLLECTION).findOne({ where: { name: KEY_NAME } });
    return row ? { secret: row.get('secret') as string, since: new Date(row.get('createdAt') as string) } : null;
  }

  private async loadOrCreate(): Promise<CallbackKey> {
    const existing = await this.read();
    if (existing) {
      return existing;
    }
    try {
      await this.db
        .getModel(CALLBACK_KEYS_COLLECTION)
        .create({ name: KEY_NAME, secret: randomBytes(32).toString('base64url') });
    } catch (error) {
      // Another instance made it first: its row is the key.
      if ((error as Error).name !== 'SequelizeUniqueConstraintError') {
        throw error;
      }
    }
    const made = await this.read();
    if (!made) {
      throw new Error('the callback key could not be stored');
    }
    return made;
  }
}
