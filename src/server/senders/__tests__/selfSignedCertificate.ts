import { generateKeyPairSync, KeyObject, sign } from 'crypto';

// A minimal X.509 v3 certificate, DER-encoded by hand: node can read certificates but not make
// them, and the tests must not depend on an openssl binary.

function der(tag: number, content: Buffer): Buffer {
  const length = content.length;
  if (length < 0x80) {
    return Buffer.concat([Buffer.from([tag, length]), content]);
  }
  const bytes: number[] = [];
  for (let rest = length; rest > 0; rest >>= 8) {
    bytes.unshift(rest & 0xff);
  }
  return Buffer.concat([Buffer.from([tag, 0x80 | bytes.length, ...bytes]), content]);
}

const sequence = (...parts: Buffer[]) => der(0x30, Buffer.concat(parts));
const set = (...parts: Buffer[]) => der(0x31, Buffer.concat(parts));
const utf8 = (text: string) => der(0x0c, Buffer.from(text, 'utf8'));
const utcTime = (date: Date) =>
  der(0x17, Buffer.from(`${date.toISOString().slice(2, 19).replace(/[-:T]/g, '')}Z`, 'ascii'));
const bitString = (bytes: Buffer) => der(0x03, Buffer.concat([Buffer.from([0]), bytes]));

function integer(value: Buffer): Buffer {
  return der(0x02, value[0] & 0x80 ? Buffer.concat([Buffer.from([0]), value]) : value);
}

function objectId(dotted: string): Buffer {
  const [first, second, ...rest] = dotted.split('.').map(Number);
  const bytes = [first * 40 + second];
  for (const arc of rest) {
    const groups: number[] = [arc & 0x7f];
    for (let high = arc >> 7; high > 0; high >>= 7) {
      groups.unshift((high & 0x7f) | 0x80);
    }
    bytes.push(...groups);
  }
  return der(0x06, Buffer.from(bytes));
}

const SHA256_WITH_RSA = sequence(objectId('1.2.840.113549.1.1.11'), Buffer.from([0x05, 0x00]));
const commonName = (name: string) => sequence(set(sequence(objectId('2.5.4.3'), utf8(name))));

export interface SelfSigned {
  certificatePem: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** The serial number as hex, as WeChat Pay's `Wechatpay-Serial` carries it. */
  serial: string;
}

/** A self-signed RSA-2048 certificate for `name`, valid from an hour ago for a day. */
export function selfSignedCertificate(name: string): SelfSigned {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const serial = Buffer.from('5157F09D72E9B2A4F3D1', 'hex');
  const now = Date.now();
  const tbs = sequence(
    der(0xa0, integer(Buffer.from([2]))),
    integer(serial),
    SHA256_WITH_RSA,
    commonName(name),
    sequence(utcTime(new Date(now - 3600_000)), utcTime(new Date(now + 86400_000))),
    commonName(name),
    publicKey.export({ type: 'spki', format: 'der' }),
  );
  const certificate = sequence(tbs, SHA256_WITH_RSA, bitString(sign('sha256', tbs, privateKey)));
  const body = certificate
    .toString('base64')
    .match(/.{1,64}/g)!
    .join('\n');
  return {
    certificatePem: `-----BEGIN CERTIFICATE-----\n${body}\n-----END CERTIFICATE-----\n`,
    privateKey,
    publicKey,
    serial: serial.toString('hex').toUpperCase(),
  };
}
