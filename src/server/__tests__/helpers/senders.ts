import { createHmac } from 'crypto';
import { execFileSync } from 'child_process';
import Stripe from 'stripe';
import { Webhook } from 'standardwebhooks';

/**
 * Signs a payload the way each sender does, with the senders' own libraries where they publish
 * one (Stripe, Standard Webhooks, GitHub's @octokit/webhooks-methods) and per the published
 * documentation where they do not (Slack, Shopify).
 */
export type SignedHeaders = Record<string, string>;

/** @octokit/webhooks-methods is ESM-only; it runs in a child Node process of its own. */
export function githubSignature(secret: string, payload: string): string {
  const script =
    'import { sign } from "@octokit/webhooks-methods"; process.stdout.write(await sign(process.argv[1], process.argv[2]));';
  return execFileSync(process.execPath, ['--input-type=module', '-e', script, secret, payload], { encoding: 'utf8' });
}

export function githubHeaders(secret: string, payload: string): SignedHeaders {
  return { 'X-Hub-Signature-256': githubSignature(secret, payload), 'X-GitHub-Event': 'push' };
}

const stripe = new Stripe('sk_test_webhook_signing_only');

export function stripeHeaders(
  secret: string,
  payload: string,
  timestamp = Math.floor(Date.now() / 1000),
): SignedHeaders {
  return { 'Stripe-Signature': stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp }) };
}

export function standardWebhooksHeaders(secret: string, payload: string, id = 'msg_1', at = new Date()): SignedHeaders {
  return {
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': new Webhook(secret).sign(id, at, payload),
  };
}

/** https://api.slack.com/authentication/verifying-requests-from-slack */
export function slackHeaders(
  secret: string,
  payload: string,
  timestamp = Math.floor(Date.now() / 1000),
): SignedHeaders {
  const digest = createHmac('sha256', secret).update(`v0:${timestamp}:${payload}`).digest('hex');
  return { 'X-Slack-Signature': `v0=${digest}`, 'X-Slack-Request-Timestamp': String(timestamp) };
}

/** https://shopify.dev/docs/apps/build/webhooks/subscribe/https#step-5-verify-the-webhook */
export function shopifyHeaders(secret: string, payload: string): SignedHeaders {
  return {
    'X-Shopify-Hmac-Sha256': createHmac('sha256', secret).update(payload, 'utf8').digest('base64'),
    'X-Shopify-Webhook-Id': 'b54557e4-bdd9-4b37-8a5f-bf7d70bcd043',
  };
}

/** A `whsec_` secret as Standard Webhooks senders issue them. */
export const STANDARD_SECRET = `whsec_${Buffer.from('a-32-byte-signing-key-for-tests!').toString('base64')}`;
