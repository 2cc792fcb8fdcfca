import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { classifyAddress, isPublicAddress } from './classify-address.js';

describe('classifyAddress', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['::1', 'loopback'],
    ['[::1]', 'loopback'],
    ['10.0.0.1', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['fc00::1', 'private'],
    ['fd12:3456::1', 'private'],
    ['169.254.169.254', 'link-local'],
    ['fe80::1', 'link-local'],
    ['fe80::1%eth0', 'link-local'],
    ['100.64.0.1', 'shared'],
    ['100.127.255.255', 'shared'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['0.1.2.3', 'this-network'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['ff02::1', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['240.0.0.1', 'reserved'],
    ['198.18.0.1', 'reserved'],
    ['192.0.0.8', 'reserved'],
    ['192.0.2.1', 'documentation'],
    ['2001:db8::1', 'documentation'],
    ['100::1', 'reserved'],
    ['8000::1', 'reserved'],
  ])('should classify %s as %s', (address, kind) => {
    expect(classifyAddress(address)).toBe(kind);
  });

  it.each([
    '93.184.215.14',
    '8.8.8.8',
    '172.32.0.1',
    '100.128.0.1',
    '2606:4700::1111',
    '2a00:1450:4001::200e',
  ])('should classify %s as public', (address) => {
    expect(classifyAddress(address)).toBe('public');
    expect(isPublicAddress(address)).toBe(true);
  });

  it('should judge IPv4-mapped, IPv4-compatible, NAT64 and 6to4 addresses by the IPv4 address they carry', () => {
    expect(classifyAddress('::ffff:127.0.0.1')).toBe('loopback');
    expect(classifyAddress('::ffff:7f00:1')).toBe('loopback');
    expect(classifyAddress('[::ffff:a9fe:a9fe]')).toBe('link-local');
    expect(classifyAddress('::10.0.0.1')).toBe('private');
    expect(classifyAddress('64:ff9b::192.168.0.1')).toBe('private');
    expect(classifyAddress('2002:7f00:1::1')).toBe('loopback');
    expect(classifyAddress('::ffff:8.8.8.8')).toBe('public');
    expect(classifyAddress('2002:0808:0808::1')).toBe('public');
  });

  it('should classify the address WHATWG URL makes of hex, octal and decimal IPv4 forms', () => {
    for (const host of ['0x7f.1', '0177.0.0.1', '2130706433', '127.1', '0xa9.0xfe.0xa9.0xfe']) {
      expect(isPublicAddress(new URL(`http://${host}/`).hostname)).toBe(false);
    }
  });

  it('should call anything that is not an IP literal invalid', () => {
    for (const text of ['localhost', 'example.com', '', '1.2.3', '256.0.0.1', '::1::2', '[::1']) {
      expect(classifyAddress(text)).toBe('invalid');
    }
  });

  it('should give an IPv4-mapped address the same kind as its IPv4 address', () => {
    fc.assert(
      fc.property(fc.ipV4(), (address) => {
        expect(classifyAddress(`::ffff:${address}`)).toBe(classifyAddress(address));
      }),
      { numRuns: 500 },
    );
  });

  it('should classify every syntactically valid IPv6 address without throwing', () => {
    fc.assert(
      fc.property(fc.ipV6(), (address) => {
        expect(classifyAddress(address)).not.toBe('invalid');
      }),
      { numRuns: 500 },
    );
  });
});
