import { describe, expect, it } from 'vitest'
import rfc9901 from '../../test/fixtures/vectors/sd-jwt/rfc9901.json'
import { decodeToken, loadSdJwt } from '../core'
import { withVerifierPayload } from './use-verifier-payload'

describe('withVerifierPayload', () => {
  it("puts an SD-JWT's processed payload (RFC 9901 §5.2's presentation) in place of the issuer-signed one, keeping positions", async () => {
    const decoded = decodeToken(rfc9901.example.presentation)
    const processed = await (await loadSdJwt()).processSdJwt(rfc9901.example.presentation)
    if (!processed.ok) throw new Error(processed.error.message)
    const verifier = withVerifierPayload(decoded, processed.value)
    expect(verifier.payload?.value).toEqual(rfc9901.example.processedPresentationPayload)
    expect(verifier.payload?.members).toBe(decoded.payload?.members)
    expect(verifier.payload?.start).toBe(decoded.payload?.start)
    expect(verifier.header).toBe(decoded.header)
  })

  it('leaves any other token, or an SD-JWT not processed yet, exactly as decoded', () => {
    const sdJwt = decodeToken(rfc9901.example.presentation)
    expect(withVerifierPayload(sdJwt, null)).toBe(sdJwt)
    const plain = decodeToken(rfc9901.example.issuerJwt)
    expect(plain.sdJwt).toBeUndefined()
    expect(withVerifierPayload(plain, null)).toBe(plain)
  })
})
