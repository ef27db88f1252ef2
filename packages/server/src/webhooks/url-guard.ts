import dns from 'node:dns';
import net from 'node:net';
import ipaddr from 'ipaddr.js';

// SSRF guard: a webhook URL is chosen by a partner, so the gateway must never
// be made to call its own network. Only public unicast addresses are allowed;
// WEBHOOK_ALLOW_LOCAL (development and tests) adds http:// and loopback only.

export class UnsafeUrlError extends Error {}

/** Longer URLs are refused at registration (BAD_USER_INPUT), as browsers and proxies do. */
export const MAX_URL_LENGTH = 2000;

function addressAllowed(address: string, allowLocal: boolean): boolean {
  if (!ipaddr.isValid(address)) return false;
  const range = ipaddr.process(address).range(); // IPv4-mapped IPv6 -> IPv4
  return range === 'unicast' || (allowLocal && range === 'loopback');
}

/** Checks a URL's form (scheme, literal addresses): at registration and before each call. */
export function checkWebhookUrl(raw: string, allowLocal: boolean): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UnsafeUrlError('url is not a valid URL.');
  }
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const local =
    host === 'localhost' || (net.isIP(host) !== 0 && ipaddr.process(host).range() === 'loopback');
  if (url.protocol !== 'https:' && !(allowLocal && url.protocol === 'http:' && local))
    throw new UnsafeUrlError('url must use https://.');
  if (url.username || url.password) throw new UnsafeUrlError('url must not carry credentials.');
  if (host === 'localhost' && !allowLocal)
    throw new UnsafeUrlError('url must not point at a loopback, private or link-local address.');
  if (net.isIP(host) !== 0 && !addressAllowed(host, allowLocal))
    throw new UnsafeUrlError('url must not point at a loopback, private or link-local address.');
  return url;
}

type LookupCallback = (
  err: NodeJS.ErrnoException | null,
  address: string | dns.LookupAddress[],
  family?: number,
) => void;

/**
 * A dns.lookup for http.request that refuses names resolving to a forbidden
 * address. It checks the very addresses the socket connects to, so a name
 * that resolves differently later (DNS rebinding) cannot slip through.
 */
export function guardedLookup(allowLocal: boolean) {
  return (hostname: string, options: dns.LookupOptions, callback: LookupCallback) => {
    dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, []);
      const bad = addresses.find((a) => !addressAllowed(a.address, allowLocal));
      if (bad || addresses.length === 0)
        return callback(
          new UnsafeUrlError(
            `${hostname} resolves to a forbidden address (${bad?.address ?? 'none'})`,
          ),
          [],
        );
      if (options.all) return callback(null, addresses);
      callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}
