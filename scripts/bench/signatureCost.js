/**
 * What verifying a signature costs one delivery, measured directly: the plugin's own sender
 * protocols (from the built dist/) over bench-sized bodies, for HMAC senders (GitHub, Stripe,
 * Standard Webhooks) and asymmetric ones (Discord's Ed25519, Alipay's RSA-2048), in microseconds
 * per delivery. Set beside the time one async delivery takes at the measured rate (two cores /
 * req/s), it says what share of async throughput verification can cost, without the noise of two
 * bursts measured minutes apart.
 */
const path = require('path');
const { createHmac, generateKeyPairSync, sign } = require('crypto');
const { orderBodies } = require('./payload');

const ITERATIONS = 5000;

/** A signed delivery per sender, as the sender would send it. */
function cases(body) {
  const secret = 'bench-signing-secret';
  const whsec = `whsec_${Buffer.from('bench-signing-key-bench-signing!').toString('base64')}`;
  const timestamp = String(Math.floor(Date.now() / 1000));
  const hex = (key, text) => createHmac('sha256', key).update(text).digest('hex');
  const ed25519 = generateKeyPairSync('ed25519');
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const rawEd25519 = ed25519.publicKey.export({ format: 'der', type: 'spki' }).subarray(-32).toString('hex');
  // Alipay signs form fields: the bench body travels as one field of a notification.
  const alipayFields = { notify_id: 'n1', trade_status: 'TRADE_SUCCESS', biz_content: body.toString('utf8') };
  const alipaySigned = Object.keys(alipayFields)
    .sort()
    .map((name) => `${name}=${alipayFields[name]}`)
    .join('&');
  const alipayBody = new URLSearchParams({
    ...alipayFields,
    sign_type: 'RSA2',
    sign: sign('sha256', Buffer.from(alipaySigned), rsa.privateKey).toString('base64'),
  }).toString();
  return {
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
    'discord (Ed25519)': {
      config: { preset: 'discord', publicKey: rawEd25519 },
      headers: {
        'x-signature-timestamp': timestamp,
        'x-signature-ed25519': sign(null, Buffer.concat([Buffer.from(timestamp), body]), ed25519.privateKey).toString(
          'hex',
        ),
      },
    },
    'alipay (RSA-2048)': {
      config: { preset: 'alipay', publicKey: rsa.publicKey.export({ format: 'pem', type: 'spki' }).toString() },
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: Buffer.from(alipayBody),
    },
  };
}

function signatureCost({ bodySize, asyncRequestsPerSecond, cores }) {
  const dist = path.join(__dirname, '..', '..', 'dist', 'server', 'senders');
  const { protocolOf } = require(path.join(dist, 'catalogue'));
  const body = Buffer.from(orderBodies(bodySize)('o-000000000000000000001'));
  const perDeliveryMs = asyncRequestsPerSecond > 0 ? (1000 * cores) / asyncRequestsPerSecond : null;
  const results = {};
  for (const [name, { config, headers, body: ownBody }] of Object.entries(cases(body))) {
    const protocol = protocolOf(config);
    if (!protocol) {
      continue;
    }
    const rawBody = ownBody ?? body;
    const request = {
      method: 'POST',
      url: 'https://hooks.example.com/api/webhook:trigger/bench',
      header: (key) => headers[key.toLowerCase()] ?? '',
      query: {},
      rawBody,
      contentType: headers['content-type'] ?? 'application/json',
    };
    const keys = {
      config,
      secret: config.secret ?? '',
      publicKey: config.publicKey ?? '',
      token: '',
      receiveId: '',
      toleranceSeconds: 300,
      now: Date.now(),
    };
    protocol.verify(request, keys);
    const started = process.hrtime.bigint();
    for (let i = 0; i < ITERATIONS; i += 1) protocol.verify(request, keys);
    const microseconds = Number(process.hrtime.bigint() - started) / 1000 / ITERATIONS;
    results[name] = {
      microsecondsPerDelivery: microseconds,
      shareOfAsyncDelivery: perDeliveryMs ? microseconds / 1000 / perDeliveryMs : null,
    };
  }
  return { bodyBytes: body.length, iterations: ITERATIONS, asyncDeliveryMs: perDeliveryMs, schemes: results };
}

module.exports = { signatureCost };
