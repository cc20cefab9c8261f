import { CompactSign, importJWK } from 'jose'
import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import vectors from '../../../test/fixtures/vectors/sd-jwt/rfc9901.json'
import { parseKey } from '../keys'
import type { KeyInput } from '../types'
import type { SdJwtCheck, SdJwtVerification, SdJwtVerifyInput } from './types'
import { verifySdJwt } from './verify'

const { example, json, keys } = vectors
const KB = example.keyBinding
const NOW = KB.iat + 10

async function keyInput(jwk: object): Promise<KeyInput> {
  const parsed = await parseKey(JSON.stringify(jwk), { encoding: 'utf8' })
  if (!parsed.ok) throw new Error(parsed.error.message)
  return parsed.value
}
const publicOf = ({ d: _d, ...rest }: { d: string; [k: string]: string }) => rest

async function input(over: Partial<SdJwtVerifyInput['keyBinding']> = {}): Promise<SdJwtVerifyInput> {
  return { issuerKeys: await keyInput(publicOf(keys.issuer)), keyBinding: { aud: KB.aud, nonce: KB.nonce, now: NOW, ...over } }
}

async function verified(text: string, given?: SdJwtVerifyInput): Promise<SdJwtVerification> {
  const result = await verifySdJwt(text, given ?? await input())
  if (!result.ok) throw new Error(result.error.message)
  return result.value
}
const verdict = (v: SdJwtVerification, id: SdJwtCheck['id']) => v.checks.find((c) => c.id === id)
const sdHash = (s: string) => createHash('sha256').update(s).digest('base64url')

/** A KB-JWT made with jose, an implementation independent of the one under test. */
async function kbJwt(sdJwt: string, payload: Record<string, unknown> = {}, header: Record<string, unknown> = { typ: 'kb+jwt' }, key: object = keys.holder): Promise<string> {
  const body = { nonce: KB.nonce, aud: KB.aud, iat: KB.iat, sd_hash: sdHash(sdJwt), ...payload }
  return new CompactSign(new TextEncoder().encode(JSON.stringify(body))).setProtectedHeader({ alg: 'ES256', ...header }).sign(await importJWK({ ...key }, 'ES256'))
}
const PRESENTED = example.presentation.slice(0, example.presentation.lastIndexOf('~') + 1)

describe('verifySdJwt on RFC 9901 examples', () => {
  it('§5.2: accepts the SD-JWT+KB with the Appendix A.5 keys, every row passing', async () => {
    const v = await verified(example.presentation)
    expect(v.checks.map((c) => [c.id, c.verdict])).toEqual([
      ['issuer-signature', 'pass'], ['sd-alg', 'pass'], ['disclosure-format', 'pass'], ['digests-unique', 'pass'], ['disclosures-referenced', 'pass'],
      ['reserved-names', 'pass'], ['no-overwrite', 'pass'], ['kb-present', 'pass'], ['kb-typ', 'pass'], ['kb-signature', 'pass'], ['kb-sd-hash', 'pass'],
      ['kb-aud', 'pass'], ['kb-nonce', 'pass'], ['kb-iat', 'pass'],
    ])
    expect(v.accepted).toBe(true)
    expect(v.issuerSignature?.valid).toBe(true)
    expect(v.processed.processedPayload).toEqual(example.processedPresentationPayload)
  })

  it('§8.2: accepts the flattened JSON serialization with kb_jwt (sd_hash over the rebuilt compact form)', async () => {
    const v = await verified(JSON.stringify(json.flattenedWithKeyBinding))
    expect(v.checks.filter((c) => c.verdict !== 'pass')).toEqual([])
    expect(v.accepted).toBe(true)
  })

  it('§5.1: the issuance without KB-JWT warns that cnf is not used, and is accepted by its signature', async () => {
    const v = await verified(example.issuance)
    expect(verdict(v, 'kb-present')).toEqual({ id: 'kb-present', verdict: 'warn', title: 'A Key Binding JWT is present', detail: 'The credential names a holder key ("cnf") but the presentation has no KB-JWT: whoever holds the text can present it. Reject it if your policy requires key binding.', reference: 'RFC 9901 §7.3 step 2' })
    expect(v.accepted).toBe(true)
  })

  it('skips the issuer signature without a key and then does not accept', async () => {
    const v = await verified(example.presentation, { ...(await input()), issuerKeys: null })
    expect(verdict(v, 'issuer-signature')?.verdict).toBe('skip')
    expect(v.accepted).toBe(false)
  })

  it('warns when no aud or nonce is expected', async () => {
    const v = await verified(example.presentation, { issuerKeys: (await input()).issuerKeys, keyBinding: { now: NOW } })
    expect(verdict(v, 'kb-aud')?.detail).toBe('"aud" is "https://verifier.example.org", but no expected aud was given, so it was not checked: enter the expected audience (your verifier identifier) to guard against replay.')
    expect(verdict(v, 'kb-nonce')?.verdict).toBe('warn')
    expect(v.accepted).toBe(true)
  })
})

describe('verifySdJwt rejections', () => {
  const otherHolder = { kty: 'EC', crv: 'P-256', x: 'b28d4MwZMjw8-00CG4xfnn9SLMVMM19SlqZpVb_uNtQ', y: 'Xv5zWwuoaTgdS6hV43yI6gBwTnjukmFQQnJ_kCxzqk8', d: 'Ur2bNKuBPOrAaxsRnbSH6hIhmNTxSGXshDSUD1a1y7g' }
  it.each([
    ['a KB-JWT signed by another key', async () => PRESENTED + await kbJwt(PRESENTED, {}, { typ: 'kb+jwt' }, otherHolder), {}, 'kb-signature', 'The KB-JWT does not verify with the key in "cnf.jwk": The signature does not match the token\'s header and payload under this key (an EC P-256 public key). The token was changed after signing, or it was signed with a different key. It was not made by the credential\'s holder.'],
    ['a wrong aud', async () => PRESENTED + await kbJwt(PRESENTED, { aud: 'https://evil.example' }), {}, 'kb-aud', '"aud" is "https://evil.example", but "https://verifier.example.org" was expected: the presentation was made for another verifier (a replay?).'],
    ['a wrong nonce', async () => PRESENTED + await kbJwt(PRESENTED, { nonce: 'old' }), {}, 'kb-nonce', '"nonce" is "old", but "1234567890" was expected: the presentation was made for another request (a replay?).'],
    ['a wrong typ', async () => PRESENTED + await kbJwt(PRESENTED, {}, { typ: 'JWT' }), {}, 'kb-typ', 'The KB-JWT header\'s "typ" is "JWT", not "kb+jwt": another kind of JWT cannot stand in for key binding.'],
    ['a stale iat', async () => example.presentation, { now: KB.iat + 301 }, 'kb-iat', 'The KB-JWT was made 301 s before now, more than the 300 s accepted: a stale presentation may be a replay. Ask the holder for a new one.'],
    ['an iat in the future', async () => example.presentation, { now: KB.iat - 61 }, 'kb-iat', "The KB-JWT's \"iat\" is 61 s in the future, more than the 60 s of clock skew allowed."],
    ['a dropped disclosure (wrong sd_hash)', async () => {
      const parts = example.presentation.split('~')
      return [parts[0], ...parts.slice(2)].join('~')
    }, {}, 'kb-sd-hash', `"sd_hash" is ${example.presentationSdHash}, but the presentation up to its last '~' hashes to ${sdHash(example.presentation.split('~').filter((_, i) => i !== 1).slice(0, -1).join('~') + '~')}: disclosures were added, removed or reordered after the holder signed.`],
    ['a tampered disclosure', async () => example.presentation.replace(example.disclosures[1]?.disclosure ?? '', Buffer.from('["eluV5Og3gSNII8EYnsxA_A", "family_name", "Roe"]').toString('base64url')), {}, 'disclosures-referenced', 'Disclosure 1: no digest in the issuer-signed payload or another disclosure matches it, so it was changed or belongs to another SD-JWT. The SD-JWT must be rejected.'],
  ])('%s', async (_name, build, over, id, detail) => {
    const v = await verified(await build(), await input(over))
    const found = verdict(v, id as SdJwtCheck['id'])
    expect(found?.verdict).toBe('fail')
    expect(found?.detail).toBe(detail)
    expect(v.accepted).toBe(false)
  })

  it('fails the issuer signature with the wrong issuer key', async () => {
    const v = await verified(example.presentation, { ...(await input()), issuerKeys: await keyInput(publicOf(keys.holder)) })
    expect(verdict(v, 'issuer-signature')?.verdict).toBe('fail')
    expect(v.accepted).toBe(false)
  })

  it('resolves cnf.jkt against the pasted holder key, and refuses a key with another thumbprint', async () => {
    const holder = await keyInput(publicOf(keys.holder))
    const jkt = holder.keys[0]?.thumbprint as string
    const { CompactSign: Sign } = await import('jose')
    const issuerKey = await importJWK({ ...keys.issuer }, 'ES256')
    const payload = { iss: 'https://issuer.example.com', cnf: { jkt } }
    const issuerJwt = await new Sign(new TextEncoder().encode(JSON.stringify(payload))).setProtectedHeader({ alg: 'ES256', typ: 'example+sd-jwt' }).sign(issuerKey)
    const sd = `${issuerJwt}~`
    const text = sd + await kbJwt(sd)
    const good = await verified(text, { ...(await input()), holderKey: holder.keys[0] ?? null })
    expect(verdict(good, 'kb-signature')?.detail).toBe('The KB-JWT verifies (ES256) with the pasted holder key, whose RFC 7638 thumbprint matches "cnf.jkt".')
    expect(good.accepted).toBe(true)
    const other = await keyInput(publicOf(keys.issuer))
    const bad = await verified(text, { ...(await input()), holderKey: other.keys[0] ?? null })
    expect(verdict(bad, 'kb-signature')?.detail).toBe(`The pasted holder key's RFC 7638 thumbprint is ${other.keys[0]?.thumbprint}, but "cnf.jkt" is ${jkt}: it is not the key the credential is bound to.`)
    const none = await verified(text, await input())
    expect(verdict(none, 'kb-signature')?.verdict).toBe('skip')
    expect(none.accepted).toBe(false)
  })
})

describe('verifySdJwt on the RFC 9901 appendix examples', () => {
  const { appendix } = vectors
  it.each([
    ['A.1', appendix['A.1'].presentation, appendix['A.1'].processedPayload, false],
    ['A.2', appendix['A.2'].presentation, appendix['A.2'].processedPayload, false],
    ['A.3 issuance', appendix['A.3'].issuance, appendix['A.3'].issuanceProcessedPayload, false],
    ['A.3 presentation', appendix['A.3'].presentation, appendix['A.3'].processedPayload, true],
    ['A.4 presentation', appendix['A.4'].presentation, appendix['A.4'].processedPayload, true],
  ])('%s: the issuer signature verifies and the processed payload is the published one', async (_name, text, payload, bound) => {
    const v = await verified(text)
    expect(v.processed.processedPayload).toEqual(payload)
    expect(v.checks.filter((c) => c.verdict === 'fail')).toEqual([])
    expect(verdict(v, 'issuer-signature')?.verdict).toBe('pass')
    expect(verdict(v, 'kb-signature')?.verdict).toBe(bound ? 'pass' : undefined)
    expect(verdict(v, 'kb-sd-hash')?.verdict).toBe(bound ? 'pass' : undefined)
    expect(v.accepted).toBe(true)
  })

  it('A.1: the six decoys are among the undisclosed digests, four of them in the address', async () => {
    const v = await verified(appendix['A.1'].presentation)
    expect(v.processed.undisclosed.map((u) => u.digest)).toEqual(expect.arrayContaining(appendix['A.1'].decoys))
    const atAddress = v.processed.undisclosed.filter((u) => u.at === '/address').map((u) => u.digest)
    expect(appendix['A.1'].decoys.filter((d) => atAddress.includes(d))).toHaveLength(4)
  })

  it('A.3: the dc+sd-jwt rows pass, with vct, iss and cnf read from the processed payload', async () => {
    const v = await verified(appendix['A.3'].presentation)
    expect(v.checks.filter((c) => c.id.startsWith('vc-')).map((c) => [c.id, c.verdict])).toEqual([
      ['vc-typ', 'pass'], ['vc-vct', 'pass'], ['vc-iss', 'pass'], ['vc-cnf', 'pass'], ['vc-status', 'skip'], ['vc-never-disclosable', 'pass'],
    ])
  })
})
