import { createHmac } from 'crypto';
import { WebhooksHelper } from 'square';
import { describeSender, tampered, Target, without } from './senderContract';

// Square's SDK verifies but does not sign: the signature is computed per
// https://developer.squareup.com/docs/webhooks/step3validate (base64 HMAC-SHA256 of the
// notification URL followed by the body) and WebhooksHelper.verifySignature must accept it.
const SIGNATURE_KEY = 'square-signature-key-12345';
const payload = {
  merchant_id: '6SSW7HV8K2ST5',
  type: 'payment.updated',
  event_id: '13b867cf-db3d-4b1c-90b6-2f32a9d78124',
  created_at: '2025-01-15T21:48:31Z',
  data: {
    type: 'payment',
    id: 'KkAkhdMsgzn59SM8A89WgKwekxLZY',
    object: { payment: { amount_money: { amount: 100 } } },
  },
};
const body = JSON.stringify(payload);

async function delivery(target: Target, signatureKey = SIGNATURE_KEY, notificationUrl = target.url) {
  const signature = createHmac('sha256', signatureKey)
    .update(notificationUrl + body)
    .digest('base64');
  await expect(
    WebhooksHelper.verifySignature({
      requestBody: body,
      signatureHeader: signature,
      signatureKey: SIGNATURE_KEY,
      notificationUrl: target.url,
    }),
  ).resolves.toBe(signatureKey === SIGNATURE_KEY && notificationUrl === target.url);
  return {
    headers: { 'Content-Type': 'application/json', 'x-square-hmacsha256-signature': signature },
    body,
  };
}

describeSender({
  preset: 'square',
  signature: { secret: SIGNATURE_KEY },
  valid: (target) => delivery(target),
  expectedBody: payload,
  refusals: [
    {
      name: 'tampered body',
      request: async (target) => tampered(await delivery(target)),
      message: 'x-square-hmacsha256-signature does not match',
    },
    {
      name: 'wrong signature key',
      request: (target) => delivery(target, 'another-signature-key'),
      message: 'x-square-hmacsha256-signature does not match',
    },
    {
      name: 'another notification URL',
      request: (target) => delivery(target, SIGNATURE_KEY, 'https://elsewhere.example.com/square'),
      message: 'x-square-hmacsha256-signature does not match',
    },
    {
      name: 'missing header',
      request: async (target) => without(await delivery(target), 'x-square-hmacsha256-signature'),
      message: 'Missing signature header x-square-hmacsha256-signature',
    },
  ],
});

// Behind a proxy that rewrites the path: the URL set in Square is configured.
describe('with signature.url', () => {
  describeSender({
    preset: 'square',
    signature: { secret: SIGNATURE_KEY, url: 'https://hooks.example.com/square/payments' },
    valid: async (target) => {
      const notificationUrl = 'https://hooks.example.com/square/payments';
      const signature = createHmac('sha256', SIGNATURE_KEY)
        .update(notificationUrl + body)
        .digest('base64');
      await expect(
        WebhooksHelper.verifySignature({
          requestBody: body,
          signatureHeader: signature,
          signatureKey: SIGNATURE_KEY,
          notificationUrl,
        }),
      ).resolves.toBe(true);
      return { headers: { 'Content-Type': 'application/json', 'x-square-hmacsha256-signature': signature }, body };
    },
    expectedBody: payload,
    refusals: [
      {
        name: 'signed for the URL the app was reached at instead',
        request: (target) => delivery(target),
        message: 'x-square-hmacsha256-signature does not match',
      },
    ],
  });
});
