/** The few logger methods the webhook uses; NocoBase's system and request loggers both fit. */
export interface Log {
  debug(message: string, meta?: object): unknown;
  info(message: string, meta?: object): unknown;
  warn(message: string, meta?: object): unknown;
  error(message: string, meta?: object): unknown;
}
