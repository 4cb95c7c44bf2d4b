import type { HeaderPair } from './types';

export type SubscriptionStatus = 'active' | 'failing' | 'removed';

/** A row of `webhookSubscriptions`: what the sender answered and when the registration is renewed. */
export interface SubscriptionRow {
  id: number;
  workflowId: number;
  status: SubscriptionStatus;
  state: Record<string, unknown> | null;
  nextRefreshAt: string | null;
  lastError: string | null;
  lastCallAt: string | null;
  failures: number | null;
  renewals: number | null;
}

/** One line of a step's `state`: a name and the template it is read with from the answer. */
export interface StateRow {
  name: string;
  template: string;
}

/** The stored `{ name: template }` map as editable rows, in the order it was written. */
export function stateToRows(state: Record<string, string> | null | undefined): StateRow[] {
  return Object.entries(state ?? {}).map(([name, template]) => ({ name, template: String(template ?? '') }));
}

/**
 * The rows as the map the server renders. Unnamed rows are still being typed and are left out; a
 * repeated name keeps its last template, as the server would. Nothing to keep is `undefined`, so
 * that an untouched list leaves no empty object in the configuration.
 */
export function rowsToState(rows: readonly StateRow[]): Record<string, string> | undefined {
  const entries = rows.filter((row) => row.name.trim()).map((row) => [row.name.trim(), row.template] as const);
  return entries.length ? Object.fromEntries(entries) : undefined;
}

const CREDENTIAL_HEADER = /authorization|token|secret|api[-_]?key|password|cookie/i;

/**
 * Headers that look like credentials yet hold the secret itself instead of a variable such as
 * `{{$env.NAME}}`: the workflow's configuration is readable by everyone who may edit workflows,
 * and it travels in exports and backups.
 */
export function literalSecretHeaders(headers: readonly (HeaderPair | null | undefined)[] | null | undefined): string[] {
  return (headers ?? [])
    .filter((header): header is HeaderPair => Boolean(header?.name && CREDENTIAL_HEADER.test(header.name)))
    .filter((header) => {
      const value = typeof header.value === 'string' ? header.value.trim() : '';
      return value !== '' && !value.includes('{{');
    })
    .map((header) => header.name as string);
}

/** A kept value as text: strings as they are, anything else as JSON. */
export function stateValueText(value: unknown): string {
  if (typeof value === 'string') {
    return value;
  }
  return value === undefined ? '' : JSON.stringify(value);
}
