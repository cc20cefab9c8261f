/**
 * The readable header of an encrypted envelope, compact or JSON, and the nested-token rule judging an
 * inner token against it. The nested tokens are made here with node:crypto (an ES256 JWS inside a
 * dir/A128GCM JWE), independently of the core's signing and encryption.
 */
import { createCipheriv, generateKeyPairSync, randomBytes, sign } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import rfc7520 from '../../../test/fixtures/vectors/jwe/rfc7520.json'
import { resolveLintContext } from '../lint/index'
import { nestedTokenRule } from '../lint/nested-rules'
import { decodeToken } from '../token'
import { decryptJwe } from './decrypt'
import { jweEnvelopeHeader } from './envelope-header'

const b64u = (data: Uint8Array | string) => Buffer.from(data).toString('base64url')

function es256Jws(payload: object): string {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' })
  const input = `${b64u(JSON.stringify({ alg: 'ES256', typ: 'JWT' }))}.${b64u(JSON.stringify(payload))}`
  return `${input}.${b64u(sign('sha256', Buffer.from(input), { key: privateKey, dsaEncoding: 'ieee-p1363' }))}`
}

/** A flattened JSON JWE (dir, A128GCM) around `plaintext`, with the given header places. */
function flattenedJwe(key: Buffer, plaintext: string, places: { protected: object; unprotected?: object; header?: object }): string {
  const protectedText = b64u(JSON.stringify(places.protected))
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-128-gcm', key, iv)
  cipher.setAAD(Buffer.from(protectedText, 'ascii'))
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()])
  return JSON.stringify({
    protected: protectedText,
    ...(places.unprotected === undefined ? {} : { unprotected: places.unprotected }),
    ...(places.header === undefined ? {} : { header: places.header }),
    iv: b64u(iv),
    ciphertext: b64u(ciphertext),
    tag: b64u(cipher.getAuthTag()),
  })
}

describe('jweEnvelopeHeader', () => {
  it.each([
    ['a compact JWE: its protected header', rfc7520['5.8'].compact, { alg: 'A128KW', kid: '81b20965-8332-43d9-a468-82160ad91ac8', enc: 'A128GCM' }],
    ['a compact JWE folded over lines', `  ${rfc7520['5.8'].compact.slice(0, 20)}\n${rfc7520['5.8'].compact.slice(20)}\n`, { alg: 'A128KW', kid: '81b20965-8332-43d9-a468-82160ad91ac8', enc: 'A128GCM' }],
    ['RFC 7520 §5.11: protected ∪ shared unprotected', JSON.stringify(rfc7520['5.11'].json), { enc: 'A128GCM', alg: 'A128KW', kid: '81b20965-8332-43d9-a468-82160ad91ac8' }],
    ['RFC 7520 §5.12 flattened: the shared unprotected header alone', JSON.stringify(rfc7520['5.12'].json_flat), { alg: 'A128KW', kid: '81b20965-8332-43d9-a468-82160ad91ac8', enc: 'A128GCM' }],
    ['RFC 7520 §5.13: the first recipient\'s value wins per name', JSON.stringify(rfc7520['5.13'].json), { enc: 'A128CBC-HS256', cty: 'text/plain', alg: 'RSA1_5', kid: 'frodo.baggins@hobbiton.example', epk: rfc7520['5.13'].json.recipients[1]!.header.epk, tag: '59Nqh1LlYtVIhfD3pgRGvw', iv: 'AvpeoPZ9Ncn9mkBn' }],
    ['the protected value wins over an unprotected one', JSON.stringify({ protected: b64u('{"iss":"a"}'), unprotected: { iss: 'b' }, ciphertext: '' }), { iss: 'a' }],
  ])('%s', (_name, text, expected) => {
    expect(jweEnvelopeHeader(text)).toEqual(expected)
  })

  it.each([
    ['empty text', ''],
    ['a JWS-like text with an unreadable header', '!!!.e30.'],
    ['broken JSON', '{"protected":'],
    ['a JSON array', '[1]'],
    ['a protected member that is not base64url JSON', JSON.stringify({ protected: '***', ciphertext: '' })],
  ])('%s: {}', (_name, text) => {
    expect(jweEnvelopeHeader(text)).toEqual({})
  })

  it('a member named "__proto__" stays a plain member', () => {
    const header = jweEnvelopeHeader('{"unprotected":{"__proto__":{"polluted":1},"iss":"x"},"ciphertext":""}')
    expect(Object.getPrototypeOf(header)).toBe(Object.prototype)
    expect(Object.keys(header)).toEqual(['__proto__', 'iss'])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})

describe('a nested JWT in JSON serialization, opened and judged', () => {
  const key = randomBytes(16)
  const inner = es256Jws({ iss: 'https://issuer.example', sub: 'alice', aud: 'api' })

  async function judge(places: { protected: object; unprotected?: object; header?: object }) {
    const envelope = flattenedJwe(key, inner, places)
    const opened = await decryptJwe({ text: envelope, keyText: key.toString('hex'), encoding: 'hex' })
    if (!opened.ok || opened.value.innerToken === undefined) throw new Error('the envelope did not open')
    expect(opened.value.innerToken).toBe(inner)
    return nestedTokenRule(decodeToken(opened.value.innerToken), resolveLintContext({ now: 0, envelopeHeader: jweEnvelopeHeader(envelope) }))
  }

  it('"iss" replicated in the shared unprotected header, differing from the inner claim', async () => {
    const findings = await judge({ protected: { alg: 'dir', enc: 'A128GCM', cty: 'JWT' }, unprotected: { iss: 'https://attacker.example' } })
    expect(findings.map((f) => f.id)).toEqual(['nested-claims-disagree'])
    expect(findings[0]?.explanation).toBe(
      'The envelope replicates claims in its readable header (RFC 7519 §5.3), and they do not match the signed inner claims: "iss" is "https://attacker.example" in the envelope\'s header but "https://issuer.example" in the inner token. A recipient or proxy that routes or authorises by the readable header acts on claims nobody signed.',
    )
  })

  it('"aud" in the per-recipient header, differing', async () => {
    const findings = await judge({ protected: { alg: 'dir', enc: 'A128GCM' }, header: { aud: ['api', 'admin'] } })
    expect(findings[0]?.explanation).toContain('"aud" is ["api","admin"] in the envelope\'s header but "api" in the inner token')
  })

  it('exact copies in the protected and per-recipient headers: nothing to say', async () => {
    expect(await judge({ protected: { alg: 'dir', enc: 'A128GCM', iss: 'https://issuer.example' }, header: { sub: 'alice', aud: 'api' } })).toEqual([])
  })
})
