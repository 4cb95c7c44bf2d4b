/** What a host module found when it checked the installed NocoBase at start. */
export interface HostCheck {
  ok: boolean;
  /** What is missing or changed, when not ok. */
  problem?: string;
}

export interface HostReport {
  /** The running NocoBase's version, named in every failed check. */
  version: string;
  logger: { error(message: string, meta?: object): unknown; info(message: string, meta?: object): unknown };
}

/**
 * Logs one clear error when a check failed: which NocoBase, which part, what changed, and what the
 * plugin does instead. Returns whether the check passed, so the caller picks its safe fallback.
 */
export function reportHostCheck(report: HostReport, part: string, check: HostCheck, fallback: string): boolean {
  if (!check.ok) {
    report.logger.error(`[webhook] NocoBase ${report.version}: ${part}: ${check.problem}; ${fallback}`);
  }
  return check.ok;
}

/** The running app's version, for the report; "(unknown version)" if even that cannot be read. */
export function nocobaseVersion(app: { getVersion?: () => string }): string {
  try {
    return app.getVersion?.() ?? '(unknown version)';
  } catch {
    return '(unknown version)';
  }
}
