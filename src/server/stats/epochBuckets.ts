import type { Database } from '@nocobase/database';

/**
 * The SQL expression of the bucket a timestamp column falls in: whole seconds since the Unix epoch
 * divided by the bucket size, as an integer. Each database reads its own date storage: SQLite's
 * text (`YYYY-MM-DD HH:MM:SS.SSS +00:00`, which `strftime` parses with its offset), PostgreSQL's
 * `timestamptz`, MySQL's and MariaDB's `DATETIME` in the connection's time zone (the one the
 * values were written in).
 */
export function epochBucketSql(db: Database, quotedColumn: string, bucketSeconds: number): string {
  const size = Math.trunc(bucketSeconds);
  if (!(size > 0)) {
    throw new Error(`bucket size must be a positive whole number of seconds, not ${bucketSeconds}`);
  }
  if (db.isPostgresCompatibleDialect()) {
    return `CAST(FLOOR(EXTRACT(EPOCH FROM ${quotedColumn}) / ${size}) AS BIGINT)`;
  }
  if (db.isMySQLCompatibleDialect()) {
    return `FLOOR(UNIX_TIMESTAMP(${quotedColumn}) / ${size})`;
  }
  if (db.inDialect('sqlite')) {
    // Integer division of integers: the floor for every date after 1970.
    return `(CAST(strftime('%s', ${quotedColumn}) AS INTEGER) / ${size})`;
  }
  throw new Error(`delivery statistics do not support the ${db.options.dialect} database`);
}
