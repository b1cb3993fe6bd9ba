import { describe, expect, it } from 'vitest';
import { isPrivateAddress, resolvesToPrivateAddress } from './address-check.ts';

describe('isPrivateAddress', () => {
  it('spots loopback, private ranges, link-local metadata and unique-local IPv6', () => {
    for (const ip of [
      '127.0.0.1',
      '10.1.2.3',
      '172.16.0.1',
      '172.31.255.255',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '::1',
      '[::1]',
      'fd00::1',
      'fe80::1',
      '::ffff:127.0.0.1',
    ]) {
      expect(isPrivateAddress(ip), ip).toBe(true);
    }
  });
  it('lets public addresses through', () => {
    for (const ip of ['93.184.216.34', '172.32.0.1', '8.8.8.8', '2606:2800:220:1::1'])
      expect(isPrivateAddress(ip), ip).toBe(false);
  });
  it('treats localhost names as private without asking DNS', async () => {
    expect(await resolvesToPrivateAddress('localhost')).toBe(true);
    expect(await resolvesToPrivateAddress('app.localhost')).toBe(true);
    expect(await resolvesToPrivateAddress('127.0.0.1')).toBe(true);
  });
});
