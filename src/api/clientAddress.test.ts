import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { clientAddress, trustedProxies } from './clientAddress.ts'

/** Answers with the client address as seen from a socket peer `peer` and the given headers. */
async function seen(list: string[] | undefined, peer: string, xff?: string): Promise<string> {
  const app = new Hono()
  const trusted = trustedProxies(list)
  app.get('/', (c) => c.text(clientAddress(c, trusted)))
  const res = await app.request('/', { headers: xff === undefined ? {} : { 'x-forwarded-for': xff } }, { incoming: { socket: { remoteAddress: peer, remotePort: 1, remoteFamily: peer.includes(':') ? 'IPv6' : 'IPv4' } } })
  return res.text()
}

describe('client address', () => {
  it('ignores X-Forwarded-For without a trusted proxy, so a client cannot pick its own address', async () => {
    expect(await seen(undefined, '203.0.113.9', '198.51.100.1')).toBe('203.0.113.9')
    expect(await seen(['10.0.0.0/8'], '203.0.113.9', '198.51.100.1')).toBe('203.0.113.9')
  })

  it('behind a trusted proxy takes the rightmost address that is not a trusted proxy', async () => {
    expect(await seen(['127.0.0.1'], '127.0.0.1', '198.51.100.1')).toBe('198.51.100.1')
    // The client forged the left entry; the proxy appended the real one.
    expect(await seen(['127.0.0.1'], '127.0.0.1', '1.2.3.4, 198.51.100.1')).toBe('198.51.100.1')
    // Two proxies in a row, both trusted.
    expect(await seen(['127.0.0.1', '10.0.0.0/8'], '127.0.0.1', '1.2.3.4, 198.51.100.1, 10.1.2.3')).toBe('198.51.100.1')
    expect(await seen(['::1'], '::1', '2001:db8::7')).toBe('2001:db8::7')
    expect(await seen(['127.0.0.1'], '::ffff:127.0.0.1', '198.51.100.1')).toBe('198.51.100.1')
  })

  it('falls back to the peer when the header is missing or unreadable', async () => {
    expect(await seen(['127.0.0.1'], '127.0.0.1')).toBe('127.0.0.1')
    expect(await seen(['127.0.0.1'], '127.0.0.1', 'garbage')).toBe('127.0.0.1')
    expect(await seen(['127.0.0.1'], '127.0.0.1', '198.51.100.1, garbage')).toBe('127.0.0.1')
  })
})
