import { isIPv4, isIPv6 } from 'node:net';

/** What kind of network an IP address belongs to; only `public` may be fetched from by default. */
export type AddressKind =
  | 'public'
  | 'unspecified'
  | 'this-network'
  | 'loopback'
  | 'private'
  | 'shared'
  | 'link-local'
  | 'multicast'
  | 'broadcast'
  | 'documentation'
  | 'reserved'
  | 'invalid';

interface Range {
  /** Address bytes (4 or 16), only the first `bits` bits matter. */
  prefix: number[];
  bits: number;
  kind: AddressKind;
}

function v4(cidr: string, kind: AddressKind): Range {
  const [address = '', bits = '32'] = cidr.split('/');
  return { prefix: address.split('.').map(Number), bits: Number(bits), kind };
}

function v6(cidr: string, kind: AddressKind): Range {
  const [address = '', bits = '128'] = cidr.split('/');
  return { prefix: parseIPv6(address) ?? [], bits: Number(bits), kind };
}

// Most specific ranges first: the first match wins. Sources: IANA IPv4/IPv6
// Special-Purpose Address Registries (RFC 6890 and updates).
const IPV4_RANGES: Range[] = [
  v4('0.0.0.0/32', 'unspecified'),
  v4('0.0.0.0/8', 'this-network'),
  v4('10.0.0.0/8', 'private'),
  v4('100.64.0.0/10', 'shared'),
  v4('127.0.0.0/8', 'loopback'),
  v4('169.254.0.0/16', 'link-local'),
  v4('172.16.0.0/12', 'private'),
  v4('192.0.0.0/24', 'reserved'),
  v4('192.0.2.0/24', 'documentation'),
  v4('192.88.99.0/24', 'reserved'),
  v4('192.168.0.0/16', 'private'),
  v4('198.18.0.0/15', 'reserved'),
  v4('198.51.100.0/24', 'documentation'),
  v4('203.0.113.0/24', 'documentation'),
  v4('224.0.0.0/4', 'multicast'),
  v4('255.255.255.255/32', 'broadcast'),
  v4('240.0.0.0/4', 'reserved'),
];

const IPV6_RANGES: Range[] = [
  v6('::/128', 'unspecified'),
  v6('::1/128', 'loopback'),
  v6('64:ff9b:1::/48', 'private'),
  v6('100::/64', 'reserved'),
  v6('2001::/23', 'reserved'),
  v6('2001:db8::/32', 'documentation'),
  v6('3fff::/20', 'documentation'),
  v6('5f00::/16', 'reserved'),
  v6('fc00::/7', 'private'),
  v6('fe80::/10', 'link-local'),
  v6('fec0::/10', 'private'),
  v6('ff00::/8', 'multicast'),
];

/**
 * Prefixes whose addresses carry an IPv4 address in their low 32 bits (IPv4-mapped,
 * IPv4-compatible, NAT64 well-known prefix): they reach whatever that IPv4 address
 * reaches, so they are judged by it.
 */
const IPV4_EMBEDDING: Range[] = [
  v6('::ffff:0:0/96', 'public'),
  v6('::/96', 'public'),
  v6('64:ff9b::/96', 'public'),
];

/** 6to4 (2002::/16) carries the IPv4 address in bits 16–47. */
const SIX_TO_FOUR = v6('2002::/16', 'public');

/** Everything outside 2000::/3 is not global unicast. */
const GLOBAL_UNICAST = v6('2000::/3', 'public');

/**
 * Classifies an IP address literal (dotted-quad IPv4, or IPv6 with or without
 * brackets and zone id). Anything that is not an IP literal is `invalid`.
 */
export function classifyAddress(address: string): AddressKind {
  const literal = address.replace(/^\[(.*)\]$/, '$1').replace(/%.*$/, '');
  if (isIPv4(literal)) return classifyIPv4(literal.split('.').map(Number));
  const bytes = isIPv6(literal) ? parseIPv6(literal) : null;
  if (!bytes) return 'invalid';
  return classifyIPv6(bytes);
}

/** True when the address is a globally reachable unicast address. */
export function isPublicAddress(address: string): boolean {
  return classifyAddress(address) === 'public';
}

function classifyIPv4(bytes: number[]): AddressKind {
  return IPV4_RANGES.find((range) => matches(bytes, range))?.kind ?? 'public';
}

function classifyIPv6(bytes: number[]): AddressKind {
  // `::` and `::1` sit inside ::/96 but are not IPv4 addresses.
  const exact = IPV6_RANGES.slice(0, 2).find((range) => matches(bytes, range));
  if (exact) return exact.kind;
  if (IPV4_EMBEDDING.some((range) => matches(bytes, range))) return classifyIPv4(bytes.slice(12));
  if (matches(bytes, SIX_TO_FOUR)) return classifyIPv4(bytes.slice(2, 6));
  const kind = IPV6_RANGES.find((range) => matches(bytes, range))?.kind;
  if (kind) return kind;
  return matches(bytes, GLOBAL_UNICAST) ? 'public' : 'reserved';
}

function matches(bytes: number[], range: Range): boolean {
  if (bytes.length !== range.prefix.length) return false;
  for (let bit = 0; bit < range.bits; bit += 8) {
    const remaining = Math.min(8, range.bits - bit);
    const mask = (0xff << (8 - remaining)) & 0xff;
    const index = bit / 8;
    if (((bytes[index] ?? 0) & mask) !== ((range.prefix[index] ?? 0) & mask)) return false;
  }
  return true;
}

/** Parses a valid IPv6 literal (as accepted by `net.isIPv6`, without zone) into 16 bytes. */
function parseIPv6(literal: string): number[] | null {
  let text = literal;
  const tail: number[] = [];
  const lastColon = text.lastIndexOf(':');
  const last = text.slice(lastColon + 1);
  if (last.includes('.')) {
    if (!isIPv4(last)) return null;
    tail.push(...last.split('.').map(Number));
    text = `${text.slice(0, lastColon + 1)}0:0`;
  }
  const [head = '', rest] = text.split('::');
  const headGroups = head ? head.split(':') : [];
  const restGroups = rest ? rest.split(':') : [];
  const missing = 8 - headGroups.length - restGroups.length;
  if (rest === undefined ? missing !== 0 : missing < 1) return null;
  const groups = [
    ...headGroups,
    ...new Array<string>(rest === undefined ? 0 : missing).fill('0'),
    ...restGroups,
  ];
  const bytes: number[] = [];
  for (const group of groups) {
    if (!/^[0-9a-f]{1,4}$/i.test(group)) return null;
    const value = parseInt(group, 16);
    bytes.push(value >> 8, value & 0xff);
  }
  if (tail.length) bytes.splice(12, 4, ...tail);
  return bytes;
}
