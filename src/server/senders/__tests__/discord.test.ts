import { generateKeyPairSync, KeyObject, sign } from 'crypto';
import { InteractionType, verifyKey } from 'discord-interactions';
import { signatureSchema } from '../signatureSchema';
import { describeSender, SenderRequestSpec, tampered, without } from './senderContract';

// Signed here with node's Ed25519 as Discord signs (over X-Signature-Timestamp + body); each
// request is first checked with discord-interactions' own verifyKey, so that the server and the
// SDK agree on which requests are Discord's.
const rawPublicKey = (key: KeyObject) => key.export({ format: 'der', type: 'spki' }).subarray(-32).toString('hex');
const pair = generateKeyPairSync('ed25519');
const other = generateKeyPairSync('ed25519');
const PUBLIC_KEY = rawPublicKey(pair.publicKey);

const interaction = {
  id: '1091823464571379722',
  application_id: '1091823464571379711',
  type: InteractionType.APPLICATION_COMMAND,
  data: { id: '1091823464571379733', name: 'ping', type: 1 },
  guild_id: '1091823464571379744',
  token: 'interaction-token',
  version: 1,
};
const ping = { id: '1091823464571379755', application_id: '1091823464571379711', type: InteractionType.PING };
const now = () => Math.floor(Date.now() / 1000);

function delivery(body: unknown, { privateKey = pair.privateKey, timestamp = now() } = {}): SenderRequestSpec {
  const text = JSON.stringify(body);
  const signature = sign(null, Buffer.from(`${timestamp}${text}`), privateKey).toString('hex');
  return {
    headers: {
      'Content-Type': 'application/json',
      'X-Signature-Ed25519': signature,
      'X-Signature-Timestamp': String(timestamp),
    },
    body: text,
  };
}

/** What discord-interactions says of the request. */
const sdkAccepts = (spec: SenderRequestSpec) =>
  verifyKey(
    String(spec.body ?? ''),
    spec.headers['X-Signature-Ed25519'] ?? '',
    spec.headers['X-Signature-Timestamp'] ?? '',
    PUBLIC_KEY,
  );

/** The request, after the SDK agreed it is (or is not) Discord's. */
async function checked(spec: SenderRequestSpec, valid: boolean) {
  expect(await sdkAccepts(spec)).toBe(valid);
  return spec;
}

describeSender({
  preset: 'discord',
  signature: { publicKey: PUBLIC_KEY },
  valid: () => checked(delivery(interaction), true),
  expectedBody: interaction,
  refusals: [
    {
      name: 'tampered body',
      request: () => checked(tampered(delivery(interaction)), false),
      message: 'Signature does not match',
    },
    {
      name: 'signed with another key',
      request: () => checked(delivery(interaction, { privateKey: other.privateKey }), false),
      message: 'Signature does not match',
    },
    {
      // verifyKey checks no time: the signature is Discord's, but too old.
      name: 'stale timestamp',
      request: () => checked(delivery(interaction, { timestamp: now() - 3600 }), true),
      message: 'Signature timestamp is outside the tolerance',
    },
    {
      name: 'missing signature header',
      request: () => without(delivery(interaction), 'X-Signature-Ed25519'),
      message: 'Missing signature header X-Signature-Ed25519',
    },
    {
      name: 'missing timestamp header',
      request: () => without(delivery(interaction), 'X-Signature-Timestamp'),
      message: 'Missing signature header X-Signature-Timestamp',
    },
    {
      // Discord checks the endpoint with badly signed PINGs too: they must get 401.
      name: 'PING with a bad signature',
      request: () => checked(delivery(ping, { privateKey: other.privateKey }), false),
      message: 'Signature does not match',
    },
  ],
  handshakes: [
    {
      name: 'PING',
      request: () => checked(delivery(ping), true),
      expectAnswer: async (response) => {
        expect(response.status).toBe(200);
        expect(response.headers.get('content-type')).toMatch(/^application\/json/);
        expect(await response.json()).toEqual({ type: 1 });
      },
    },
  ],
});

describe('discord public key, checked when the workflow is saved', () => {
  const problem = (publicKey: string) =>
    signatureSchema.validate({ preset: 'discord', publicKey }).error?.message ?? null;

  it('accepts the 64 hex characters Discord shows, and a variable read later', () => {
    expect(problem(PUBLIC_KEY)).toBeNull();
    expect(problem('{{$env.DISCORD_PUBLIC_KEY}}')).toBeNull();
  });

  it('refuses a key that is not 32 bytes of hex, naming the field', () => {
    expect(problem(PUBLIC_KEY.slice(2))).toContain('signature.publicKey');
    expect(problem(`${PUBLIC_KEY.slice(2)}zz`)).toContain('signature.publicKey');
    expect(problem(Buffer.from(PUBLIC_KEY, 'hex').toString('base64'))).toContain('signature.publicKey');
  });
});
