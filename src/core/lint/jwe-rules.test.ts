import { generateKeyPairSync } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { decodeToken } from '../token/decode'
import { lintToken, onDemandLintRules, resolveLintContext } from './index'
import { jweHeaderRule } from './jwe-rules'

const b64u = (text: string) => Buffer.from(text).toString('base64url')
const TAIL = '.AAAA.AAAAAAAAAAAAAAAA.e30.AAAAAAAAAAAAAAAAAAAAAA'
/** A compact JWE whose protected header is `header` exactly as written. */
const jwe = (header: string) => decodeToken(`${b64u(header)}${TAIL}`)
const run = (header: string) => jweHeaderRule(jwe(header), resolveLintContext({ now: 0 }))

/**
 * Where a header member is in the token, worked out here from its place in the header text: byte i
 * of a base64url segment lies in character ⌊8i/6⌋ (ASCII headers: one byte per character).
 */
function at(header: string, name: string): { segment: 'header'; offset: number; length: number } {
  const start = header.indexOf(`"${name}":`)
  let end = start + name.length + 3
  let depth = 0
  for (; end < header.length; end++) {
    const c = header[end]
    if (c === '{' || c === '[') depth++
    else if (c === '}' || c === ']') {
      if (depth === 0) break
      depth--
      if (depth === 0) { end++; break }
    } else if (c === ',' && depth === 0) break
  }
  const from = Math.floor((start * 4) / 3)
  return { segment: 'header', offset: from, length: Math.ceil((end * 4) / 3) - from }
}

const point = (namedCurve: string) => generateKeyPairSync('ec', { namedCurve }).publicKey.export({ format: 'jwk' }) as { kty: string; crv: string; x: string; y: string }
const x25519 = generateKeyPairSync('x25519').publicKey.export({ format: 'jwk' }) as { kty: string; crv: string; x: string }
const p256 = point('P-256')
const offCurve = { ...p256, y: Buffer.from(Buffer.from(p256.y, 'base64url').map((b, i, all) => (i === all.length - 1 ? b ^ 1 : b))).toString('base64url') }

describe('JWE header findings, word for word', () => {
  it('RSA1_5', () => {
    const header = '{"alg":"RSA1_5","enc":"A128CBC-HS256"}'
    expect(run(header)).toEqual([{
      id: 'jwe-rsa1_5',
      severity: 'high',
      title: 'RSA1_5 key encryption (a padding oracle)',
      explanation: "The content key is encrypted with RSAES-PKCS1-v1_5. A receiver whose answers, errors or timing differ when the padding is wrong lets an attacker decrypt the key with a series of crafted tokens (Bleichenbacher's attack), and constant-time handling is hard to get right. Maintained libraries, jose among them, no longer offer it.",
      fix: 'Encrypt with RSA-OAEP-256 (same RSA key) or ECDH-ES+A256KW, and have receivers refuse RSA1_5.',
      reference: 'RFC 8725 §3.2; RFC 7518 §4.2',
      ...at(header, 'alg'),
    }])
  })

  it('a weak PBES2 count', () => {
    const header = '{"alg":"PBES2-HS256+A128KW","enc":"A128GCM","p2c":999,"p2s":"2WCTcJZ1Rvd_CJuJripQ1w"}'
    expect(run(header)).toEqual([{
      id: 'jwe-pbes2-weak-count',
      severity: 'medium',
      title: 'Weak PBES2 count: p2c is 999, below 1000',
      explanation: 'The password-derived key is computed with only 999 PBKDF2 iterations. Anyone holding this token can test passwords offline against it, and each guess costs almost nothing; RFC 7518 recommends at least 1000.',
      fix: 'Use p2c of at least 1000 (jose writes 2048) and a long random password; have receivers refuse counts below 1000.',
      reference: 'RFC 7518 §4.8.1.2',
      ...at(header, 'p2c'),
    }])
  })

  it('a PBES2 count high enough to stall a receiver', () => {
    const header = '{"alg":"PBES2-HS512+A256KW","enc":"A256GCM","p2c":2147483647,"p2s":"2WCTcJZ1Rvd_CJuJripQ1w"}'
    expect(run(header)).toEqual([{
      id: 'jwe-pbes2-high-count',
      severity: 'medium',
      title: 'PBES2 count p2c is 2,147,483,647: a receiver spends that many iterations before it can refuse the token',
      explanation: "p2c is chosen by whoever makes the token, and a receiver must run PBKDF2 2,147,483,647 times before it learns whether the token is genuine. Without an upper bound one such token can hold a server's CPU for seconds or more: a denial of service (CVE-2022-36083 in jose, and the same flaw in other libraries).",
      fix: 'Have receivers refuse p2c above a bound before deriving (jose: maxPBES2Count, 10,000 by default), and issue tokens with a count they accept.',
      reference: 'RFC 7518 §4.8.1.2; RFC 8725 §3.4; CVE-2022-36083',
      ...at(header, 'p2c'),
    }])
  })

  it('a PBES2 count that is not a count', () => {
    const header = '{"alg":"PBES2-HS384+A192KW","enc":"A192GCM","p2c":"4096","p2s":"2WCTcJZ1Rvd_CJuJripQ1w"}'
    expect(run(header)).toEqual([{
      id: 'jwe-pbes2-count-invalid',
      severity: 'medium',
      title: 'PBES2 count (p2c) is not a positive whole number',
      explanation: 'The header sets p2c to "4096". PBKDF2 needs a positive iteration count; a receiver that passes this on unchecked may fail in unexpected ways or, reading it loosely, derive with almost no work.',
      fix: 'Issue tokens with a whole p2c of at least 1000, and have receivers refuse anything else before deriving.',
      reference: 'RFC 7518 §4.8.1.2',
      ...at(header, 'p2c'),
    }])
  })

  it('zip', () => {
    const header = '{"alg":"A128KW","enc":"A128GCM","zip":"DEF"}'
    expect(run(header)).toEqual([{
      id: 'jwe-zip',
      severity: 'medium',
      title: 'Compressed before encryption (zip: "DEF")',
      explanation: 'The plaintext is compressed before it is encrypted, so the ciphertext length depends on how repetitive the plaintext is. When data an attacker chooses sits next to a secret in it, the length of tokens reveals the secret piece by piece (a compression oracle, as in CRIME and BREACH). A receiver that inflates without a limit can also be sent a small token that expands to gigabytes.',
      fix: 'Do not compress tokens whose content mixes attacker-influenced values with secrets; receivers should bound the inflated size and accept zip only from trusted senders.',
      reference: 'RFC 8725 §3.6; RFC 7516 §4.1.3',
      ...at(header, 'zip'),
    }])
  })

  it('dir', () => {
    const header = '{"alg":"dir","enc":"A256GCM"}'
    expect(run(header)).toEqual([{
      id: 'jwe-dir',
      severity: 'info',
      title: 'Direct encryption (dir): one shared key for every token',
      explanation: 'With dir the shared key is itself the content encryption key, so every token is encrypted with the same key and there is no per-token key. Everyone who can decrypt can also make tokens the others accept, one leaked copy exposes every token ever sent, and with AES-GCM the random 96-bit IVs of many tokens under one key must never repeat.',
      fix: 'Prefer a key management algorithm that gives each token its own key (A256KW, ECDH-ES+A256KW, RSA-OAEP-256); if dir stays, use a random key of exactly the size enc needs and rotate it.',
      reference: 'RFC 7518 §4.5; RFC 7516 §5.1',
      ...at(header, 'alg'),
    }])
  })

  it('an ECDH-ES ephemeral key on another curve', () => {
    const k1 = point('secp256k1')
    const header = `{"alg":"ECDH-ES+A128KW","enc":"A128GCM","epk":${JSON.stringify(k1)}}`
    expect(run(header)).toEqual([{
      id: 'jwe-epk-curve',
      severity: 'high',
      title: 'ECDH-ES ephemeral key on an unsupported curve',
      explanation: "The ephemeral public key (epk) is an EC key on \"secp256k1\". ECDH-ES in JOSE is defined for P-256, P-384, P-521 and X25519; a receiver that computes the agreement on whatever curve the token names, or mixes the token's curve with its own key's, can leak its private key to a series of crafted tokens (invalid-curve attack).",
      fix: 'Receivers must check that epk is on the curve of their own key (P-256, P-384, P-521 or X25519) before key agreement; issue tokens with an epk on that curve.',
      reference: 'RFC 8725 §3.4; RFC 7518 §4.6.1.1',
      ...at(header, 'epk'),
    }])
  })

  it('an ECDH-ES ephemeral point off its curve', () => {
    const header = `{"alg":"ECDH-ES","enc":"A256GCM","epk":${JSON.stringify(offCurve)}}`
    expect(run(header)).toEqual([{
      id: 'jwe-epk-invalid',
      severity: 'high',
      title: 'ECDH-ES ephemeral key is malformed',
      explanation: "The ephemeral public key (epk) is a point that is not on P-256. Points that are not valid public keys are how invalid-curve attacks extract a receiver's private key: each crafted token that the receiver processes reveals a little of it.",
      fix: 'Receivers must validate epk (curve, coordinate sizes, point on the curve, no private members) and refuse the token otherwise; issue tokens with a well-formed epk.',
      reference: 'RFC 8725 §3.4; RFC 7518 §4.6.1.1 and §6.2.1',
      ...at(header, 'epk'),
    }])
  })
})

describe('JWE header findings: which tokens raise which', () => {
  const p384 = point('P-384')
  const p521 = point('P-521')
  const short = { ...p256, x: Buffer.from(p256.x, 'base64url').subarray(1).toString('base64url') }
  const epk = (key: object) => JSON.stringify(key)
  const cases: [string, string, readonly (readonly [string, string])[]][] = [
    ['RSA-OAEP-256', '{"alg":"RSA-OAEP-256","enc":"A256GCM"}', []],
    ['RSA-OAEP', '{"alg":"RSA-OAEP","enc":"A128CBC-HS256"}', []],
    ['RSA1_5 with zip', '{"alg":"RSA1_5","enc":"A128GCM","zip":"DEF"}', [['jwe-rsa1_5', 'high'], ['jwe-zip', 'medium']]],
    ['rsa1_5 in lower case is not RSA1_5', '{"alg":"rsa1_5","enc":"A128GCM"}', []],
    ['A256KW', '{"alg":"A256KW","enc":"A256GCM"}', []],
    ['dir with zip', '{"alg":"dir","enc":"A128GCM","zip":"DEF"}', [['jwe-zip', 'medium'], ['jwe-dir', 'info']]],
    ['zip of another value', '{"alg":"A128KW","enc":"A128GCM","zip":"GZIP"}', [['jwe-zip', 'medium']]],
    ['PBES2 with p2c 1000', '{"alg":"PBES2-HS256+A128KW","enc":"A128GCM","p2c":1000,"p2s":"AAAAAAAAAAA"}', []],
    ['PBES2 with p2c 2048', '{"alg":"PBES2-HS256+A128KW","enc":"A128GCM","p2c":2048,"p2s":"AAAAAAAAAAA"}', []],
    ['PBES2 with p2c 600,000', '{"alg":"PBES2-HS256+A128KW","enc":"A128GCM","p2c":600000,"p2s":"AAAAAAAAAAA"}', []],
    ['PBES2 with p2c 1,000,000', '{"alg":"PBES2-HS256+A128KW","enc":"A128GCM","p2c":1000000,"p2s":"AAAAAAAAAAA"}', []],
    ['PBES2 with p2c 1,000,001', '{"alg":"PBES2-HS256+A128KW","enc":"A128GCM","p2c":1000001,"p2s":"AAAAAAAAAAA"}', [['jwe-pbes2-high-count', 'medium']]],
    ['PBES2 with p2c 1', '{"alg":"PBES2-HS256+A128KW","enc":"A128GCM","p2c":1,"p2s":"AAAAAAAAAAA"}', [['jwe-pbes2-weak-count', 'medium']]],
    ['PBES2 with p2c 0', '{"alg":"PBES2-HS256+A128KW","enc":"A128GCM","p2c":0,"p2s":"AAAAAAAAAAA"}', [['jwe-pbes2-count-invalid', 'medium']]],
    ['PBES2 with p2c -5', '{"alg":"PBES2-HS256+A128KW","enc":"A128GCM","p2c":-5,"p2s":"AAAAAAAAAAA"}', [['jwe-pbes2-count-invalid', 'medium']]],
    ['PBES2 with p2c 1.5', '{"alg":"PBES2-HS256+A128KW","enc":"A128GCM","p2c":1.5,"p2s":"AAAAAAAAAAA"}', [['jwe-pbes2-count-invalid', 'medium']]],
    ['PBES2 with a p2c of 400 digits', `{"alg":"PBES2-HS256+A128KW","enc":"A128GCM","p2c":${'9'.repeat(400)},"p2s":"AAAAAAAAAAA"}`, [['jwe-pbes2-high-count', 'medium']]],
    ['PBES2 with p2c 1e300', '{"alg":"PBES2-HS256+A128KW","enc":"A128GCM","p2c":1e300,"p2s":"AAAAAAAAAAA"}', [['jwe-pbes2-high-count', 'medium']]],
    ['PBES2 without p2c (the decoder reports it)', '{"alg":"PBES2-HS256+A128KW","enc":"A128GCM"}', []],
    ['a p2c without PBES2', '{"alg":"A128KW","enc":"A128GCM","p2c":1}', []],
    ['ECDH-ES on P-256', `{"alg":"ECDH-ES","enc":"A128GCM","epk":${epk(p256)}}`, []],
    ['ECDH-ES+A192KW on P-384', `{"alg":"ECDH-ES+A192KW","enc":"A192GCM","epk":${epk(p384)}}`, []],
    ['ECDH-ES+A256KW on P-521', `{"alg":"ECDH-ES+A256KW","enc":"A256GCM","epk":${epk(p521)}}`, []],
    ['ECDH-ES on X25519', `{"alg":"ECDH-ES","enc":"A128GCM","epk":${epk(x25519)}}`, []],
    ['ECDH-ES on X448', `{"alg":"ECDH-ES","enc":"A128GCM","epk":{"kty":"OKP","crv":"X448","x":"${'A'.repeat(75)}"}}`, [['jwe-epk-curve', 'high']]],
    ['ECDH-ES with an Ed25519 epk', `{"alg":"ECDH-ES","enc":"A128GCM","epk":{"kty":"OKP","crv":"Ed25519","x":"${x25519.x}"}}`, [['jwe-epk-curve', 'high']]],
    ['ECDH-ES with a P-256 point labelled P-384', `{"alg":"ECDH-ES","enc":"A128GCM","epk":${epk({ ...p256, crv: 'P-384' })}}`, [['jwe-epk-invalid', 'high']]],
    ['ECDH-ES with an RSA epk', '{"alg":"ECDH-ES","enc":"A128GCM","epk":{"kty":"RSA","n":"AQAB","e":"AQAB"}}', [['jwe-epk-curve', 'high']]],
    ['ECDH-ES with a 31-byte x', `{"alg":"ECDH-ES","enc":"A128GCM","epk":${epk(short)}}`, [['jwe-epk-invalid', 'high']]],
    ['ECDH-ES with a private epk', `{"alg":"ECDH-ES","enc":"A128GCM","epk":${epk({ ...p256, d: p256.x })}}`, [['jwe-epk-invalid', 'high']]],
    ['ECDH-ES without epk', '{"alg":"ECDH-ES","enc":"A128GCM"}', [['jwe-epk-invalid', 'high']]],
    ['ECDH-ES with epk a string', '{"alg":"ECDH-ES","enc":"A128GCM","epk":"P-256"}', [['jwe-epk-invalid', 'high']]],
    ['ECDH-ES with a 31-byte X25519 x', `{"alg":"ECDH-ES","enc":"A128GCM","epk":{"kty":"OKP","crv":"X25519","x":"${Buffer.alloc(31, 9).toString('base64url')}"}}`, [['jwe-epk-invalid', 'high']]],
    ['an epk without ECDH-ES', `{"alg":"A128KW","enc":"A128GCM","epk":${epk(offCurve)}}`, []],
  ]

  it.each(cases)('%s', (_name, header, expected) => {
    expect(run(header).map((f) => [f.id, f.severity])).toEqual(expected)
  })

  it.each([
    ['a 31-byte x', short, 'The ephemeral public key (epk) has coordinates of 31 and 32 bytes, where P-256 needs exactly 32 each.'],
    ['a private member', { ...p256, d: p256.x }, 'The ephemeral public key (epk) carries private member d.'],
    ['a coordinate beyond the field', { ...p256, x: Buffer.alloc(32, 0xff).toString('base64url') }, 'The ephemeral public key (epk) has a coordinate outside the field of P-256.'],
  ])('says what is malformed: %s', (_name, key, sentence) => {
    const [finding] = run(`{"alg":"ECDH-ES","enc":"A128GCM","epk":${JSON.stringify(key)}}`)
    expect(finding?.explanation.startsWith(sentence)).toBe(true)
  })

  it('raises nothing for a JWS, even with the same header members', () => {
    const token = decodeToken(`${b64u('{"alg":"RSA1_5","zip":"DEF","p2c":1}')}.${b64u('{}')}.c2ln`)
    expect(token.kind).toBe('jws')
    expect(jweHeaderRule(token, resolveLintContext({ now: 0 }))).toEqual([])
  })

  it('runs in lintToken as the on-demand rules of a JWE, most severe first; without them the built-in rules stay silent', async () => {
    const wanted = onDemandLintRules(jwe('{"alg":"dir","enc":"A128GCM"}'))
    expect(wanted?.key).toBe('jwe')
    const jweLintRules = await wanted!.load()
    const ids = lintToken(jwe('{"alg":"dir","enc":"A128GCM","zip":"DEF"}'), { now: 0, extraRules: jweLintRules }).map((f) => f.id)
    expect(ids).toEqual(['jwe-zip', 'jwe-dir'])
    expect(lintToken(jwe('{"alg":"RSA1_5","enc":"A128GCM"}'), { now: 0, extraRules: jweLintRules }).map((f) => f.id)).toEqual(['jwe-rsa1_5'])
    expect(lintToken(jwe('{"alg":"RSA1_5","enc":"A128GCM"}'), { now: 0 }).map((f) => f.id)).toEqual([])
  })

  it('stays linear on a megabyte epk and a megabyte of p2c digits', () => {
    const started = Date.now()
    const big = `{"alg":"ECDH-ES","enc":"A128GCM","epk":{"kty":"EC","crv":"P-256","x":"${'A'.repeat(1_000_000)}","y":"${'A'.repeat(1_000_000)}"}}`
    expect(run(big).map((f) => f.id)).toEqual(['jwe-epk-invalid'])
    const digits = `{"alg":"PBES2-HS256+A128KW","enc":"A128GCM","p2c":${'9'.repeat(1_000_000)}}`
    expect(run(digits).map((f) => [f.id, f.title])).toEqual([['jwe-pbes2-high-count', 'PBES2 count p2c is 999999999999999999999...: a receiver spends that many iterations before it can refuse the token']])
    expect(Date.now() - started).toBeLessThan(5_000)
  })
})
