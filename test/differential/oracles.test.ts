import { createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { CoreVerifier, joseInput, joseVerify } from './oracles'

/**
 * The jose side of the differential test reads a text that splits as an SD-JWT (RFC 9901 §4) by its
 * issuer-signed JWT, as the core does, and everything else whole. A `~` anywhere but where the
 * SD-JWT grammar puts it must still leave jose with the whole text, so a core that verified such a
 * token would be caught.
 */
describe('the jose oracle on texts with ~', () => {
  const b64u = (text: string) => Buffer.from(text).toString('base64url')
  const secret = 'a-long-enough-shared-secret-for-hs256-0123456789'
  const key = new TextEncoder().encode(secret)
  const h = b64u('{"alg":"HS256"}')
  const p = b64u('{"sub":"admin"}')
  const s = createHmac('sha256', secret).update(`${h}.${p}`).digest('base64url')
  const jws = `${h}.${p}.${s}`
  const disclosure = b64u('["salt","name","value"]')
  const kbJwt = `${b64u('{"alg":"HS256","typ":"kb+jwt"}')}.${b64u('{}')}.AAAA`

  it.each([
    ['an SD-JWT with no disclosures', `${jws}~`],
    ['an SD-JWT with one disclosure', `${jws}~${disclosure}~`],
    ['an SD-JWT with a Key Binding JWT', `${jws}~${disclosure}~${kbJwt}`],
  ])('gives jose the issuer-signed JWT of %s, which it accepts', async (_name, text) => {
    expect(joseInput(text)).toBe(jws)
    expect(await joseVerify(text, key)).toEqual({ accepted: true })
  })

  const inside = `${s.slice(0, 20)}~${s.slice(20)}`
  it.each([
    ['a ~ in the middle of the signature', `${h}.${p}.${inside}`],
    ['a ~ before the signature', `${h}.${p}.~${s}`],
    ['an empty disclosure (~~)', `${jws}~~`],
    ['a last part that is neither empty nor a compact JWT', `${jws}~${disclosure}`],
  ])('gives jose the whole text for %s, which it rejects', async (_name, text) => {
    expect(joseInput(text)).toBe(text)
    expect(await joseVerify(text, key)).toMatchObject({ accepted: false })
  })

  it('control: the core verifies the SD-JWT with no disclosures and refuses a signature with a ~ inside', async () => {
    const core = new CoreVerifier()
    expect(await core.run(`${jws}~`, secret, 'utf8')).toEqual({ verdict: 'valid' })
    expect((await core.run(`${h}.${p}.${inside}`, secret, 'utf8')).verdict).not.toBe('valid')
  })
})
