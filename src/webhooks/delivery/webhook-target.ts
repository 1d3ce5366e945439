import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

type IPv4 = ipaddr.IPv4;
type IPv6 = ipaddr.IPv6;

// A webhook URL is chosen by an admin, but the request leaves from inside our network (SSRF): it
// may only go to global unicast addresses. ipaddr.js knows the special-purpose ranges (private,
// loopback, link-local, CGNAT, multicast, broadcast, reserved, benchmarking, documentation...);
// anything it does not call plain "unicast" is refused.

// Metadata services that sit on otherwise ordinary unicast addresses.
const METADATA_V4 = ['100.100.100.200/32', '168.63.129.16/32'].map((cidr) => ipaddr.IPv4.parseCIDR(cidr)); // Alibaba; Azure host

// IPv6 forms that carry an IPv4 address, and where: a request to one of them ends up at that IPv4
// address (through the dual stack, NAT64, a 6to4 relay or a Teredo relay), so it is judged by it.
const v6 = (cidr: string) => ipaddr.IPv6.parseCIDR(cidr);
const ipv4At = (high: number, low: number): IPv4 => new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);
const EMBEDDING: [[IPv6, number], (parts: number[]) => IPv4[]][] = [
  [v6('::/96'), (p) => [ipv4At(p[6]!, p[7]!)]], // IPv4-compatible (deprecated), :: and ::1 included
  [v6('::ffff:0:0/96'), (p) => [ipv4At(p[6]!, p[7]!)]], // IPv4-mapped
  [v6('::ffff:0:0:0/96'), (p) => [ipv4At(p[6]!, p[7]!)]], // IPv4-translated (RFC 6145)
  [v6('64:ff9b::/96'), (p) => [ipv4At(p[6]!, p[7]!)]], // NAT64 well-known prefix (RFC 6052)
  [v6('2002::/16'), (p) => [ipv4At(p[1]!, p[2]!)]], // 6to4
  // Teredo: the server's address, and the client's, stored inverted.
  [v6('2001::/32'), (p) => [ipv4At(p[2]!, p[3]!), ipv4At(p[6]! ^ 0xffff, p[7]! ^ 0xffff)]],
];

function isGlobalUnicast(address: IPv4 | IPv6): boolean {
  if (address instanceof ipaddr.IPv4) {
    return address.range() === 'unicast' && !METADATA_V4.some((range) => address.match(range));
  }
  const embedding = EMBEDDING.find(([range]) => address.match(range));
  if (embedding) return embedding[1](address.parts).every(isGlobalUnicast);
  return address.range() === 'unicast';
}

export interface ResolvedTarget {
  readonly address: string;
  readonly family: 4 | 6;
}

export type TargetCheck = { ok: true; target: ResolvedTarget } | { ok: false; reason: string };

/** True for every address that is not global unicast, IPv6 forms of IPv4 addresses judged by those. */
export function isBlockedAddress(address: string): boolean {
  // node:net first: ipaddr.js also reads loose forms ("127.1", "0x7f.1") that no resolver returns.
  if (isIP(address) === 0) return true;
  return !isGlobalUnicast(ipaddr.parse(address));
}

/**
 * Resolves a URL's host and checks every address it resolves to. Delivery then connects to the
 * returned address itself, so a DNS answer that changes between check and connect (rebinding)
 * cannot redirect the request.
 */
export async function checkTarget(url: URL, allowPrivate: boolean): Promise<TargetCheck> {
  if (url.protocol !== 'https:' && !(allowPrivate && url.protocol === 'http:')) {
    return { ok: false, reason: 'must use https' };
  }
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  let addresses: { address: string; family: number }[];
  try {
    addresses = isIP(host) ? [{ address: host, family: isIP(host) }] : await lookup(host, { all: true, verbatim: true });
  } catch {
    return { ok: false, reason: `host ${host} does not resolve` };
  }
  if (addresses.length === 0) return { ok: false, reason: `host ${host} does not resolve` };
  if (!allowPrivate && addresses.some((entry) => isBlockedAddress(entry.address))) {
    return {
      ok: false,
      reason: 'must point to a public address: not private, loopback, link-local, multicast, reserved or metadata',
    };
  }
  const first = addresses[0]!;
  return { ok: true, target: { address: first.address, family: first.family === 6 ? 6 : 4 } };
}
