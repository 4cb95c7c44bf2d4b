import type { SignatureConfig } from '../../../common/types';
import type { TestApp } from '../../__tests__/helpers/testApp';
import { useTestApp } from '../../__tests__/helpers/testApp';
import { createWebhookWorkflow, deliveriesToRun, waitForExecutions } from '../../__tests__/helpers/workflows';

/** A request as a sender sends it; `path` is what follows `/api/webhook:trigger/<key>` (a query). */
export interface SenderRequestSpec {
  method?: string;
  path?: string;
  headers: Record<string, string>;
  body?: string | Buffer;
}

/** What a request is signed for: the URL the app is reached at, the workflow's key. */
export interface Target {
  /** `http://127.0.0.1:<port>/api/webhook:trigger/<key>`, without a query. */
  url: string;
  key: string;
}

export interface Refusal {
  /** What the case shows, e.g. "tampered body". */
  name: string;
  request: (target: Target) => SenderRequestSpec | Promise<SenderRequestSpec>;
  /** A part of the 401's message, naming the failed check. */
  message: string;
}

export interface Handshake {
  name: string;
  request: (target: Target) => SenderRequestSpec | Promise<SenderRequestSpec>;
  /** Asserts the answer is what the sender expects. */
  expectAnswer: (response: Response, target: Target) => void | Promise<void>;
}

export interface SenderCase {
  preset: string;
  /** `config.signature` besides the preset: the sender's keys. */
  signature: Omit<SignatureConfig, 'preset'>;
  /** Other trigger settings (a parsed XML body, …). */
  config?: Record<string, unknown>;
  /** A valid delivery, signed with the sender's own SDK where one exists. */
  valid: (target: Target) => SenderRequestSpec | Promise<SenderRequestSpec>;
  /** What the run's `$context.body` must deep-equal. */
  expectedBody: unknown;
  /** Tampered body, wrong key, stale timestamp, missing header…: each must answer 401 and run nothing. */
  refusals: Refusal[];
  handshakes?: Handshake[];
  /** The answer the valid delivery must get, when the sender expects a particular one. */
  expectValidAnswer?: (response: Response, target: Target) => void | Promise<void>;
}

export function send(testApp: TestApp, key: string, spec: SenderRequestSpec): Promise<Response> {
  return testApp.request(`/api/webhook:trigger/${key}${spec.path ?? ''}`, {
    method: spec.method ?? 'POST',
    headers: spec.headers,
    body: spec.body,
  });
}

/**
 * The contract every sender of the catalogue passes, on the real app over real HTTP: a valid
 * delivery runs exactly once with the decoded body; each refusal answers 401 naming its check,
 * runs nothing, and never echoes a key; each verification request is answered as the sender
 * expects, runs nothing, and shows in the history as a handshake.
 */
export function describeSender(senderCase: SenderCase) {
  describe(`sender ${senderCase.preset}`, () => {
    const current = useTestApp();

    it('runs a valid delivery once with its decoded body, and refuses every altered one with 401', async () => {
      const workflow = await createWebhookWorkflow(current(), {
        config: { ...senderCase.config, signature: { preset: senderCase.preset, ...senderCase.signature } },
      });
      const target: Target = { url: `${current().baseUrl}/api/webhook:trigger/${workflow.key}`, key: workflow.key };

      const accepted = await send(current(), workflow.key, await senderCase.valid(target));
      expect({ status: accepted.status, body: await accepted.clone().text() }).toEqual(
        expect.objectContaining({ status: 200 }),
      );
      await senderCase.expectValidAnswer?.(accepted, target);

      const secrets = [senderCase.signature.secret, senderCase.signature.token].filter(
        (value): value is string => typeof value === 'string' && value.length > 3,
      );
      for (const refusal of senderCase.refusals) {
        const response = await send(current(), workflow.key, await refusal.request(target));
        const text = await response.text();
        expect({ refusal: refusal.name, status: response.status }).toEqual({ refusal: refusal.name, status: 401 });
        expect({ refusal: refusal.name, message: text }).toEqual({
          refusal: refusal.name,
          message: expect.stringContaining(refusal.message),
        });
        for (const secret of secrets) {
          expect(text).not.toContain(secret);
        }
      }

      for (const handshake of senderCase.handshakes ?? []) {
        const response = await send(current(), workflow.key, await handshake.request(target));
        await handshake.expectAnswer(response, target);
      }

      const [execution, ...others] = await waitForExecutions(current(), workflow.id, 1);
      expect(others).toHaveLength(0);
      expect(execution.context.body).toEqual(senderCase.expectedBody);
      // Verification requests are recorded as handshakes, which are not deliveries to run.
      expect(await deliveriesToRun(current(), workflow.id)).toHaveLength(1);
      // Nothing of a key is kept with the run.
      for (const secret of secrets) {
        expect(JSON.stringify(execution.context)).not.toContain(secret);
      }
      if (senderCase.handshakes?.length) {
        let handshakes: unknown[] = [];
        for (let attempt = 0; attempt < 50 && handshakes.length < senderCase.handshakes.length; attempt += 1) {
          await new Promise((resolve) => setTimeout(resolve, 100));
          handshakes = await current()
            .app.db.getModel('webhookDeliveries')
            .findAll({ where: { workflowId: workflow.id, state: 'handshake' } });
        }
        expect(handshakes).toHaveLength(senderCase.handshakes.length);
      }
    });
  });
}

/** The same request with its body changed by one character (a tampered delivery). */
export function tampered(spec: SenderRequestSpec): SenderRequestSpec {
  const body = Buffer.isBuffer(spec.body) ? spec.body.toString('utf8') : (spec.body ?? '');
  const changed = body.includes('1') ? body.replace('1', '2') : `${body} `;
  return { ...spec, body: changed };
}

/** The same request without a header. */
export function without(spec: SenderRequestSpec, header: string): SenderRequestSpec {
  const headers = Object.fromEntries(
    Object.entries(spec.headers).filter(([name]) => name.toLowerCase() !== header.toLowerCase()),
  );
  return { ...spec, headers };
}
