import { buildAddressList, listHas, plainAddress } from '../clientAddress';

describe('the IP allow-list', () => {
  it('matches addresses and ranges of both families, IPv4-mapped IPv6 included', () => {
    const { list, invalid } = buildAddressList(['203.0.113.0/24', '198.51.100.7', '2001:db8::/32']);
    expect(invalid).toEqual([]);
    expect(listHas(list, '203.0.113.200')).toBe(true);
    expect(listHas(list, '::ffff:203.0.113.9')).toBe(true);
    expect(listHas(list, '198.51.100.7')).toBe(true);
    expect(listHas(list, '198.51.100.8')).toBe(false);
    expect(listHas(list, '2001:db8:1::5')).toBe(true);
    expect(listHas(list, '2001:db9::5')).toBe(false);
    expect(plainAddress('::ffff:10.1.2.3')).toBe('10.1.2.3');
  });

  it('sets aside entries that are not an address or range, never widening to everyone', () => {
    const { list, invalid } = buildAddressList([
      '10.0.0.0/',
      '10.0.0.0/33',
      '10.0.0.0/ 8',
      '10.0.0.0/8/8',
      'example.com',
      '::1/129',
    ]);
    expect(invalid).toEqual(['10.0.0.0/', '10.0.0.0/33', '10.0.0.0/ 8', '10.0.0.0/8/8', 'example.com', '::1/129']);
    expect(listHas(list, '8.8.8.8')).toBe(false);
    expect(listHas(list, '10.1.1.1')).toBe(false);
  });
});
