import { createHmac } from 'node:crypto'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createFixedMessageHmac, macWordsToBytes, type HmacAlgorithm } from './hmac-engine'

const HASH: Record<HmacAlgorithm, string> = { HS256: 'sha256', HS384: 'sha384', HS512: 'sha512' }
const ALGS: HmacAlgorithm[] = ['HS256', 'HS384', 'HS512']

function ours(alg: HmacAlgorithm, key: Uint8Array, message: Uint8Array): string {
  const hmac = createFixedMessageHmac(alg, message)
  hmac.compute(key, 0, key.length)
  return Buffer.from(macWordsToBytes(hmac.mac, hmac.macLength)).toString('hex')
}

function reference(alg: HmacAlgorithm, key: Uint8Array, message: Uint8Array): string {
  return createHmac(HASH[alg], key).update(message).digest('hex')
}

describe.each(ALGS)('%s fixed-message HMAC', (alg) => {
  it('equals node:crypto createHmac for random keys (0..300 bytes) and messages (0..1000 bytes)', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 0, maxLength: 300 }),
        fc.uint8Array({ minLength: 0, maxLength: 1000 }),
        (key, message) => ours(alg, key, message) === reference(alg, key, message),
      ),
      { numRuns: 500 },
    )
  })

  // Lengths around the block size (keys) and around the padding boundaries (messages).
  const keyLengths = [0, 1, 31, 32, 63, 64, 65, 111, 112, 127, 128, 129, 200, 257]
  const messageLengths = [0, 1, 47, 48, 55, 56, 63, 64, 111, 112, 119, 120, 127, 128, 200]
  it.each(keyLengths)('matches node:crypto at key length %i for boundary message lengths', (keyLength) => {
    const key = Uint8Array.from({ length: keyLength }, (_, i) => (i * 37 + 11) & 255)
    for (const messageLength of messageLengths) {
      const message = Uint8Array.from({ length: messageLength }, (_, i) => (i * 101 + 7) & 255)
      expect(ours(alg, key, message)).toBe(reference(alg, key, message))
    }
  })

  it('computes a key taken from the middle of a larger buffer', () => {
    const buffer = Uint8Array.from({ length: 400 }, (_, i) => (i * 13) & 255)
    const message = new TextEncoder().encode('eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0')
    const hmac = createFixedMessageHmac(alg, message)
    for (const [start, end] of [[10, 20], [5, 300], [399, 400]] as const) {
      hmac.compute(buffer, start, end)
      expect(Buffer.from(macWordsToBytes(hmac.mac, hmac.macLength)).toString('hex'))
        .toBe(reference(alg, buffer.subarray(start, end), message))
    }
  })
})
