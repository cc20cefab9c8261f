import { createHmac, verify as nodeVerify } from 'node:crypto'
import { dictionary } from '@zxcvbn-ts/language-common'
import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { attackCatalogue } from '../attacks/catalogue'
import { craftAttack } from '../attacks/craft'
import type { AttackInput } from '../attacks/types'
import { ATTACK_MISTAKES } from './attack-mistakes'
import { challengeSucceeded, practiceChallenges } from './challenges'
import { correctVerify } from './correct-verify'
import { createPracticeEnv, hostDocument } from './env'
import type { MistakeId, PracticeConfig, PracticeEnv } from './types'
import { verifyPractice } from './verify-practice'

const NOW = 1767225600 // 2026-01-01T00:00:00Z
const DAY = 86400
const URL = 'https://attacker.example/keys'

let env: PracticeEnv

const b64 = (text: string) => Buffer.from(text).toString('base64url')
const text = (segment: string) => Buffer.from(segment, 'base64url').toString('utf8')
const hs256 = (secret: string | Buffer, header: string, payload: string) => {
  const input = `${b64(header)}.${b64(payload)}`
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`
}
const serverHs256 = (header: string, payload: string) => hs256(Buffer.from(env.hmacKey.secret as Uint8Array), header, payload)
const ADMIN = `{"sub":"alice","role":"admin","exp":${NOW + 60}}`

beforeAll(async () => {
  const created = await createPracticeEnv({ now: NOW })
  if (!created.ok) throw new Error(created.error.message)
  env = created.value
})

describe('createPracticeEnv', () => {
  it('issues RS256 tokens that node:crypto verifies with the published PEM', () => {
    expect(env.rsaPublicPem).toMatch(/^-----BEGIN PUBLIC KEY-----\n[A-Za-z0-9+/=\n]+\n-----END PUBLIC KEY-----\n$/)
    expect(env.ecPublicPem).toMatch(/^-----BEGIN PUBLIC KEY-----\n/)
    for (const token of [env.userToken, env.expiredAdminToken]) {
      const [h, p, s] = token.split('.') as [string, string, string]
      expect(nodeVerify('sha256', Buffer.from(`${h}.${p}`), env.rsaPublicPem, Buffer.from(s, 'base64url'))).toBe(true)
      expect(text(h)).toBe('{"alg":"RS256","typ":"JWT","kid":"rsa-main"}')
    }
    expect(text(env.userToken.split('.')[1] as string)).toBe(`{"sub":"alice","name":"Alice","role":"user","iat":${NOW},"exp":${NOW + DAY}}`)
    expect(text(env.expiredAdminToken.split('.')[1] as string)).toBe(`{"sub":"admin","name":"Admin","role":"admin","iat":${NOW - 2 * DAY},"exp":${NOW - DAY}}`)
    expect(env.files['/dev/null']).toBe('')
    expect(env.files['/srv/keys/hmac-main']).toBe(Buffer.from(env.hmacKey.secret as Uint8Array).toString('utf8'))
    expect(env.keyTable).toEqual([{ kid: 'hmac-main', key: env.files['/srv/keys/hmac-main'] }])
    expect(env.hosted).toEqual({})
    expect(env.now).toBe(NOW)
  })

  it('signs the HS256 user token with a secret a common-password list cracks', () => {
    const [h, p, s] = env.weakSecretUserToken.split('.') as [string, string, string]
    const found = crack(`${h}.${p}`, s)
    expect(found).toBe(env.weakSecret)
  })
})

describe('correctVerify', () => {
  it.each<[string, () => string, boolean, string]>([
    ['the user token', () => env.userToken, true, 'Accepted: the RS256 signature is valid under the server\'s key and the token has not expired.'],
    ['an HS256 token under the server secret', () => serverHs256('{"alg":"HS256"}', ADMIN), true, 'Accepted: the HS256 signature is valid under the server\'s key and the token has not expired.'],
    ['garbage', () => 'not a token', false, 'The token is not a signed JWT of three parts (header.payload.signature).'],
    ['an array header', () => `${b64('[1]')}.${b64('{}')}.x`, false, 'The token header is not a JSON object.'],
    ['a text payload', () => `${b64('{"alg":"HS256"}')}.${b64('hello')}.x`, false, 'The token payload is not a JSON object.'],
    ['no alg', () => `${b64('{"typ":"JWT"}')}.${b64('{}')}.x`, false, 'The header has no "alg" string.'],
    ['alg none', () => `${b64('{"alg":"none"}')}.${b64(ADMIN)}.`, false, 'The algorithm "none" is not accepted: this server accepts only HS256, RS256 and ES256, each with its own key.'],
    ['HS512', () => `${b64('{"alg":"HS512"}')}.${b64(ADMIN)}.x`, false, 'The algorithm "HS512" is not accepted: this server accepts only HS256, RS256 and ES256, each with its own key.'],
    ['the expired admin token', () => env.expiredAdminToken, false, 'The token expired at 2025-12-31T00:00:00Z ("exp": 1767139200).'],
    ['no exp', () => serverHs256('{"alg":"HS256"}', '{"role":"admin"}'), false, 'The token has no "exp" claim; this server requires an expiry time.'],
    ['a text exp', () => serverHs256('{"alg":"HS256"}', '{"exp":"tomorrow"}'), false, 'The "exp" claim is not a number of seconds since 1970.'],
    ['exp equal to now', () => serverHs256('{"alg":"HS256"}', `{"exp":${NOW}}`), false, 'The token expired at 2026-01-01T00:00:00Z ("exp": 1767225600).'],
    ['HS256 under another secret', () => hs256('secret', '{"alg":"HS256"}', ADMIN), false, "Invalid HS256 signature: The signature does not match the token's header and payload under this key (a 512-bit HMAC secret). The token was changed after signing, or it was signed with a different key."],
  ])('%s: accepted %s', async (_name, token, accepted, reason) => {
    const result = await correctVerify(token(), env)
    expect(result.accepted).toBe(accepted)
    expect(result.reason).toBe(reason)
    expect(result.exploited).toBeUndefined()
  })

  it('is what the practice verifier does with every toggle off', async () => {
    const tokens = [env.userToken, env.expiredAdminToken, env.weakSecretUserToken, serverHs256('{"alg":"HS256"}', ADMIN), `${b64('{"alg":"none"}')}.${b64(ADMIN)}.`]
    for (const token of tokens) expect(await verifyPractice(token, {}, env), token).toEqual(await correctVerify(token, env))
  })
})

describe('verifyPractice verdicts', () => {
  const none = (alg: string) => `${b64(`{"alg":"${alg}"}`)}.${b64(ADMIN)}.`
  it.each<[string, () => string, PracticeConfig, string, MistakeId | undefined]>([
    ['none in mixed case', () => none('nOnE'), { acceptNone: true }, 'Accepted: the header says "alg": "nOnE", so no signature was required and the token has not expired.', 'acceptNone'],
    ['none without the toggle', () => none('None'), { kidAsPath: true }, 'The algorithm "None" is not accepted: this server accepts only HS256, RS256 and ES256, each with its own key.', undefined],
    ['the genuine user token, decode only', () => env.userToken, { skipSignature: true }, "Accepted: the RS256 signature is valid under the server's key and the token has not expired.", undefined],
    ['the expired admin token', () => env.expiredAdminToken, { ignoreExp: true }, 'Accepted: the RS256 signature is valid under the server\'s key. The token expired at 2025-12-31T00:00:00Z, but this verifier does not check "exp".', 'ignoreExp'],
    ['kid of the server key as a path', () => serverHs256('{"alg":"HS256","kid":"hmac-main"}', ADMIN), { kidAsPath: true }, 'Accepted: the HS256 signature is valid under the content of /srv/keys/hmac-main (from "kid") and the token has not expired.', undefined],
    ['a kid path that does not exist', () => hs256('', '{"alg":"HS256","kid":"../../nope"}', ADMIN), { kidAsPath: true }, 'The key file /nope (from "kid") does not exist.', undefined],
    ['a broken SQL kid', () => hs256('', `{"alg":"HS256","kid":"x'"}`, ADMIN), { kidAsSql: true }, 'The key lookup failed: SQL unterminated quoted string.', undefined],
    ['an unknown SQL kid', () => hs256('', '{"alg":"HS256","kid":"k9"}', ADMIN), { kidAsSql: true }, 'No key has the "kid" "k9".', undefined],
    ['an always-true SQL kid', () => serverHs256(`{"alg":"HS256","kid":"' OR '1'='1"}`, ADMIN), { kidAsSql: true }, 'Accepted: the HS256 signature is valid under the key the SQL query returned for "kid" and the token has not expired.', 'kidAsSql'],
    ['a kid command that prints nothing', () => hs256('', '{"alg":"HS256","kid":"missing"}', ADMIN), { kidAsCommand: true }, 'The key command printed nothing: cat: /srv/keys/missing: No such file or directory.', undefined],
    ['HS256 under the PEM without a line break', () => hs256(env.rsaPublicPem.trimEnd(), '{"alg":"HS256"}', ADMIN), { algFromHeader: true }, "Invalid HS256 signature under the server's RSA public key PEM used as the HMAC secret.", undefined],
    ['HS256 under the weak secret', () => hs256(env.weakSecret, '{"alg":"HS256"}', ADMIN), { weakHmacSecret: true }, "Accepted: the HS256 signature is valid under the server's HMAC secret (a common word) and the token has not expired.", 'weakHmacSecret'],
    ['HS256 under the empty secret', () => hs256('', '{"alg":"HS256"}', ADMIN), { emptyHmacSecret: true }, "Accepted: the HS256 signature is valid under the server's empty HMAC secret and the token has not expired.", 'emptyHmacSecret'],
    ['a jwk header without the toggle', () => hs256('', '{"alg":"ES256","jwk":{"kty":"EC"}}', ADMIN), { trustJku: true }, "Invalid ES256 signature: The ES256 signature is 32 bytes, but it must be exactly 64 bytes (R||S, 32 bytes each). It was cut off or made for another curve.", undefined],
    ['a broken header jwk', () => hs256('', '{"alg":"ES256","jwk":{"kty":"EC"}}', ADMIN), { trustHeaderJwk: true }, 'The header\'s "jwk" is not a usable key: The EC JWK has no "crv" member. Add "crv": "P-256", "P-384" or "P-521".', undefined],
    ['an x5u with nothing hosted', () => hs256('', `{"alg":"ES256","x5u":"${URL}"}`, ADMIN), { trustJku: true }, `The "x5u" URL ${URL} could not be fetched: nothing is hosted there. Host a document at that URL first.`, undefined],
    ['r = s = 0 without the toggle', () => `${b64('{"alg":"ES256"}')}.${b64(ADMIN)}.${'A'.repeat(86)}`, { acceptNone: true }, "Invalid ES256 signature: The signature does not match the token's header and payload under this key (an EC P-256 public key). The token was changed after signing, or it was signed with a different key.", undefined],
  ])('%s', async (_name, token, config, reason, exploited) => {
    const result = await verifyPractice(token(), config, env)
    expect(result.reason).toBe(reason)
    expect(result.accepted).toBe(reason.startsWith('Accepted'))
    expect(result.exploited).toBe(exploited)
  })

  it('looks up hosted documents only in the env', async () => {
    const token = hs256('', `{"alg":"ES256","jku":"${URL}"}`, ADMIN)
    const hosted = hostDocument(env, URL, '{"keys": 5}')
    expect((await verifyPractice(token, { trustJku: true }, hosted)).reason).toBe(
      `The document at ${URL} is not a usable key: The JWKS member "keys" must be an array of JWKs, e.g. {"keys": [{"kty":"RSA",…}]}.`,
    )
  })
})

describe('practice challenges', () => {
  it('has one challenge per mistake, with hints', () => {
    const mistakes = practiceChallenges.map((c) => c.mistake)
    expect(new Set(mistakes).size).toBe(mistakes.length)
    expect([...mistakes].sort()).toEqual([
      'acceptNone', 'algFromHeader', 'emptyHmacSecret', 'ignoreExp', 'kidAsCommand', 'kidAsPath', 'kidAsSql',
      'psychicSignature', 'skipSignature', 'trustHeaderJwk', 'trustJku', 'weakHmacSecret',
    ])
    expect(new Set(practiceChallenges.map((c) => c.id)).size).toBe(practiceChallenges.length)
    for (const c of practiceChallenges) expect(c.hints.length).toBeGreaterThanOrEqual(2)
  })

  it('is solved by every matching attack of the lab, which the correct verifier rejects', async () => {
    const [h, p] = env.userToken.split('.') as [string, string]
    const base: AttackInput = { headerText: text(h), payloadText: text(p).replace('"role":"user"', '"role":"admin"') }
    const inputs: Record<string, Partial<AttackInput>> = {
      'key-confusion': { publicKeyText: env.rsaPublicPem },
      'jku-injection': { url: URL },
      'x5u-injection': { url: URL },
      'claim-tampering': { originalToken: env.userToken },
    }
    for (const attack of attackCatalogue) {
      const challenge = practiceChallenges.find((c) => c.mistake === ATTACK_MISTAKES[attack.id])
      expect(challenge, attack.id).toBeDefined()
      const crafted = await craftAttack(attack.id, { ...base, ...inputs[attack.id] })
      if (!crafted.ok) throw new Error(crafted.error.message)
      const first = crafted.value[0]!
      const hostedValue = first.extra?.[0]?.value
      const where = attack.id.endsWith('-injection') && hostedValue !== undefined ? hostDocument(env, URL, hostedValue) : env
      expect(await challengeSucceeded(challenge!, first.token, where), attack.id).toBe(true)
      expect((await correctVerify(first.token, where)).accepted, attack.id).toBe(false)
      expect(await challengeSucceeded(challenge!, env.userToken, where), attack.id).toBe(false)
    }
  })

  it('weak secret: solved by re-signing with the cracked secret', async () => {
    const challenge = practiceChallenges.find((c) => c.mistake === 'weakHmacSecret')!
    expect(challenge.start).toBe('weakSecretUserToken')
    const [h, p, s] = env.weakSecretUserToken.split('.') as [string, string, string]
    const secret = crack(`${h}.${p}`, s) as string
    const forged = hs256(secret, text(h), text(p).replace('"role":"user"', '"role":"admin"'))
    expect(await challengeSucceeded(challenge, forged, env)).toBe(true)
    expect(await challengeSucceeded(challenge, env.weakSecretUserToken, env)).toBe(false)
    expect((await correctVerify(forged, env)).accepted).toBe(false)
  })

  it('expired token: solved by replaying the expired admin token', async () => {
    const challenge = practiceChallenges.find((c) => c.mistake === 'ignoreExp')!
    expect(challenge.start).toBe('expiredAdminToken')
    expect(await challengeSucceeded(challenge, env.expiredAdminToken, env)).toBe(true)
    expect(await challengeSucceeded(practiceChallenges[0]!, env.expiredAdminToken, env)).toBe(false)
  })

  it('check needs acceptance through the mistake and role admin', () => {
    const check = practiceChallenges[0]!.check
    expect(check({ accepted: true, reason: '', exploited: 'acceptNone', claims: { role: 'admin' } })).toBe(true)
    expect(check({ accepted: true, reason: '', exploited: 'acceptNone', claims: { role: 'user' } })).toBe(false)
    expect(check({ accepted: true, reason: '', exploited: 'acceptNone' }, { role: 'admin' })).toBe(true)
    expect(check({ accepted: true, reason: '', claims: { role: 'admin' } })).toBe(false)
    expect(check({ accepted: false, reason: '', exploited: 'acceptNone', claims: { role: 'admin' } })).toBe(false)
    expect(check({ accepted: true, reason: '', exploited: 'acceptNone', claims: ['admin'] })).toBe(false)
  })
})

/** A dictionary attack with node:crypto over the first thousand common passwords. */
function crack(input: string, signature: string): string | undefined {
  return dictionary['passwords-common']!.slice(0, 1000).find((word) => createHmac('sha256', word).update(input).digest('base64url') === signature)
}

describe('robustness', () => {
  const mistakes: MistakeId[] = ['acceptNone', 'skipSignature', 'emptyHmacSecret', 'algFromHeader', 'trustHeaderJwk', 'trustJku', 'kidAsPath', 'kidAsSql', 'kidAsCommand', 'psychicSignature', 'weakHmacSecret', 'ignoreExp']
  const headerish = fc.oneof(
    fc.string(),
    fc.record({ alg: fc.constantFrom('none', 'HS256', 'RS256', 'ES256', 'PS256', 'EdDSA', 'x'), kid: fc.string(), jku: fc.string(), jwk: fc.jsonValue() }, { requiredKeys: ['alg'] }).map((o) => JSON.stringify(o)),
  )
  it('verifyPractice always answers, whatever the token and toggles', async () => {
    await fc.assert(
      fc.asyncProperty(headerish, fc.string(), fc.string(), fc.subarray(mistakes), async (header, payload, signature, on) => {
        const token = `${b64(header)}.${b64(payload)}.${signature}`
        const result = await verifyPractice(token, Object.fromEntries(on.map((m) => [m, true])), env)
        expect(typeof result.accepted).toBe('boolean')
        expect(result.reason.length).toBeGreaterThan(0)
        if (result.accepted) expect(on.length).toBeGreaterThan(0)
      }),
      { numRuns: 150 },
    )
  })
})
