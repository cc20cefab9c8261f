// A JWE in JSON serialization (RFC 7516 §7.2): its header places compared, word for word.
import { Buffer } from 'node:buffer'
import { describe, expect, it } from 'vitest'
import rfc7520 from '../../../test/fixtures/vectors/jwe/rfc7520.json'
import { decodeToken } from '../token'
import { lintToken, onDemandLintRules, resolveLintContext } from './index'
import { jweJsonRule } from './jwe-json-rules'
import { looksLikeJsonJwe } from './on-demand'

const b64u = (data: string) => Buffer.from(data).toString('base64url')
const run = (json: object | string) => jweJsonRule(decodeToken(typeof json === 'string' ? json : JSON.stringify(json)), resolveLintContext({ now: 0 }))
const flat = rfc7520['5.11'].json_flat
const general = rfc7520['5.13'].json

const CONFLICT_FIX = 'Put each header member in exactly one place (security-relevant ones such as "alg", "enc" and "zip" in the protected header), and have receivers refuse a JWE whose header places share a name.'

describe('JWE JSON serialization findings', () => {
  it.each([
    ['RFC 7520 §5.11 (enc protected; alg and kid shared, unprotected)', rfc7520['5.11'].json],
    ['RFC 7520 §5.11 flattened', flat],
    ['RFC 7520 §5.13 (three recipients, enc protected)', general],
    ['RFC 7520 §5.10 (everything protected, with aad)', rfc7520['5.10'].json],
  ])('%s: nothing to say', (_name, json) => {
    expect(run(json)).toEqual([])
  })

  it('"alg" in the protected header and, differently, in the shared unprotected one: a conflict', () => {
    const json = { ...flat, protected: b64u('{"enc":"A128GCM","alg":"A128KW"}'), unprotected: { alg: 'dir', kid: 'k1' } }
    expect(run(json)).toEqual([{
      id: 'jwe-json-header-conflict',
      severity: 'high',
      title: 'Header places disagree: "alg"',
      explanation:
        'The JWE gives a header member two different values in two places: "alg" is "A128KW" in the protected header but "dir" in the shared "unprotected" header. RFC 7516 §7.2.1 requires the protected, shared unprotected and per-recipient headers to have no name in common, ' +
        'so the token is invalid; a receiver that merges them anyway picks one value, and which one depends on the library — two receivers can decrypt the same token with different algorithms, and a proxy that checks one header is fooled by the other.',
      fix: CONFLICT_FIX,
      reference: 'RFC 7516 §7.2.1 and §5.2',
    }])
  })

  it('the same "kid" in the shared and the per-recipient header: a duplicate', () => {
    const json = { ...flat, header: { kid: '81b20965-8332-43d9-a468-82160ad91ac8' } }
    expect(run(json)).toEqual([{
      id: 'jwe-json-header-duplicate',
      severity: 'medium',
      title: 'Header member in two places: "kid"',
      explanation:
        'The same header member is written in more than one place: "kid" ("81b20965-8332-43d9-a468-82160ad91ac8") is in the shared "unprotected" header and in the per-recipient "header". The values agree, but RFC 7516 §7.2.1 requires the places to have no name in common, so strict receivers (this tool\'s decryption among them) refuse the token, and the copy outside the protected header can be changed without breaking the tag.',
      fix: 'Keep one copy of each header member — in the protected header when it matters for security — and drop the others.',
      reference: 'RFC 7516 §7.2.1',
    }])
  })

  it('a recipient that repeats "enc" with another value: a conflict named with the recipient (the protected value is what all read)', () => {
    const recipients = general.recipients.map((r, i) => (i === 1 ? { ...r, header: { ...r.header, enc: 'A256GCM' } } : r))
    const findings = run({ ...general, recipients })
    expect(findings.map((f) => f.id)).toEqual(['jwe-json-header-conflict'])
    expect(findings[0]?.explanation).toMatch(/^The JWE gives a header member two different values in two places: "enc" is "A128CBC-HS256" in the protected header but "A256GCM" in the header of recipient 2\. /)
  })

  it('recipients that each carry their own, different "enc"', () => {
    const noEnc = { ...general, protected: undefined }
    const recipients = general.recipients.map((r, i) => ({ ...r, header: { ...r.header, enc: i === 2 ? 'A256GCM' : 'A128CBC-HS256' } }))
    const findings = run({ ...noEnc, recipients })
    expect(findings.find((f) => f.id === 'jwe-json-enc-disagree')).toEqual({
      id: 'jwe-json-enc-disagree',
      severity: 'high',
      title: 'Recipients disagree on "enc"',
      explanation:
        'All recipients of a JWE share one ciphertext, IV and tag, so they share one content encryption algorithm; here the recipients\' headers say recipient 1: "A128CBC-HS256", recipient 2: "A128CBC-HS256", recipient 3: "A256GCM". ' +
        'At most one of them can decrypt; the others were changed or were never encrypted for, and a receiver that believes its own "enc" is misled.',
      fix: 'Put "enc" once, in the protected header, so every recipient reads the same value and it is integrity-protected.',
      reference: 'RFC 7516 §7.2.1 and §4.1.2',
    })
    expect(findings.map((f) => f.id)).toEqual(['jwe-json-enc-disagree', 'jwe-json-enc-unprotected'])
  })

  it('RFC 7520 §5.12 (content only): "enc" is not integrity-protected', () => {
    expect(run(rfc7520['5.12'].json)).toEqual([{
      id: 'jwe-json-enc-unprotected',
      severity: 'low',
      title: '"enc" is not integrity-protected',
      explanation:
        '"enc" is only in the shared "unprotected" header, not in the protected header (this JWE has none: nothing of its header is authenticated). ' +
        'The algorithm that decrypts the content can then be swapped by anyone on the way; a receiver that does not pin it may be steered to a weaker one, or to an error it reports differently.',
      fix: 'Put "enc" (and any "zip") in the protected header, so it is part of the AAD; receivers should accept only the algorithms they expect.',
      reference: 'RFC 7516 §5.2 and §7.2.1; RFC 8725 §3.1',
    }])
  })

  it('claims replicated outside the protected header', () => {
    const json = { ...flat, unprotected: { ...flat.unprotected, iss: 'https://issuer.example' }, header: { aud: 'api' } }
    expect(run(json)).toEqual([{
      id: 'jwe-json-unprotected-claims',
      severity: 'medium',
      title: 'Claims replicated in an unprotected header',
      explanation:
        'The JWE replicates claims in the clear (RFC 7519 §5.3), but outside the protected header: "iss" in the shared "unprotected" header, "aud" in the per-recipient "header". The unprotected headers are not part of the AAD, ' +
        'so anyone on the way can change them without breaking decryption; a router or recipient that acts on them acts on values nobody vouches for.',
      fix: 'Replicate claims only in the protected header, as exact copies of the inner claims, and decide on the decrypted, signed claims.',
      reference: 'RFC 7519 §5.3; RFC 7516 §7.2.1',
    }])
  })

  it.each([
    ['a compact JWE', rfc7520['5.8'].compact],
    ['a JWS in JSON serialization', JSON.stringify({ payload: 'e30', signatures: [{ protected: 'e30', signature: '' }] })],
    ['JSON with "ciphertext" that is not a JWE', '{"ciphertext": 1}'],
    ['broken JSON', '{"ciphertext": "'],
    ['a huge recipients list', JSON.stringify({ ...flat, recipients: Array.from({ length: 65 }, () => ({ encrypted_key: '' })) })],
  ])('%s: nothing (and never a throw)', (_name, text) => {
    expect(run(text)).toEqual([])
  })

  it('a megabyte of header names is judged in linear time', () => {
    const many: Record<string, string> = {}
    for (let i = 0; i < 40_000; i++) many[`n${i}`] = 'v'
    const json = { ...flat, unprotected: { ...flat.unprotected, ...many }, header: many }
    const token = decodeToken(JSON.stringify(json))
    const started = performance.now()
    const findings = jweJsonRule(token, resolveLintContext({ now: 0 }))
    // Linear: about a third of a second on an idle machine; the bound only catches a pass gone quadratic (1.6 billion steps), not load.
    expect(performance.now() - started).toBeLessThan(10_000)
    expect(findings[0]?.title).toBe('Header member in two places: "n0", "n1", "n2", "n3", "n4" and 39995 more')
  })
})

describe('hostile JSON JWEs', () => {
  it('header values nested 100,000 deep in two places: a duplicate, no throw', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000)
    const text = `{"protected":"${b64u('{"enc":"A128GCM"}')}","unprotected":{"x":${deep}},"header":{"x":${deep}},"ciphertext":""}`
    expect(run(text).map((f) => f.id)).toEqual(['jwe-json-header-duplicate'])
  })
})

describe('loading on demand', () => {
  it.each([
    ['JSON JWE', JSON.stringify(flat), true],
    ['JSON JWE with leading white space and dots in a kid (decoded as five parts)', `\n  ${JSON.stringify(general)}`, true],
    ['compact JWE', rfc7520['5.8'].compact, false],
    ['a JWS', `${b64u('{"alg":"HS256"}')}.${b64u('{"ciphertext":"x"}')}.c2ln`, false],
  ])('%s', (_name, text, wanted) => {
    expect(looksLikeJsonJwe(text)).toBe(wanted)
    expect(onDemandLintRules(decodeToken(text))?.sets.includes('jwe-json') ?? false).toBe(wanted)
  })

  it('the loaded rule runs through lintToken', async () => {
    const token = decodeToken(JSON.stringify(rfc7520['5.12'].json))
    const extraRules = await onDemandLintRules(token)!.load()
    expect(lintToken(token, { now: 0, extraRules }).map((f) => f.id)).toContain('jwe-json-enc-unprotected')
  })
})
