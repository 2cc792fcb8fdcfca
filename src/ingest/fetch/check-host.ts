import { lookup as dnsLookup } from 'node:dns/promises';
import type { Message } from '../../model/message.js';
import { classifyAddress, type AddressKind } from './classify-address.js';
import { createFetchMessage, describeTarget } from './fetch-message.js';

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

export type HostLookup = (hostname: string) => Promise<ResolvedAddress[]>;

export type HostCheck = { ok: true; addresses: string[] } | { ok: false; message: Message };

export interface CheckHostOptions {
  lookup?: HostLookup;
  signal?: AbortSignal;
  /** The URL as the user gave it, when `url` is a redirect hop: messages are placed there. */
  input?: string;
}

const KIND_NAMES: Record<Exclude<AddressKind, 'public'>, string> = {
  unspecified: 'an unspecified',
  'this-network': 'a "this network" (0.0.0.0/8)',
  loopback: 'a loopback',
  private: 'a private-network',
  shared: 'a carrier-grade NAT (100.64.0.0/10)',
  'link-local': 'a link-local',
  multicast: 'a multicast',
  broadcast: 'a broadcast',
  documentation: 'a documentation-only',
  reserved: 'a reserved',
  invalid: 'an unparseable',
};

export const defaultLookup: HostLookup = async (hostname) => {
  const results = await dnsLookup(hostname, { all: true, verbatim: true });
  return results.map(({ address, family }) => ({ address, family: family === 6 ? 6 : 4 }));
};

/**
 * The server-side request forgery guard for one hop: resolves the URL's host and
 * refuses it unless every address it resolves to is public. All addresses must pass
 * because the connection may use any of them.
 *
 * The check cannot cover the gap between this lookup and the connection `fetch`
 * makes, which resolves the name again: a hostile DNS server can answer with a public
 * address here and a private one a moment later (DNS rebinding). Closing it means
 * pinning the connection to the checked address through an undici `Agent` with
 * `connect.lookup`, but the undici inside Node 20 is not importable and installing
 * undici is not an option here, so the window stays open. IP literals, `localhost`
 * names and redirects are not affected: they are checked without a second lookup.
 */
export async function checkHost(url: URL, options: CheckHostOptions = {}): Promise<HostCheck> {
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '');
  let addresses: string[];
  if (classifyAddress(host) !== 'invalid') {
    addresses = [host];
  } else if (isLocalhostName(host)) {
    // RFC 6761: localhost names are loopback whatever the resolver says.
    addresses = ['127.0.0.1'];
  } else {
    try {
      const results = await abortable((options.lookup ?? defaultLookup)(host), options.signal);
      addresses = results.map((result) => result.address);
    } catch (error) {
      if (options.signal?.aborted) throw error;
      return { ok: false, message: unresolved(url, options.input, host, describeError(error)) };
    }
    if (addresses.length === 0)
      return { ok: false, message: unresolved(url, options.input, host, 'no addresses') };
  }
  for (const address of addresses) {
    const kind = classifyAddress(address);
    if (kind !== 'public') return { ok: false, message: refused(url, options.input, host, address, kind) };
  }
  return { ok: true, addresses };
}

function isLocalhostName(host: string): boolean {
  const lower = host.toLowerCase();
  return lower === 'localhost' || lower.endsWith('.localhost');
}

function refused(
  url: URL,
  input: string | undefined,
  host: string,
  address: string,
  kind: Exclude<AddressKind, 'public'>,
): Message {
  const resolution = host === address ? `${address} is` : `${host} resolves to ${address},`;
  return createFetchMessage(
    'fetch:private-address',
    input ?? url.href,
    `Refused to fetch ${describeTarget(input ?? url.href, url)}: ${resolution} ${KIND_NAMES[kind]} address; pass --allow-private to fetch from private addresses.`,
  );
}

function unresolved(url: URL, input: string | undefined, host: string, detail: string): Message {
  return createFetchMessage(
    'fetch:dns',
    input ?? url.href,
    `Could not fetch ${describeTarget(input ?? url.href, url)}: the host ${host} could not be resolved (${detail}); check the URL and the network connection.`,
  );
}

export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === 'string' && !error.message.includes(code)
      ? `${code}: ${error.message}`
      : error.message;
  }
  return String(error);
}

/** Rejects as soon as the signal aborts; DNS lookups cannot be cancelled themselves. */
function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
