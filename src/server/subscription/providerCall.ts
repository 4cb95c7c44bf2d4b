import { parse } from '@nocobase/utils';
import type { SubscriptionStep } from '../../common/types';
import { Redact, secretRedactor } from './secretRedactor';

/** How long a call to the sender's API may take. */
const CALL_TIMEOUT_MS = Number(process.env.WEBHOOK_SUBSCRIPTION_TIMEOUT_MS) || 15_000;

export interface ProviderAnswer {
  status: number;
  body: unknown;
  durationMs: number;
}

/** The variables a subscription's templates see. */
export interface CallVariables {
  $webhook: { url: string; key: string };
  $state: Record<string, unknown>;
  $env: Record<string, unknown>;
  $response?: { status: number; body: unknown };
}

export class ProviderCallFailed extends Error {
  constructor(
    message: string,
    readonly answer: ProviderAnswer | null,
  ) {
    super(message);
  }
}

export function render<T>(template: T, variables: CallVariables | Record<string, unknown>): T {
  return template == null ? template : (parse(template)(variables) as T);
}

/**
 * Where a call went, for the history and messages: the URL as sent without its query and fragment
 * (they may hold a key) nor a `user:password@`. Read as text, not through `URL`, whose encoding
 * would hide a secret from the redaction that follows (see `secretRedactor`).
 */
export function shownUrl(url: string): string {
  return url.split(/[?#]/)[0].replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@]*@/i, '$1');
}

/**
 * One call to the sender's API (subscribe, refresh, unsubscribe): method, URL, headers and JSON body
 * rendered with the subscription's variables. A non-2xx answer or no answer is a failure whose
 * message carries the sender's own words (its status and the start of its body). Every text in a
 * failure that a secret could reach (the URL, the sender's answer, the network error) shows the
 * step's `{{$env.NAME}}` references instead of their values.
 */
export async function callProvider(step: SubscriptionStep, variables: CallVariables): Promise<ProviderAnswer> {
  const redact = secretRedactor(step, variables.$env);
  try {
    return await send(step, variables, redact);
  } catch (error) {
    throw error instanceof ProviderCallFailed ? error : new ProviderCallFailed(redact((error as Error).message), null);
  }
}

async function send(step: SubscriptionStep, variables: CallVariables, redact: Redact): Promise<ProviderAnswer> {
  const url = String(render(step.url ?? '', variables));
  const method = (step.method ?? 'POST').toUpperCase();
  const shown = `${method} ${redact(shownUrl(url))}`;
  const headers: Record<string, string> = {};
  for (const { name, value } of step.headers ?? []) {
    if (name) {
      headers[name] = String(render(value ?? '', variables));
    }
  }
  const hasBody = step.body != null && method !== 'GET' && method !== 'DELETE';
  if (hasBody && !Object.keys(headers).some((name) => name.toLowerCase() === 'content-type')) {
    headers['Content-Type'] = 'application/json';
  }
  const started = Date.now();
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers,
      body: hasBody ? JSON.stringify(render(step.body, variables)) : undefined,
      signal: AbortSignal.timeout(CALL_TIMEOUT_MS),
    });
  } catch (error) {
    throw new ProviderCallFailed(`${shown} failed: ${redact((error as Error).message)}`, null);
  }
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // Not JSON: kept as text.
  }
  const answer = { status: response.status, body, durationMs: Date.now() - started };
  if (!response.ok) {
    // Redacted before it is cut, so that no cut can leave part of a secret behind.
    throw new ProviderCallFailed(`${shown} answered ${response.status}: ${redact(text).slice(0, 300)}`, answer);
  }
  return answer;
}
