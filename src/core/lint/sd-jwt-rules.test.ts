// SD-JWT findings (RFC 9901), on SD-JWTs issued here with node:crypto: ES256 issuer and holder keys,
// salts from randomBytes, SHA-256 digests of the disclosures, KB-JWTs with sd_hash.
import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import rfc9901 from '../../../test/fixtures/vectors/sd-jwt/rfc9901.json'
import { decodeToken } from '../token'
import { lintToken, onDemandLintRules, resolveLintContext } from './index'
import { sdJwtRule } from './sd-jwt-rules'

const b64u = (data: Uint8Array | string) => Buffer.from(data).toString('base64url')
const NOW = 1_780_000_000
const issuerKey = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey
const holder = generateKeyPairSync('ec', { namedCurve: 'P-256' })
const holderJwk = holder.publicKey.export({ format: 'jwk' })

function jws(header: object, payload: object, key: KeyObject): string {
  const input = `${b64u(JSON.stringify(header))}.${b64u(JSON.stringify(payload))}`
  return `${input}.${b64u(sign('sha256', Buffer.from(input), { key, dsaEncoding: 'ieee-p1363' }))}`
}

const digest = (encoded: string) => createHash('sha256').update(encoded, 'ascii').digest('base64url')

interface Issue {
  /** Claims left in plain view. */
  readonly plain?: Record<string, unknown>
  /** Claims made selectively disclosable. */
  readonly disclosed?: readonly [string, unknown][]
  readonly decoys?: number
  readonly salt?: (index: number) => string
  /** `_sd_alg`; undefined: left out (sha-256). */
  readonly sdAlg?: unknown
  readonly cnf?: boolean
}

function issue(options: Issue = {}): { text: string; disclosures: string[]; salts: string[] } {
  const disclosed = options.disclosed ?? [['given_name', 'Erika'], ['family_name', 'Mustermann'], ['email', 'erika@example.com'], ['birthdate', '1963-08-12']]
  const salts = disclosed.map((_, i) => options.salt?.(i) ?? b64u(randomBytes(16)))
  const disclosures = disclosed.map(([name, value], i) => b64u(JSON.stringify([salts[i], name, value])))
  const digests = [...disclosures.map(digest), ...Array.from({ length: options.decoys ?? 2 }, () => b64u(randomBytes(32)))].sort()
  const payload = {
    iss: 'https://issuer.example', iat: NOW - 3600, exp: NOW + 86_400, vct: 'https://credentials.example/identity',
    ...(options.plain ?? {}),
    _sd: digests,
    ...(options.sdAlg === undefined ? {} : { _sd_alg: options.sdAlg }),
    ...(options.cnf === false ? {} : { cnf: { jwk: holderJwk } }),
  }
  const text = `${jws({ alg: 'ES256', typ: 'dc+sd-jwt' }, payload, issuerKey)}~${disclosures.map((d) => `${d}~`).join('')}`
  return { text, disclosures, salts }
}

/** A presentation of `sdJwt` (ending in "~") with a KB-JWT made at `iat`. */
function withKb(sdJwt: string, iat: number): string {
  const sdHash = createHash('sha256').update(sdJwt, 'ascii').digest('base64url')
  return sdJwt + jws({ alg: 'ES256', typ: 'kb+jwt' }, { iat, aud: 'https://verifier.example', nonce: 'n-0S6_WzA2Mj', sd_hash: sdHash }, holder.privateKey)
}

const run = (text: string, now = NOW) => sdJwtRule(decodeToken(text), resolveLintContext({ now }))
const ids = (text: string, now = NOW) => run(text, now).map((f) => f.id)

describe('SD-JWT findings', () => {
  const clean = issue()
  it.each([
    ['a well-issued SD-JWT (16-byte salts, decoys, cnf, personal data disclosable)', clean.text, []],
    ['the same with an explicit "_sd_alg": "sha-256"', issue({ sdAlg: 'sha-256' }).text, []],
    ['"_sd_alg": "sha3-256" (registered, strong)', issue({ sdAlg: 'sha3-256' }).text, []],
    ['a fresh KB-JWT (10 seconds old)', withKb(clean.text, NOW - 10), []],
    ['a KB-JWT 50 seconds ahead (within the skew)', withKb(clean.text, NOW + 50), []],
    ['8-byte salts', issue({ salt: () => b64u(randomBytes(8)) }).text, ['sd-jwt-salt-short']],
    ['one salt for two disclosures', issue({ salt: (i) => (i === 3 ? 'c2FsdC1mb3ItYm90aC0xMjM0' : i === 1 ? 'c2FsdC1mb3ItYm90aC0xMjM0' : b64u(randomBytes(16))) }).text, ['sd-jwt-salt-repeated']],
    ['"_sd_alg": "sha-1"', issue({ sdAlg: 'sha-1' }).text, ['sd-jwt-sd-alg-weak']],
    ['"_sd_alg": "sha-256-64" (truncated)', issue({ sdAlg: 'sha-256-64' }).text, ['sd-jwt-sd-alg-weak']],
    ['"_sd_alg": "SHA-256" (not the registered spelling)', issue({ sdAlg: 'SHA-256' }).text, ['sd-jwt-sd-alg-unknown']],
    ['"_sd_alg": 256', issue({ sdAlg: 256 }).text, ['sd-jwt-sd-alg-unknown']],
    ['no cnf', issue({ cnf: false }).text, ['sd-jwt-no-cnf']],
    ['a stale KB-JWT (10 minutes old)', withKb(clean.text, NOW - 600), ['sd-jwt-kb-iat-stale']],
    ['a KB-JWT 10 minutes ahead', withKb(clean.text, NOW + 600), ['sd-jwt-kb-iat-future']],
    ['e-mail and birthdate in plain view', issue({ plain: { email: 'erika@example.com', birthdate: '1963-08-12' }, disclosed: [['given_name', 'Erika']] }).text, ['sd-jwt-personal-data-visible']],
    ['no decoys', issue({ decoys: 0 }).text, ['sd-jwt-no-decoys']],
    ['everything wrong at once', withKb(issue({ decoys: 0, cnf: false, sdAlg: 'md5', salt: () => 'c2FsdA', plain: { name: 'Erika Mustermann' } }).text, NOW - 3600), [
      'sd-jwt-salt-short', 'sd-jwt-salt-repeated', 'sd-jwt-sd-alg-weak', 'sd-jwt-no-cnf', 'sd-jwt-kb-iat-stale', 'sd-jwt-personal-data-visible', 'sd-jwt-no-decoys',
    ]],
  ])('%s', (_name, text, expected) => {
    expect(ids(text)).toEqual(expected)
  })

  it('short salts, word for word, pointing at the first disclosure', () => {
    const { text, disclosures } = issue({ salt: (i) => ['AAAAAAAAAAA', 'c2FsdA', b64u(randomBytes(16)), b64u(randomBytes(16))][i] as string })
    expect(run(text)).toEqual([{
      id: 'sd-jwt-salt-short',
      severity: 'medium',
      title: 'Salt shorter than 128 bits in 2 disclosures',
      explanation:
        'A withheld claim is protected only by its salt: its digest is public, and anyone who guesses the salt and value can confirm the guess. These salts are short: "AAAAAAAAAAA" (64 bits, for "given_name"), "c2FsdA" (32 bits, for "family_name"). ' +
        'With fewer than 128 random bits the salt can be searched together with likely values (a birthdate, a country), which reveals claims the holder chose not to disclose.',
      fix: 'Issue every disclosure with its own salt of at least 16 random bytes from a cryptographically secure generator (crypto.getRandomValues), base64url-encoded.',
      reference: 'RFC 9901 §4.2.1 and §9.3',
      segment: 'token',
      offset: text.indexOf(disclosures[0] as string),
      length: (disclosures[0] as string).length,
    }])
  })

  it('a repeated salt, word for word, pointing at its second use', () => {
    const salt = 'cmVwZWF0ZWQtc2FsdC0xMjM0NQ'
    const { text, disclosures } = issue({ salt: (i) => (i === 0 || i === 2 ? salt : b64u(randomBytes(16))) })
    expect(run(text)).toEqual([{
      id: 'sd-jwt-salt-repeated',
      severity: 'high',
      title: 'The same salt in more than one disclosure (1 salt)',
      explanation:
        'Salts are repeated: "cmVwZWF0ZWQtc2FsdC0xMjM0NQ" in disclosures 1, 3. Whoever sees one disclosure learns the salt of the others, and can then test guesses of their withheld values against the public digests offline; ' +
        'equal salts also make equal claims give equal digests, which links tokens and claims together.',
      fix: 'Draw a fresh random salt of at least 128 bits for every disclosure, decoys included; never derive salts from each other or reuse them across credentials.',
      reference: 'RFC 9901 §4.2.1 and §9.3',
      segment: 'token',
      offset: text.indexOf(disclosures[2] as string),
      length: (disclosures[2] as string).length,
    }])
  })

  it('a weak and an unknown _sd_alg, word for word', () => {
    const [weak] = run(issue({ sdAlg: 'sha-1' }).text)
    expect([weak?.title, weak?.severity, weak?.reference, weak?.segment]).toEqual(['Weak _sd_alg: "sha-1"', 'high', 'RFC 9901 §4.1.1 and §9.4', 'payload'])
    expect(weak?.explanation).toBe(
      'The disclosures\' digests are computed with SHA-1, whose collisions have been computed (SHAttered, 2017). A digest is the issuer\'s commitment to a disclosure: with a hash this weak, someone can make a second disclosure with the same digest (another value the issuer\'s signature then covers), or find the withheld value behind a digest with far less work than SHA-256 needs.',
    )
    const [unknown] = run(issue({ sdAlg: 'SHA-256' }).text)
    expect(unknown).toMatchObject({
      id: 'sd-jwt-sd-alg-unknown',
      severity: 'medium',
      title: 'Unknown _sd_alg: "SHA-256"',
      explanation:
        '"_sd_alg" is "SHA-256", which is not a hash name of the IANA Named Information Hash Algorithm Registry (names are lower case, e.g. "sha-256"). A verifier cannot recompute the digests, so it must reject the SD-JWT — or, if it falls back to a default, it checks the disclosures against a hash the issuer did not use.',
      fix: 'Name the hash exactly as registered: "sha-256" (or leave "_sd_alg" out, which means sha-256), "sha-384" or "sha-512".',
    })
  })

  it('no cnf, with a KB-JWT that has nothing to be checked against', () => {
    const findings = run(withKb(issue({ cnf: false }).text, NOW - 5))
    expect(findings.map((f) => [f.id, f.severity, f.title])).toEqual([['sd-jwt-no-cnf', 'medium', 'No holder key (cnf): key binding is impossible']])
    expect(findings[0]?.explanation).toBe(
      'The issuer-signed payload has no "cnf" claim, so no key is bound to the holder, and the Key Binding JWT that comes with it cannot be checked against anything. ' +
        'Whoever obtains a copy of this SD-JWT — a verifier it was shown to, a log, a stolen device backup — can present it as the holder, with any subset of its disclosures.',
    )
  })

  it('personal data in plain view names the claims', () => {
    const [finding] = run(issue({ plain: { email: 'erika@example.com', login: 'erika@example.org', given_name: 'Erika', nationality: 'DE' }, disclosed: [['family_name', 'M']] }).text)
    expect(finding).toMatchObject({
      id: 'sd-jwt-personal-data-visible',
      severity: 'low',
      title: 'Personal data always visible: "email", "login", "given_name"',
      explanation:
        'The issuer put "email", "login", "given_name" in plain view in the signed payload, so every presentation reveals them whatever the holder chooses. ' +
        'They are personal data that SD-JWT could make selectively disclosable, so a holder could show only what each verifier needs.',
      reference: 'RFC 9901 §4.1 and §10.1',
      segment: 'payload',
    })
  })

  it('no decoys: counts digests in the payload and in disclosed values (a recursive disclosure)', () => {
    const street = b64u(JSON.stringify([b64u(randomBytes(16)), 'street_address', 'Heidestraße 17']))
    const address = b64u(JSON.stringify([b64u(randomBytes(16)), 'address', { _sd: [digest(street)], country: 'DE' }]))
    const payload = { iss: 'https://issuer.example', _sd: [digest(address)], cnf: { jwk: holderJwk } }
    const text = `${jws({ alg: 'ES256' }, payload, issuerKey)}~${address}~${street}~`
    const [finding] = run(text)
    expect(finding).toEqual({
      id: 'sd-jwt-no-decoys',
      severity: 'low',
      title: 'No decoy digests: the digest count tells how many claims there are',
      explanation:
        'The SD-JWT has 2 digests and 2 disclosures, one for each: the issuer added no decoys. ' +
        'In a presentation that withholds some disclosures, every digest left over is then a real claim, so a verifier counts how many claims the holder kept back in each object (and, knowing the credential type, which ones they probably are).',
      fix: 'Add a random number of decoy digests to each "_sd" array and array with disclosable elements when issuing (RFC 9901 §4.2.5); the builder\'s decoy count does it.',
      reference: 'RFC 9901 §4.2.5 and §10.3',
    })
    // A presentation that leaves the street out has more digests than disclosures: nothing can be said.
    expect(run(`${jws({ alg: 'ES256' }, payload, issuerKey)}~${address}~`)).toEqual([])
  })

  it('array elements count as digests', () => {
    const de = b64u(JSON.stringify([b64u(randomBytes(16)), 'DE']))
    const payload = { nationalities: [{ '...': digest(de) }, 'FR'], cnf: { jwk: holderJwk } }
    expect(ids(`${jws({ alg: 'ES256' }, payload, issuerKey)}~${de}~`)).toEqual(['sd-jwt-no-decoys'])
  })

  it('a stale KB-JWT, word for word', () => {
    const text = withKb(clean.text, NOW - 3 * 3600)
    const kbStart = text.lastIndexOf('~') + 1
    expect(run(text)).toEqual([{
      id: 'sd-jwt-kb-iat-stale',
      severity: 'medium',
      title: 'Stale Key Binding JWT: iat is 3 hours old',
      explanation:
        `The Key Binding JWT was made at ${new Date((NOW - 3 * 3600) * 1000).toISOString().replace('.000Z', 'Z')}, 3 hours before the time checked against, beyond the 5-minute window verifiers usually allow. ` +
        'Key binding proves the holder signed this presentation for this verifier recently; an old one may be a recorded presentation replayed by someone else.',
      fix: 'Verifiers: reject KB-JWTs whose iat is outside a short window, and bind each presentation to a fresh nonce. Holders: make a new KB-JWT for every presentation.',
      reference: 'RFC 9901 §7.3 step 5 and §9.5',
      segment: 'token',
      offset: kbStart,
      length: text.length - kbStart,
    }])
  })

  it('the JSON serialization is read too (no offsets)', () => {
    const issued = issue({ decoys: 0, sdAlg: 'sha-1' })
    const [header, payload, signature] = issued.text.split('~')[0]!.split('.')
    const json = JSON.stringify({ protected: header, payload, signature, header: { disclosures: issued.disclosures } })
    const findings = run(json)
    expect(findings.map((f) => f.id)).toEqual(['sd-jwt-sd-alg-weak', 'sd-jwt-no-decoys'])
    expect(findings[0]?.segment).toBeUndefined()
  })

  it.each([
    ['a plain JWS', jws({ alg: 'ES256' }, { sub: 'x' }, issuerKey)],
    ['garbage disclosures', `${jws({ alg: 'ES256' }, { _sd: ['x'], cnf: {} }, issuerKey)}~AAAA~e30~W10~`],
    ['an unreadable issuer payload', 'eyJhbGciOiJFUzI1NiJ9.@@@.c2ln~'],
  ])('%s: nothing, never a throw', (_name, text) => {
    expect(run(text)).toEqual([])
  })

  it('ten thousand disclosures with one salt stay fast', () => {
    const d = b64u(JSON.stringify(['c2FtZQ', 'n', 1]))
    const text = `${jws({ alg: 'ES256' }, { _sd: [], cnf: {} }, issuerKey)}~${`${d}~`.repeat(9999)}`
    const token = decodeToken(text)
    const started = performance.now()
    const findings = sdJwtRule(token, resolveLintContext({ now: NOW }))
    // About 0.15 s on an idle machine; the bound catches a hang, not load (the message below shows the list is cut, not built whole).
    expect(performance.now() - started).toBeLessThan(10_000)
    expect(findings.map((f) => f.id)).toEqual(['sd-jwt-salt-short', 'sd-jwt-salt-repeated'])
    expect(findings[1]?.explanation).toMatch(/^Salts are repeated: "c2FtZQ" in disclosures 1, 2, 3, 4, 5, 6 and 9993 more\./)
  })
})

describe('RFC 9901 §5 example', () => {
  const kbIat = rfc9901.example.keyBinding.iat
  it.each([
    // Ten disclosures for ten digests (eight in "_sd", two array elements): the example has no decoys.
    ['the issuance', rfc9901.example.issuance, kbIat, ['sd-jwt-no-decoys']],
    ['the presentation, 30 seconds after its KB-JWT', rfc9901.example.presentation, kbIat + 30, []],
    ['the presentation an hour later', rfc9901.example.presentation, kbIat + 3600, ['sd-jwt-kb-iat-stale']],
    ['the JSON serialization', JSON.stringify(rfc9901.json.flattened), kbIat, ['sd-jwt-no-decoys']],
  ])('%s', (_name, text, now, expected) => {
    expect(ids(text, now)).toEqual(expected)
  })
})

describe('hostile SD-JWTs', () => {
  it('values nested 100,000 deep in the payload and in disclosures: findings, no throw', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000)
    const issuer = `${b64u('{"alg":"ES256"}')}.${b64u(`{"_sd":[],"cnf":{},"deep":${deep}}`)}.c2ln`
    const text = `${issuer}~${b64u(`["c2FsdA","n",${deep}]`)}~${b64u(`["c2FsdA","m",${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}]`)}~`
    expect(ids(text)).toEqual(['sd-jwt-salt-short', 'sd-jwt-salt-repeated'])
  })
})

describe('loading on demand', () => {
  it('an SD-JWT (compact or JSON) asks for the SD-JWT rules; a JWS does not', async () => {
    const token = decodeToken(issue({ decoys: 0 }).text)
    const wanted = onDemandLintRules(token)
    expect(wanted?.sets).toContain('sd-jwt')
    expect(onDemandLintRules(decodeToken(jws({ alg: 'ES256' }, { sub: 'x' }, issuerKey)))?.sets.includes('sd-jwt') ?? false).toBe(false)
    expect(lintToken(token, { now: NOW, extraRules: await wanted!.load() }).map((f) => f.id)).toContain('sd-jwt-no-decoys')
  })
})
