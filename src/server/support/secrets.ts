/** Where `{{$env.NAME}}` values come from: NocoBase's environment variables and secrets. */
export interface SecretSource {
  getVariables(): Record<string, unknown>;
}

/** Reads a configured secret; `null` when it names an environment variable that is not set. */
export type SecretReader = (configured: string | undefined | null) => string | null;

const ENV_REFERENCE = /\{\{\s*\$env\.([A-Za-z0-9_.-]+)\s*\}\}/g;

/**
 * Secrets may be written literally or as `{{$env.NAME}}` (whole or inside a longer value), so that
 * they live in NocoBase's "Variables and secrets" instead of the workflow's configuration. A
 * reference to an unset variable gives `null`: the caller refuses rather than compare with "".
 */
export function secretReader(source: SecretSource): SecretReader {
  return (configured) => {
    if (configured == null) {
      return null;
    }
    const text = String(configured);
    if (!text.includes('{{')) {
      return text;
    }
    const variables = source.getVariables() ?? {};
    let missing = false;
    const resolved = text.replace(ENV_REFERENCE, (_, name: string) => {
      const value = variables[name];
      if (value == null || value === '') {
        missing = true;
        return '';
      }
      return String(value);
    });
    return missing ? null : resolved;
  };
}
