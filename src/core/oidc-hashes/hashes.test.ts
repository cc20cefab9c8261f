import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { checkOidcHashes, oidcHash, oidcHashFunction } from './hashes'

/** OpenID Connect Core 1.0 Appendix A.3 (access token, at_hash) and A.6 (code, c_hash), RS256. */
const SPEC = {
  accessToken: 'jHkWEdUXMU1BwAsC4vtUsZwnNvTIxEl0z9K3vx5KF0Y',
  atHash: '77QmUPtjPfzWtF2AnpK9RQ',
  code: 'Qcb0Orv1zh30vL1MPRsbm-diHiMwcLyZvn1arpZv-Jxf_11jnpEX3Tgfvk',
  cHash: 'LDktKdoQak3Pk0cnXxCltA',
}

/** The rule done independently with node:crypto: left half of the digest, base64url. */
function nodeHash(algorithm: string, value: string, outputLength?: number): string {
  const digest = createHash(algorithm, outputLength !== undefined ? { outputLength } : {}).update(value, 'ascii').digest()
  return digest.subarray(0, digest.length / 2).toString('base64url')
}

describe('oidcHash', () => {
  it('reproduces OpenID Connect Core\'s published at_hash and c_hash', async () => {
    expect(await oidcHash(SPEC.accessToken, 'RS256')).toEqual({ ok: true, value: SPEC.atHash })
    expect(await oidcHash(SPEC.code, 'RS256')).toEqual({ ok: true, value: SPEC.cHash })
  })

  it.each([
    ['HS256', 'sha256'], ['ES256', 'sha256'], ['PS256', 'sha256'], ['ES256K', 'sha256'],
    ['RS384', 'sha384'], ['ES384', 'sha384'], ['PS384', 'sha384'], ['HS384', 'sha384'],
    ['RS512', 'sha512'], ['ES512', 'sha512'], ['HS512', 'sha512'], ['PS512', 'sha512'],
    ['EdDSA', 'sha512'], ['Ed25519', 'sha512'],
  ])('%s uses %s (node:crypto recomputation)', async (alg, nodeAlg) => {
    const value = SPEC.accessToken
    const result = await oidcHash(value, alg)
    expect(result).toEqual({ ok: true, value: nodeHash(nodeAlg, value) })
    expect(result.ok && result.value.length).toBe({ sha256: 22, sha384: 32, sha512: 43 }[nodeAlg])
  })

  it('Ed448 uses SHAKE256 with 114 bytes of output (OIDC Core errata)', async () => {
    expect(await oidcHash(SPEC.code, 'Ed448')).toEqual({ ok: true, value: nodeHash('shake256', SPEC.code, 114) })
  })

  it.each([
    [undefined, 'ALG_MISSING', 'The ID token has no alg in its header, so the hash for at_hash, c_hash and s_hash is unknown.'],
    ['none', 'ALG_NO_HASH', 'The ID token\'s alg none defines no hash for at_hash, c_hash and s_hash (OpenID Connect Core §3.1.3.6 takes the hash of the signing algorithm).'],
    ['RS1024', 'ALG_NO_HASH', 'The ID token\'s alg RS1024 defines no hash for at_hash, c_hash and s_hash (OpenID Connect Core §3.1.3.6 takes the hash of the signing algorithm).'],
  ])('alg %s: %s', (alg, code, message) => {
    expect(oidcHashFunction(alg)).toEqual({ ok: false, error: { code, message } })
  })

  it('says why EdDSA uses SHA-512', () => {
    const f = oidcHashFunction('EdDSA')
    expect(f.ok && f.value.note).toContain('OpenID Connect Core errata set 2 specifies SHA-512 for Ed25519')
  })
})

describe('checkOidcHashes', () => {
  const payload = { at_hash: SPEC.atHash, c_hash: SPEC.cHash, s_hash: nodeHash('sha256', 'af0ifjsldkj') }

  it('passes each claim recomputed from the right value', async () => {
    const rows = await checkOidcHashes({ payload, alg: 'RS256', values: { at_hash: SPEC.accessToken, c_hash: SPEC.code, s_hash: 'af0ifjsldkj' } })
    expect(rows.map((r) => [r.claim, r.verdict])).toEqual([['at_hash', 'pass'], ['c_hash', 'pass'], ['s_hash', 'pass']])
    expect(rows[0]?.message).toBe('at_hash matches the access token: 77QmUPtjPfzWtF2AnpK9RQ is the left half of SHA-256 of the access token, base64url.')
  })

  it('fails a wrong value and skips a missing one', async () => {
    const rows = await checkOidcHashes({ payload, alg: 'RS256', values: { at_hash: 'another-token', s_hash: '  ' } })
    expect(rows).toEqual([
      {
        claim: 'at_hash',
        verdict: 'fail',
        computed: nodeHash('sha256', 'another-token'),
        message: `at_hash is ${SPEC.atHash}, but the left half of SHA-256 of the access token, base64url is ${nodeHash('sha256', 'another-token')}: this access token is not the one the ID token was issued with.`,
      },
      { claim: 'c_hash', verdict: 'skip', message: 'Not checked: paste the authorization code in Code to recompute c_hash.' },
      { claim: 's_hash', verdict: 'skip', message: 'Not checked: paste the state in State to recompute s_hash.' },
    ])
  })

  it('fails a claim that is not a string, and an alg without a hash', async () => {
    const rows = await checkOidcHashes({ payload: { at_hash: 42, c_hash: 'x' }, alg: 'none', values: { at_hash: 'a', c_hash: 'b' } })
    expect(rows.map((r) => r.message)).toEqual([
      'at_hash is not a string: it must be the base64url left half of the hash of the access token.',
      'The ID token\'s alg none defines no hash for at_hash, c_hash and s_hash (OpenID Connect Core §3.1.3.6 takes the hash of the signing algorithm).',
    ])
  })

  it('has no rows for a payload without hash claims, or one that is not an object', async () => {
    expect(await checkOidcHashes({ payload: { sub: 'x' }, alg: 'RS256', values: { at_hash: 'a' } })).toEqual([])
    expect(await checkOidcHashes({ payload: ['at_hash'], alg: 'RS256', values: {} })).toEqual([])
    expect(await checkOidcHashes({ payload: null, alg: 'RS256', values: {} })).toEqual([])
  })
})
