import dns from 'node:dns';
import net from 'node:net';
import ipaddr from 'ipaddr.js';

// SSRF guard: a webhook URL is chosen by a partner, so the gateway must never
// be made to call its own network. Only global unicast addresses are allowed
// (public IPv4; IPv6 in 2000::/3 outside its special ranges), on the allowed
// ports (443 and 80 unless configured); WEBHOOK_ALLOW_LOCAL (development and
// tests) adds http:// and loopback, on any port. The same checks run at
// registration (the URL, and every address its name resolves to) and before
// each call (the URL, and the very addresses the socket connects to).

export class UnsafeUrlError extends Error {}

/** Longer URLs are refused at registration (BAD_USER_INPUT), as browsers and proxies do. */
export const MAX_URL_LENGTH = 2000;

export const DEFAULT_WEBHOOK_PORTS: readonly number[] = [443, 80];

let allowedPorts: readonly number[] = DEFAULT_WEBHOOK_PORTS;

/** The ports webhook URLs may name (WEBHOOK_PORTS), set once at start-up by main.ts and worker.ts. */
export function allowWebhookPorts(ports: readonly number[]): void {
  allowedPorts = [...ports];
}

export function webhookPorts(): readonly number[] {
  return allowedPorts;
}

const FORBIDDEN =
  'url must point at a public address, not a loopback, private, link-local or otherwise special one.';

// ipaddr.js calls everything outside its special ranges "unicast"; for IPv6
// that still includes IPv4-compatible ::a.b.c.d and the unallocated space,
// so a global address must also sit in 2000::/3 (RFC 4291's global unicast).
const GLOBAL_UNICAST_V6 = ipaddr.parseCIDR('2000::/3');

/** True for a global unicast address (IPv4-mapped IPv6 judged as its IPv4). */
export function isGlobalAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  const ip = ipaddr.process(address);
  if (ip.range() !== 'unicast') return false;
  return ip.kind() === 'ipv4' || (ip as ipaddr.IPv6).match(GLOBAL_UNICAST_V6);
}

function isLoopback(address: string): boolean {
  return ipaddr.isValid(address) && ipaddr.process(address).range() === 'loopback';
}

function addressAllowed(address: string, allowLocal: boolean): boolean {
  return isGlobalAddress(address) || (allowLocal && isLoopback(address));
}

/** Checks a URL's form (scheme, port, literal addresses): at registration and before each call. */
export function checkWebhookUrl(raw: string, allowLocal: boolean): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UnsafeUrlError('url is not a valid URL.');
  }
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const literal = net.isIP(host) !== 0;
  const local = host === 'localhost' || (literal && isLoopback(host));
  if (url.protocol !== 'https:' && !(allowLocal && url.protocol === 'http:' && local))
    throw new UnsafeUrlError('url must use https://.');
  if (url.username || url.password) throw new UnsafeUrlError('url must not carry credentials.');
  if (host === 'localhost' && !allowLocal) throw new UnsafeUrlError(FORBIDDEN);
  if (literal && !addressAllowed(host, allowLocal)) throw new UnsafeUrlError(FORBIDDEN);
  const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  if (!(allowLocal && local) && !allowedPorts.includes(port))
    throw new UnsafeUrlError(`url must use port ${allowedPorts.join(' or ')}, not ${port}.`);
  return url;
}

/** How long registration waits for a name to resolve. */
const REGISTRATION_LOOKUP_MS = 3_000;

/**
 * At registration: the URL's form, then every address its name resolves to
 * now. A name that does not resolve (yet) is accepted: each call checks the
 * addresses it connects to anyway (guardedLookup).
 */
export async function checkWebhookUrlResolved(raw: string, allowLocal: boolean): Promise<URL> {
  const url = checkWebhookUrl(raw, allowLocal);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (net.isIP(host) !== 0) return url;
  let timer: NodeJS.Timeout | undefined;
  const addresses = await Promise.race([
    dns.promises.lookup(host, { all: true, verbatim: true }).catch(() => []),
    new Promise<dns.LookupAddress[]>((resolve) => {
      timer = setTimeout(() => resolve([]), REGISTRATION_LOOKUP_MS);
    }),
  ]).finally(() => clearTimeout(timer));
  if (addresses.some((a) => !addressAllowed(a.address, allowLocal)))
    throw new UnsafeUrlError(FORBIDDEN);
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
 * that resolves differently later (DNS rebinding) cannot slip through. Its
 * error names no address: the attempt's error is shown to the partner, who
 * must not learn what an internal name resolves to.
 */
export function guardedLookup(allowLocal: boolean) {
  return (hostname: string, options: dns.LookupOptions, callback: LookupCallback) => {
    dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err)
        return callback(
          new Error(`${hostname} could not be resolved (${err.code ?? 'lookup failed'})`),
          [],
        );
      const bad = addresses.some((a) => !addressAllowed(a.address, allowLocal));
      if (bad || addresses.length === 0)
        return callback(
          new UnsafeUrlError(`${hostname} resolves to a forbidden address (not a public one)`),
          [],
        );
      if (options.all) return callback(null, addresses);
      callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}
