import { createHmac } from 'crypto';
import { githubSignature } from '../../__tests__/helpers/senders';
import { useTestApp } from '../../__tests__/helpers/testApp';
import type { TestApp } from '../../__tests__/helpers/testApp';
import { sleep } from '../../__tests__/helpers/waitUntil';
import {
  createWebhookWorkflow,
  deliveriesToRun,
  executionsOf,
  postJson,
  waitForExecutions,
} from '../../__tests__/helpers/workflows';

// Every example payload GitHub's own SDK team collected from api.github.com, one entry per event
// name with its examples (https://github.com/octokit/webhooks).
// eslint-disable-next-line @typescript-eslint/no-var-requires
const corpus: Array<{
  name: string;
  examples: unknown[];
}> = require('@octokit/webhooks-examples/api.github.com/index.json');

const SECRET = 'corpus-webhook-secret';
const CONCURRENCY = 8;

interface Delivery {
  id: string;
  event: string;
  payload: unknown;
  body: string;
  signature: string;
}

const sign = (body: string) => `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`;

const deliveries: Delivery[] = corpus.flatMap(({ name, examples }) =>
  examples.map((payload, index) => {
    const body = JSON.stringify(payload);
    return { id: `corpus-${name}-${index}`, event: name, payload, body, signature: sign(body) };
  }),
);

/** Posts every delivery, `CONCURRENCY` at a time, and returns the answers' statuses by delivery id. */
async function postAll(testApp: TestApp, key: string): Promise<Map<string, number>> {
  const statuses = new Map<string, number>();
  let next = 0;
  const worker = async () => {
    while (next < deliveries.length) {
      const delivery = deliveries[next];
      next += 1;
      const response = await postJson(testApp, key, delivery.body, {
        headers: {
          'X-GitHub-Event': delivery.event,
          'X-GitHub-Delivery': delivery.id,
          'X-Hub-Signature-256': delivery.signature,
          'User-Agent': 'GitHub-Hookshot/corpus',
        },
      });
      await response.arrayBuffer();
      statuses.set(delivery.id, response.status);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return statuses;
}

describe('the GitHub sender on every example payload of @octokit/webhooks-examples', () => {
  const current = useTestApp();

  it('holds the whole api.github.com corpus, each signed as GitHub signs it', () => {
    expect(deliveries.length).toBeGreaterThanOrEqual(300);
    expect(new Set(deliveries.map((delivery) => delivery.id)).size).toBe(deliveries.length);
    // Signed here with node's crypto for speed; GitHub's own implementation agrees on a sample.
    for (const delivery of [deliveries[0], deliveries[Math.floor(deliveries.length / 2)], deliveries.at(-1)!]) {
      expect(delivery.signature).toBe(githubSignature(SECRET, delivery.body));
    }
  });

  it('runs each payload exactly once with its body and event type, and runs nothing when all come again', async () => {
    const largest = Math.max(...deliveries.map((delivery) => Buffer.byteLength(delivery.body)));
    const workflow = await createWebhookWorkflow(current(), {
      config: {
        signature: { preset: 'github', secret: SECRET },
        idempotency: { header: 'X-GitHub-Delivery' },
        eventType: { header: 'X-GitHub-Event' },
        request: { headers: [{ key: 'X-GitHub-Delivery' }] },
        limits: { maxBodySize: Math.max(1024 * 1024, largest * 2) },
      },
    });

    const first = await postAll(current(), workflow.key);
    expect([...first.values()].filter((status) => status !== 200)).toEqual([]);

    const executions = await waitForExecutions(current(), workflow.id, deliveries.length, 170_000);
    expect(executions).toHaveLength(deliveries.length);
    const byDelivery = new Map(
      executions.map((execution) => [execution.context.headers['x-github-delivery'], execution]),
    );
    expect(byDelivery.size).toBe(deliveries.length);
    for (const delivery of deliveries) {
      const execution = byDelivery.get(delivery.id);
      expect({ id: delivery.id, body: execution?.context.body, eventType: execution?.context.eventType }).toEqual({
        id: delivery.id,
        body: delivery.payload,
        eventType: delivery.event,
      });
    }

    const again = await postAll(current(), workflow.key);
    expect([...again.values()].filter((status) => status !== 200)).toEqual([]);
    // Repeated delivery ids are answered as the first ones were and stored as nothing to run; a
    // late run would show up within this pause.
    await sleep(1000);
    expect(await executionsOf(current(), workflow.id)).toHaveLength(deliveries.length);
    expect(await deliveriesToRun(current(), workflow.id)).toHaveLength(deliveries.length);
  }, 180_000);
});
