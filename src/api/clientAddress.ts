/**
 * @module The address a request comes from, for per-address limits. It is the socket's peer,
 * unless that peer is a proxy listed in TRACKER_TRUSTED_PROXY: then X-Forwarded-For is read from
 * the right, skipping trusted proxies, and the first other address is the client. A client can
 * put anything at the left of that header, so only what trusted proxies appended is believed.
 */
import { BlockList, isIP } from 'node:net'
import type { Context } from 'hono'
import { getConnInfo } from '@hono/node-server/conninfo'

/** "::ffff:10.0.0.1" (IPv4 seen through an IPv6 socket) → "10.0.0.1". */
function plain(address: string): string {
  const m = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)
  return m ? m[1]! : address
}

export type TrustedProxies = (address: string) => boolean

export function trustedProxies(list: readonly string[] | undefined): TrustedProxies | null {
  if (!list?.length) return null
  const blocks = new BlockList()
  for (const item of list) {
    const [address, bits] = item.split('/') as [string, string | undefined]
    const type = isIP(address) === 6 ? 'ipv6' : 'ipv4'
    if (bits === undefined) blocks.addAddress(address, type)
    else blocks.addSubnet(address, Number(bits), type)
  }
  return (address) => {
    const a = plain(address)
    const family = isIP(a)
    return family !== 0 && blocks.check(a, family === 6 ? 'ipv6' : 'ipv4')
  }
}

function peerOf(c: Context): string {
  try {
    return plain(getConnInfo(c).remote.address ?? 'unknown')
  } catch {
    // app.request() in tests and `tracker request` have no socket.
    return 'unknown'
  }
}

export function clientAddress(c: Context, trusted: TrustedProxies | null): string {
  const peer = peerOf(c)
  if (!trusted || !trusted(peer)) return peer
  const hops = c.req
    .header('x-forwarded-for')
    ?.split(',')
    .map((h) => plain(h.trim()))
  if (!hops?.length) return peer
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i]!
    // A malformed entry means the chain cannot be read further: use the last proxy that added one.
    if (isIP(hop) === 0) return i + 1 < hops.length ? hops[i + 1]! : peer
    if (!trusted(hop)) return hop
  }
  return hops[0]!
}
