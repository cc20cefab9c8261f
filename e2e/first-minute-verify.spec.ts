import { constants, createHash, generateKeyPairSync, sign as nodeSign } from 'node:crypto'
import { test, expect, pasteToken } from './fixtures'
import { openApp, signatureStatus, verificationKey } from './helpers'

const encodeJson = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')
const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 })
const other = generateKeyPairSync('rsa', { modulusLength: 2048 })

function signed(alg: 'RS256' | 'PS256', header: Record<string, unknown>, saltLength = 32): string {
  const input = `${encodeJson({ alg, typ: 'JWT', ...header })}.${encodeJson({ sub: 'first-minute', iat: 1700000000 })}`
  const sig = alg === 'RS256'
    ? nodeSign('sha256', Buffer.from(input), rsa.privateKey)
    : nodeSign('sha256', Buffer.from(input), { key: rsa.privateKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength })
  return `${input}.${sig.toString('base64url')}`
}

test('a JWKS whose kid matches no key names the key of the set that verifies, without calling the token verified', async ({ page }) => {
  await openApp(page)
  await pasteToken(page, signed('RS256', { kid: 'rotated-away' }))
  const jwks = { keys: [{ ...other.publicKey.export({ format: 'jwk' }), kid: 'rsa_pub_0' }, { ...rsa.publicKey.export({ format: 'jwk' }), kid: 'rsa_pub_1' }] }
  await verificationKey(page).fill(JSON.stringify(jwks))
  await expect(signatureStatus(page)).toHaveText(
    'Signature not checked: The token\'s kid "rotated-away" matches no key in the JWKS (available: "rsa_pub_0", "rsa_pub_1"). Paste the JWKS that holds key "rotated-away". Key "rsa_pub_1" of this set verifies the signature, but the token\'s kid names a different key; a strict verifier rejects it.',
  )
})

test('a PS256 token signed with salt length 0 is invalid, with the salt length that matches', async ({ page }) => {
  await openApp(page)
  await pasteToken(page, signed('PS256', {}, 0))
  await verificationKey(page).fill(JSON.stringify(rsa.publicKey.export({ format: 'jwk' })))
  await expect(signatureStatus(page)).toHaveText(
    'Invalid signature: The signature verifies with salt length 0, but RFC 7518 §3.5 requires the salt to be as long as the hash (32 bytes for PS256): strict JWS verifiers reject this token. Re-sign with the standard salt length (node:crypto: saltLength 32, or RSA_PSS_SALTLEN_DIGEST).',
  )
  await pasteToken(page, signed('PS256', {}))
  await expect(signatureStatus(page)).toHaveText(/^Signature verified/)
})

test('a Microsoft Graph access token says its signature matches only after Graph\'s nonce transformation, never verified', async ({ page }) => {
  const header = { typ: 'JWT', nonce: 'graph-nonce-4sX9', alg: 'RS256', kid: 'graph-key' }
  const payload = encodeJson({ aud: '00000003-0000-0000-c000-000000000000', scp: 'User.Read', iat: 1700000000 })
  const signedHeader = { ...header, nonce: createHash('sha256').update(header.nonce).digest('hex') }
  const sig = nodeSign('sha256', Buffer.from(`${encodeJson(signedHeader)}.${payload}`), rsa.privateKey).toString('base64url')
  await openApp(page)
  await pasteToken(page, `${encodeJson(header)}.${payload}.${sig}`)
  await verificationKey(page).fill(JSON.stringify({ keys: [{ ...rsa.publicKey.export({ format: 'jwk' }), kid: 'graph-key' }] }))
  await expect(signatureStatus(page)).toHaveText(
    "Invalid signature: The signature matches only after Microsoft Graph's private nonce transformation (the header's nonce replaced by its SHA-256 hex digest before signing), so the token as written does not verify and only Microsoft Graph can validate it. This is a Microsoft Graph access token: to verify a token yourself, request one for your own API (its own scope and audience).",
  )
})
