/** How long the inbox keeps ended deliveries: whichever limit is reached first. */
export interface RetentionSettings {
  maxAgeDays: number;
  maxRowsPerWorkflow: number;
  /** Refused and repeated requests, which anyone can send: a cap of their own, per workflow. */
  maxRefusedPerWorkflow: number;
}

export type RetentionField = keyof RetentionSettings;

/** What an admin stored; `null` means "not set": the environment variable or the default applies. */
export type StoredRetention = { [field in RetentionField]: number | null };

/** What `webhookSettings:get` and `:put` answer: what is stored, and what applies to each limit left empty. */
export interface RetentionSettingsView extends StoredRetention {
  fallback: RetentionSettings;
  /** `WEBHOOK_PUBLIC_URL`'s origin: what senders are given instead of the admin's own origin. */
  publicOrigin?: string | null;
}

export const RETENTION_FIELDS: readonly RetentionField[] = [
  'maxAgeDays',
  'maxRowsPerWorkflow',
  'maxRefusedPerWorkflow',
];

export const DEFAULT_RETENTION: RetentionSettings = {
  maxAgeDays: 7,
  maxRowsPerWorkflow: 10_000,
  maxRefusedPerWorkflow: 1_000,
};

/**
 * Upper bounds keep the cutoff date valid (a century of days) and the row counts within the
 * database's integer column.
 */
export const RETENTION_BOUNDS: { [field in RetentionField]: { integer: boolean; max: number } } = {
  maxAgeDays: { integer: false, max: 36_500 },
  maxRowsPerWorkflow: { integer: true, max: 2_147_483_647 },
  maxRefusedPerWorkflow: { integer: true, max: 2_147_483_647 },
};

export type RetentionUpdate = { ok: true; values: Partial<StoredRetention> } | { ok: false; message: string };

function parseLimit(field: RetentionField, given: unknown): number | null | string {
  if (given === null || given === '') {
    return null;
  }
  const number = typeof given === 'number' ? given : typeof given === 'string' ? Number(given.trim()) : NaN;
  const { integer, max } = RETENTION_BOUNDS[field];
  const kind = integer ? 'a positive whole number' : 'a positive number of days';
  if (!Number.isFinite(number) || number <= 0 || (integer && !Number.isInteger(number))) {
    return `${field} must be ${kind} (or empty for the default), not ${JSON.stringify(given)}`;
  }
  if (number > max) {
    return `${field} must be at most ${max}`;
  }
  return number;
}

/**
 * Checks the limits an update sends. Only the three fields are read; a field left out is unchanged,
 * and `null` or an empty string clears it.
 */
export function parseRetentionUpdate(input: unknown): RetentionUpdate {
  if (!input || typeof input !== 'object' || Array.isArray(input)) {
    return { ok: false, message: 'Send the retention limits as an object of values' };
  }
  const values: Partial<StoredRetention> = {};
  for (const field of RETENTION_FIELDS) {
    if (!(field in input)) {
      continue;
    }
    const parsed = parseLimit(field, (input as Record<string, unknown>)[field]);
    if (typeof parsed === 'string') {
      return { ok: false, message: parsed };
    }
    values[field] = parsed;
  }
  return { ok: true, values };
}

/** The limits in force: each stored one, else the fallback (the environment variables, then the defaults). */
export function effectiveRetention(stored: StoredRetention, fallback: RetentionSettings): RetentionSettings {
  return {
    maxAgeDays: stored.maxAgeDays ?? fallback.maxAgeDays,
    maxRowsPerWorkflow: stored.maxRowsPerWorkflow ?? fallback.maxRowsPerWorkflow,
    maxRefusedPerWorkflow: stored.maxRefusedPerWorkflow ?? fallback.maxRefusedPerWorkflow,
  };
}
