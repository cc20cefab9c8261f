/** Key generation survives the sporadic OperationError some engines give (WebKit's Ed25519), and only that. */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { generateKey } from './generate'

afterEach(() => vi.restoreAllMocks())

function failFirst(times: number, name: string) {
  const real = crypto.subtle.generateKey.bind(crypto.subtle)
  let calls = 0
  return vi.spyOn(crypto.subtle, 'generateKey').mockImplementation(((...args: Parameters<typeof real>) => {
    calls++
    if (calls <= times) return Promise.reject(new DOMException('The operation failed for an operation-specific reason', name))
    return real(...args)
  }) as typeof crypto.subtle.generateKey)
}

describe('generateKey on WebCrypto', () => {
  it('an Ed25519 key is generated although the engine refused the first attempts with an OperationError', async () => {
    const spy = failFirst(3, 'OperationError')
    const result = await generateKey('Ed25519')
    expect(result.ok && result.value.publicJwk).toMatchObject({ kty: 'OKP', crv: 'Ed25519' })
    expect(spy).toHaveBeenCalledTimes(4)
  })

  it('four OperationErrors in a row are reported, not retried for ever', async () => {
    const spy = failFirst(10, 'OperationError')
    const result = await generateKey('Ed25519')
    expect(result).toMatchObject({ ok: false, error: { code: 'KEYGEN_FAILED' } })
    expect(spy).toHaveBeenCalledTimes(4)
  })

  it('another error is reported at once', async () => {
    const spy = failFirst(1, 'NotSupportedError')
    const result = await generateKey('ES256')
    expect(result).toMatchObject({ ok: false, error: { code: 'KEYGEN_FAILED' } })
    expect(spy).toHaveBeenCalledTimes(1)
  })
})
