import PluginWorkflowServer from '@nocobase/plugin-workflow';
import {
  githubHeaders,
  shopifyHeaders,
  slackHeaders,
  STANDARD_SECRET,
  standardWebhooksHeaders,
  stripeHeaders,
} from './helpers/senders';
import { useTestApp } from './helpers/testApp';
import { createWebhookWorkflow, deliveriesToRun, executionsOf, waitForExecutions } from './helpers/workflows';

const HOUR_AGO = Math.floor(Date.now() / 1000) - 3600;

type Sign = (secret: string, payload: string) => Record<string, string>;

const SENDERS: Array<{ preset: string; secret: string; sign: Sign; stale?: Sign; payload: string }> = [
  {
    preset: 'github',
    secret: 'gh-secret',
    sign: githubHeaders,
    payload: JSON.stringify({
      ref: 'refs/heads/main',
      repository: { full_name: 'acme/shop' },
      commits: [{ id: 'c0ffee' }],
    }),
  },
  {
    preset: 'stripe',
    secret: 'whsec_test_stripe',
    sign: stripeHeaders,
    stale: (secret, payload) => stripeHeaders(secret, payload, HOUR_AGO),
    payload: JSON.stringify({ id: 'evt_1', type: 'payment_intent.succeeded', data: { object: { amount: 4200 } } }),
  },
  {
    preset: 'slack',
    secret: 'slack-signing-secret',
    sign: slackHeaders,
    stale: (secret, payload) => slackHeaders(secret, payload, HOUR_AGO),
    payload: JSON.stringify({ type: 'event_callback', event: { type: 'app_mention', text: 'hi' } }),
  },
  {
    preset: 'shopify',
    secret: 'shpss_app_secret',
    sign: shopifyHeaders,
    payload: JSON.stringify({ id: 820982911946154500, email: 'jon@example.com', total_price: '9.50' }),
  },
  {
    preset: 'standard-webhooks',
    secret: STANDARD_SECRET,
    sign: standardWebhooksHeaders,
    stale: (secret, payload) => standardWebhooksHeaders(secret, payload, 'msg_2', new Date(HOUR_AGO * 1000)),
    payload: JSON.stringify({ type: 'invoice.paid', data: { id: 'inv_1' } }),
  },
];

describe("signed deliveries, verified over the raw bytes with each sender's own scheme", () => {
  const current = useTestApp();

  const post = (key: string, payload: string, headers: Record<string, string>) =>
    current().request(`/api/webhook:trigger/${key}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: payload,
    });

  it.each(SENDERS)(
    '$preset: a signed delivery runs; tampered, wrongly keyed, unsigned or stale ones get 401 and run nothing',
    async ({ preset, secret, sign, stale, payload }) => {
      const workflow = await createWebhookWorkflow(current(), { config: { signature: { preset, secret } } });

      const accepted = await post(workflow.key, payload, sign(secret, payload));
      expect(accepted.status).toBe(200);

      const tampered = payload.replace(/.$/, ' }');
      const refusals: Array<[string, Response]> = [
        ['Signature does not match', await post(workflow.key, tampered, sign(secret, payload))],
        [
          'Signature does not match',
          await post(
            workflow.key,
            payload,
            sign(
              preset === 'standard-webhooks'
                ? `whsec_${Buffer.from('wrong-key-wrong-key-wrong-key-00').toString('base64')}`
                : 'wrong',
              payload,
            ),
          ),
        ],
        ['Missing signature header', await post(workflow.key, payload, {})],
      ];
      if (stale) {
        refusals.push(['outside the tolerance of 300 s', await post(workflow.key, payload, stale(secret, payload))]);
      }
      for (const [message, response] of refusals) {
        expect(response.status).toBe(401);
        const error = (await response.json()).error;
        expect(error.message).toContain(message);
        expect(JSON.stringify(error)).not.toContain(secret);
      }

      const [execution, ...others] = await waitForExecutions(current(), workflow.id, 1);
      expect(others).toHaveLength(0);
      expect(execution.context.body).toEqual(JSON.parse(payload));
      expect(await deliveriesToRun(current(), workflow.id)).toHaveLength(1);
      // The refusals are in the history (written after the answer), with the reason and nothing the caller sent.
      type RefusedRow = { answerStatus: number; error: string; body: unknown; headers: object };
      let refused: RefusedRow[] = [];
      for (let attempt = 0; attempt < 50 && refused.length < refusals.length; attempt += 1) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        refused = (
          await current()
            .app.db.getModel('webhookDeliveries')
            .findAll({ where: { workflowId: workflow.id, state: 'refused' } })
        ).map((row) => row.toJSON() as RefusedRow);
      }
      expect(refused.map((row) => row.answerStatus)).toEqual(refusals.map(() => 401));
      for (const [message] of refusals) {
        expect(refused.some((row) => row.error.includes(message))).toBe(true);
      }
      expect(refused.every((row) => row.body === null && Object.keys(row.headers).length === 0)).toBe(true);
    },
  );

  it('takes the signing secret from a NocoBase environment variable, and refuses all while it is unset', async () => {
    const payload = JSON.stringify({ action: 'opened' });
    const workflow = await createWebhookWorkflow(current(), {
      config: { signature: { preset: 'github', secret: '{{$env.WEBHOOK_TEST_GITHUB_SECRET}}' } },
    });
    const unset = await post(workflow.key, payload, githubHeaders('a guess', payload));
    expect(unset.status).toBe(401);
    expect((await unset.json()).error.message).toBe('Signature cannot be verified');

    current().app.environment.setVariable('WEBHOOK_TEST_GITHUB_SECRET', 'from-env', { isSecret: true });
    expect((await post(workflow.key, payload, githubHeaders('from-env', payload))).status).toBe(200);
    expect(
      (await post(workflow.key, payload, githubHeaders('{{$env.WEBHOOK_TEST_GITHUB_SECRET}}', payload))).status,
    ).toBe(401);

    const [execution] = await waitForExecutions(current(), workflow.id, 1);
    expect(JSON.stringify(execution)).not.toContain('from-env');
    expect(await executionsOf(current(), workflow.id)).toHaveLength(1);
  });

  it('refuses to save a preset without a secret, or a custom scheme with a bad header name', () => {
    const plugin = current().app.pm.get(PluginWorkflowServer) as PluginWorkflowServer;
    const trigger = plugin.triggers.get('webhook')!;
    expect(trigger.validateConfig!({ signature: { preset: 'stripe' } })).toBeTruthy();
    expect(trigger.validateConfig!({ signature: { preset: 'custom', secret: 's', header: 'Bad Name' } })).toBeTruthy();
    expect(trigger.validateConfig!({ signature: { preset: 'vendor-x', secret: 's' } })).toBeTruthy();
    expect(trigger.validateConfig!({ signature: { preset: 'none' } })).toBeFalsy();
    expect(
      trigger.validateConfig!({
        signature: { preset: 'custom', secret: 's', header: 'X-Sig', algorithm: 'sha512', encoding: 'base64' },
      }),
    ).toBeFalsy();
  });
});
