import { isIP } from 'net';
import { isAddressOrRange, isBodySize, isCorsOrigin, isIPv4, isIPv6 } from '../accessRules';

const ADDRESSES = [
  '203.0.113.7',
  '0.0.0.0',
  '255.255.255.255',
  '256.1.1.1',
  '01.2.3.4',
  '1.2.3',
  '1.2.3.4.5',
  '1..3.4',
  '::',
  '::1',
  '1::',
  '2001:db8::',
  '2001:db8:0:0:0:0:0:1',
  '2001:db8:0:0:0:0:0:0:1',
  '1:2:3:4:5:6:7::',
  '::ffff:203.0.113.7',
  '64:ff9b::192.0.2.33',
  '1:2:3:4:5:6:1.2.3.4',
  '1:2:3:4:5:6:7:1.2.3.4',
  ':1::',
  '1:::2',
  '1::2::3',
  '12345::',
  'g::1',
  'localhost',
  '',
];

describe('isIPv4 and isIPv6', () => {
  it.each(ADDRESSES)('read %j as Node does', (address) => {
    const family = isIP(address);
    expect(isIPv4(address)).toBe(family === 4);
    expect(isIPv6(address)).toBe(family === 6);
  });
});

describe('isAddressOrRange', () => {
  it('accepts addresses and CIDR ranges of either family', () => {
    for (const entry of ['198.51.100.7', '203.0.113.0/24', '0.0.0.0/0', '2001:db8::/32', '::1/128', ' 10.0.0.0/8 ']) {
      expect(isAddressOrRange(entry)).toBe(true);
    }
  });

  it('refuses prefixes out of range, empty or not decimal, and anything that is not an address', () => {
    const refused = [
      '10.0.0.0/33',
      '::/129',
      '10.0.0.0/',
      '10.0.0.0/-1',
      '10.0.0.0/0x8',
      '10.0.0.0/8/8',
      'example.com',
      '*',
      42,
    ];
    for (const entry of refused) {
      expect(isAddressOrRange(entry)).toBe(false);
    }
  });
});

describe('isCorsOrigin', () => {
  it('accepts origins as browsers send them, and *', () => {
    for (const entry of ['https://app.example.com', 'http://localhost:3000', 'https://app.example.com/', '*']) {
      expect(isCorsOrigin(entry)).toBe(true);
    }
  });

  it('refuses paths, default ports, upper case and other schemes, which no browser origin equals', () => {
    const refused = [
      'https://app.example.com/hook',
      'https://app.example.com:443',
      'https://App.example.com',
      'app.example.com',
      'ftp://x.test',
      '',
    ];
    for (const entry of refused) {
      expect(isCorsOrigin(entry)).toBe(false);
    }
  });
});

describe('isBodySize', () => {
  it('accepts bytes and sizes with a unit', () => {
    for (const value of [1048576, '1048576', '512kb', '2mb', '1.5 GB', '100b']) {
      expect(isBodySize(value)).toBe(true);
    }
  });

  it('refuses zero, negatives, fractions of a byte and unknown units', () => {
    for (const value of [0, -1, 1.5, '0', '0mb', '2 megabytes', '2tb', 'mb', '']) {
      expect(isBodySize(value)).toBe(false);
    }
  });
});
