import { isIP } from 'node:net';
import type { TrustedProxies } from '@/lib/env';

// The client's address (docs/decisions/034-trusted-proxies-and-the-client-address.md). Next.js keeps an
// X-Forwarded-For sent by any client, so the front server (lib/http/front-server.ts) strips every forwarding header
// and sets this one private header from the socket, or from the hop TRUST_PROXY names. The app reads nothing else.

/** The one header the app takes the client address from; the front server overwrites whatever a client sends. */
export const CLIENT_ADDRESS_HEADER = 'x-bien-che-client';

/** An address as a header or a socket writes it, without port, brackets or the IPv4-mapped prefix; null if not an IP. */
export function plainAddress(value: string | undefined | null): string | null {
  if (!value) return null;
  let address = value.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed) address = bracketed[1];
  else if (/^[\d.]+:\d+$/.test(address)) address = address.slice(0, address.lastIndexOf(':'));
  if (address.toLowerCase().startsWith('::ffff:') && isIP(address.slice(7)) === 4) address = address.slice(7);
  return isIP(address) === 0 ? null : address;
}

/**
 * The client address of a request that reached the front server from `socketAddress`: the socket itself unless
 * TRUST_PROXY says proxies stand in front. With a count N, the N-th hop of X-Forwarded-For from the right (fewer
 * hops: the furthest there is); with addresses, the first hop from the right that is not one of them. A hop that
 * is not an IP address ends the walk at the nearer one, which a trusted proxy wrote.
 */
export function resolveClientAddress(socketAddress: string | undefined, forwardedFor: string | undefined, trust: TrustedProxies | undefined): string | null {
  return walkForwarded(socketAddress, forwardedFor, trust).address;
}

/** How many hops of X-Forwarded-For were taken from trusted proxies to reach the client (0: the socket is the client). */
export function forwardingDepth(socketAddress: string | undefined, forwardedFor: string | undefined, trust: TrustedProxies | undefined): number {
  return walkForwarded(socketAddress, forwardedFor, trust).depth;
}

/** Whether the socket's peer is a proxy TRUST_PROXY names (any peer, given a count of one or more). */
export function isTrustedPeer(socketAddress: string | undefined, trust: TrustedProxies | undefined): boolean {
  const socket = plainAddress(socketAddress);
  if (!trust || !socket) return false;
  return 'hops' in trust ? trust.hops > 0 : trust.addresses.some((a) => plainAddress(a) === socket);
}

function walkForwarded(socketAddress: string | undefined, forwardedFor: string | undefined, trust: TrustedProxies | undefined) {
  const socket = plainAddress(socketAddress);
  if (!trust || !socket || !forwardedFor) return { address: socket, depth: 0 };
  const hops = forwardedFor.split(',').reverse();
  const isTrusted = 'hops' in trust ? (depth: number) => depth < trust.hops : (_depth: number, address: string) => trust.addresses.some((a) => plainAddress(a) === address);
  let address = socket;
  let depth = 0;
  while (depth < hops.length && isTrusted(depth, address)) {
    const next = plainAddress(hops[depth]);
    if (!next) break;
    address = next;
    depth++;
  }
  return { address, depth };
}

/** The client address the front server set on this request, or null (a request that did not come through it). */
export function clientAddressOf(headers: { get: (name: string) => string | null }): string | null {
  const value = headers.get(CLIENT_ADDRESS_HEADER);
  return value && isIP(value) !== 0 ? value : null;
}
