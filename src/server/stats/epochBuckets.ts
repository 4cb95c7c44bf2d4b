import type { Database } from '@nocobase/database';

/** How the series query groups a timestamp column, and the bucket each group falls in. */
export interface BucketGrouping {
  /** The SQL expression to group by. */
  sql: string;
  /** The bucket (whole multiples of the size since the Unix epoch) of one group's value. */
  bucketOf(value: unknown): number;
}

/**
 * Each database reads its own date storage. PostgreSQL (`timestamptz`) and MySQL / MariaDB
 * (`DATETIME` in the connection's time zone, the one the values were written in) divide epoch
 * seconds in SQL. SQLite keeps dates as text in UTC (`YYYY-MM-DD HH:MM:SS.SSS +00:00`): parsing
 * every row with `strftime` costs half a second over a week of a busy inbox, so it groups by the
 * text's minute or hour prefix, and the few groups are put in buckets here.
 */
export function bucketGrouping(db: Database, quotedColumn: string, bucketSeconds: number): BucketGrouping {
  const size = Math.trunc(bucketSeconds);
  if (!(size > 0)) {
    throw new Error(`bucket size must be a positive whole number of seconds, not ${bucketSeconds}`);
  }
  const fromEpoch = (value: unknown) => Number(value);
  if (db.isPostgresCompatibleDialect()) {
    return { sql: `CAST(FLOOR(EXTRACT(EPOCH FROM ${quotedColumn}) / ${size}) AS BIGINT)`, bucketOf: fromEpoch };
  }
  if (db.isMySQLCompatibleDialect()) {
    return { sql: `FLOOR(UNIX_TIMESTAMP(${quotedColumn}) / ${size})`, bucketOf: fromEpoch };
  }
  if (db.inDialect('sqlite')) {
    // "YYYY-MM-DD HH" for whole hours, else "YYYY-MM-DD HH:MM": any bucket is whole minutes.
    const hours = size % 3600 === 0;
    return {
      sql: `substr(${quotedColumn}, 1, ${hours ? 13 : 16})`,
      bucketOf: (value) => {
        const at = Date.parse(`${String(value).replace(' ', 'T')}${hours ? ':00:00' : ':00'}Z`);
        return Math.floor(at / 1000 / size);
      },
    };
  }
  throw new Error(`delivery statistics do not support the ${db.options.dialect} database`);
}
