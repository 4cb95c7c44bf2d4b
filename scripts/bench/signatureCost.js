/**
 * What verifying a signature costs one delivery, measured directly: the plugin's own verification
 * (from the built dist/) over bench-sized bodies, for GitHub's, Stripe's and Standard Webhooks'
 * schemes, in microseconds per delivery. Set beside the time one async delivery takes at the
 * measured rate (two cores / req/s), it says what share of async throughput verification can cost,
 * without the noise of two bursts measured minutes apart.
 */
const path = require('path');
const { createHmac } = require('crypto');
const { orderBodies } = require('./payload');

const ITERATIONS = 20000;

function signatureCost({ bodySize, asyncRequestsPerSecond, cores }) {
  const dist = path.join(__dirname, '..', '..', 'dist', 'server', 'signature');
  const { schemeOf } = require(path.join(dist, 'schemes'));
  const { verifySignatureBytes } = require(path.join(dist, 'verifySignatureBytes'));
  const body = Buffer.from(orderBodies(bodySize)('o-000000000000000000001'));
  const secret = 'bench-signing-secret';
  const whsec = `whsec_${Buffer.from('bench-signing-key-bench-signing!').toString('base64')}`;
  const timestamp = String(Math.floor(Date.now() / 1000));
  const hex = (key, text) => createHmac('sha256', key).update(text).digest('hex');
  const cases = {
    github: { config: { preset: 'github', secret }, headers: { 'x-hub-signature-256': `sha256=${hex(secret, body)}` } },
    stripe: {
      config: { preset: 'stripe', secret },
      headers: {
        'stripe-signature': `t=${timestamp},v1=${hex(secret, Buffer.concat([Buffer.from(`${timestamp}.`), body]))}`,
      },
    },
    'standard-webhooks': {
      config: { preset: 'standard-webhooks', secret: whsec },
      headers: {
        'webhook-id': 'msg_1',
        'webhook-timestamp': timestamp,
        'webhook-signature': `v1,${createHmac('sha256', Buffer.from(whsec.slice(6), 'base64'))
          .update(`msg_1.${timestamp}.`)
          .update(body)
          .digest('base64')}`,
      },
    },
  };
  const perDeliveryMs = asyncRequestsPerSecond > 0 ? (1000 * cores) / asyncRequestsPerSecond : null;
  const results = {};
  for (const [name, { config, headers }] of Object.entries(cases)) {
    const scheme = schemeOf(config);
    const header = (key) => headers[key.toLowerCase()] ?? '';
    verifySignatureBytes(scheme, config.secret, body, header);
    const started = process.hrtime.bigint();
    for (let i = 0; i < ITERATIONS; i += 1) verifySignatureBytes(scheme, config.secret, body, header);
    const microseconds = Number(process.hrtime.bigint() - started) / 1000 / ITERATIONS;
    results[name] = {
      microsecondsPerDelivery: microseconds,
      shareOfAsyncDelivery: perDeliveryMs ? microseconds / 1000 / perDeliveryMs : null,
    };
  }
  return { bodyBytes: body.length, iterations: ITERATIONS, asyncDeliveryMs: perDeliveryMs, schemes: results };
}

module.exports = { signatureCost };
