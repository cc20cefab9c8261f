import { createPrivateKey } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { IGNORED_KEY_MESSAGE, buildShareLink, parseShareFragment } from './share-link'

const token = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln'
const read = (file: string) => readFileSync(new URL(`../../../test/fixtures/keys/${file}`, import.meta.url), 'utf8')
const spki = read('ec-p256-spki.pem')
const pkcs8 = read('ec-p256-pkcs8.pem')
const relabelled = pkcs8.replace(/PRIVATE KEY/g, 'PUBLIC KEY')
const privateJwk = JSON.stringify(createPrivateKey(pkcs8).export({ format: 'jwk' }))
const enc = encodeURIComponent

describe('buildShareLink', () => {
  const pem = '-----BEGIN PUBLIC KEY-----\nMFkw+/a=\n-----END PUBLIC KEY-----'
  it.each([
    ['http://localhost:4173/', undefined, `http://localhost:4173/#token=${token}`],
    ['http://localhost:4173/app/?x=1#token=old', undefined, `http://localhost:4173/app/?x=1#token=${token}`],
    ['http://h/', '', `http://h/#token=${token}`],
    ['http://h/', pem, `http://h/#token=${token}&key=-----BEGIN%20PUBLIC%20KEY-----%0AMFkw%2B%2Fa%3D%0A-----END%20PUBLIC%20KEY-----`],
  ])('links %s with key %j', (page, key, expected) => {
    expect(buildShareLink(page, token, key)).toBe(expected)
  })
})

describe('parseShareFragment', () => {
  it.each([
    ['', null],
    ['#', null],
    ['#section-2', null],
    ['#token=', null],
    [`#token=${token}`, { token }],
    [`token=${token}`, { token }],
    [`#id_token=${token}&state=abc`, { token }],
    [`#access_token=${token}&token_type=Bearer&expires_in=3600`, { token }],
    [`#access_token=aaa.bbb.ccc&id_token=${token}`, { token }],
    [`#access_token=aaa.bbb.ccc&token=${token}`, { token }],
    [`#token=${token}&key=${enc(spki)}`, { token, key: spki }],
    [`#key=${enc(spki)}&token=${token}`, { token, key: spki }],
    [`#token=${token}&key=`, { token }],
    [`#key=${enc(spki)}`, null],
    ['#token=%E0%A4%A', { token: '%E0%A4%A' }],
  ])('reads %j', (hash, expected) => {
    expect(parseShareFragment(hash)).toEqual(expected)
  })

  const LABEL_SAYS = 'whatever its label says; private keys are secret and are kept out of storage and links.'
  it.each([
    ['an HMAC secret', 'your-256-bit-secret', 'The text is not public key material (a PEM public key or certificate, or a JWK or JWKS without private members), so it counts as an HMAC secret and is kept out of storage and links.'],
    ['a PEM private key', pkcs8, `PEM block 1 (labelled "PRIVATE KEY") holds a PKCS#8 private key, ${LABEL_SAYS}`],
    ['a private key relabelled as public', relabelled, `PEM block 1 (labelled "PUBLIC KEY") holds a PKCS#8 private key, ${LABEL_SAYS}`],
    ['a private JWK', privateJwk, 'The JWK has the private member "d", so it is a private key; private keys are kept out of storage and links.'],
    ['an oct JWK', '{"kty":"oct","k":"c2VjcmV0"}', 'The JWK holds a symmetric secret ("k"), which is secret and kept out of storage and links.'],
    ['a public key with a secret after it', `${spki}hunter2`, 'The text holds something other than PEM blocks (before, between or after them), so it is treated as a secret and kept out of storage and links.'],
  ])('drops %s and says why', (_name, key, reason) => {
    expect(parseShareFragment(`#token=${token}&key=${enc(key)}`)).toEqual({ token, ignoredKey: `${IGNORED_KEY_MESSAGE} ${reason}` })
  })

  it('says exactly what the page shows for an ignored key', () => {
    expect(IGNORED_KEY_MESSAGE).toBe(
      'The link carried a secret or private key; it was not used, because a link must never decide which key verifies a token: whoever made the link knows that secret and can sign any token with it. Links may carry public keys only.',
    )
  })

  it('round-trips what buildShareLink writes', () => {
    const link = buildShareLink('http://h/', token, spki)
    expect(parseShareFragment(new URL(link).hash)).toEqual({ token, key: spki })
  })
})
