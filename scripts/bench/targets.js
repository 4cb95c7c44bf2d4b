/**
 * What each target sends. Webhook targets post the same order-like body with a fresh id per
 * request; the ceiling posts one fixed body of the same size, so all POST targets move the same
 * bytes. The baseline is NocoBase's own public `app:getInfo`, a request that passes through the
 * app's full middleware stack. (The engine reference's requests are in engineReference.js.)
 */
const { createHmac } = require('crypto');
const { orderBodies } = require('./payload');

/** The signed target's workflow checks GitHub's scheme with this secret. */
const SIGNING_SECRET = 'bench-signing-secret';

/** `X-Hub-Signature-256` over each body, as GitHub sends it. */
const githubSignature = (body) => ({
  'x-hub-signature-256': `sha256=${createHmac('sha256', SIGNING_SECRET).update(body).digest('hex')}`,
});

const JSON_HEADERS = { 'content-type': 'application/json' };

function echoes(id, body) {
  try {
    return JSON.parse(String(body)).id === id;
  } catch {
    return false;
  }
}

function buildTargets({ app, ceiling, workflows, bodySize }) {
  const makeBody = orderBodies(bodySize);
  const webhookUrl = (workflow) => `${app.baseUrl}/api/webhook:trigger/${workflow.key}`;
  const webhook = (workflow, idPrefix, extra = {}) => ({
    url: webhookUrl(workflow),
    method: 'POST',
    headers: JSON_HEADERS,
    makeBody,
    idPrefix,
    ...extra,
  });
  return {
    baseline: { name: 'baseline', url: `${app.baseUrl}/api/app:getInfo`, method: 'GET' },
    async: { name: 'async', ...webhook(workflows.async, 'a') },
    // The async target again, on a workflow that verifies a GitHub signature over every body.
    signed: { name: 'signed', ...webhook(workflows.signed, 'g', { signHeaders: githubSignature }) },
    sync: { name: 'sync', ...webhook(workflows.sync, 's', { check: echoes }) },
    ceiling: {
      name: 'ceiling',
      url: ceiling.url,
      method: 'POST',
      headers: JSON_HEADERS,
      body: makeBody('c'.repeat(24)),
    },
    memory: { name: 'memory', ...webhook(workflows.memory, 'm') },
  };
}

module.exports = { buildTargets, SIGNING_SECRET };
