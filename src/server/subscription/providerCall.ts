import { parse } from '@nocobase/utils';
import type { SubscriptionStep } from '../../common/types';

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

/** Where a call went, for the history and messages: origin and path, never the query (it may hold a key). */
export function shownUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return url.split('?')[0];
  }
}

/**
 * One call to the sender's API (subscribe, refresh, unsubscribe): method, URL, headers and JSON body
 * rendered with the subscription's variables. A non-2xx answer or no answer is a failure whose
 * message carries the sender's own words (its status and the start of its body).
 */
export async function callProvider(step: SubscriptionStep, variables: CallVariables): Promise<ProviderAnswer> {
  const url = String(render(step.url ?? '', variables));
  const method = (step.method ?? 'POST').toUpperCase();
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
    throw new ProviderCallFailed(`${method} ${shownUrl(url)} failed: ${(error as Error).message}`, null);
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
    throw new ProviderCallFailed(`${method} ${shownUrl(url)} answered ${response.status}: ${text.slice(0, 300)}`, answer);
  }
  return answer;
}
