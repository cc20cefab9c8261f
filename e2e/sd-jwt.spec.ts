import { createHash, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto'
import type { Page } from '@playwright/test'
import { SignJWT, type JWK } from 'jose'
import { test, expect, pasteToken } from './fixtures'
import { openApp, verificationKey } from './helpers'

const b64u = (b: Buffer | string) => Buffer.from(b).toString('base64url')
const sha256 = (text: string) => createHash('sha256').update(text, 'ascii').digest('base64url')
const pem = (k: KeyObject) => k.export({ format: 'pem', type: k.type === 'private' ? 'pkcs8' : 'spki' }).toString()
const AUD = 'https://verifier.example.org'
const NONCE = 'n-0S6_WzA2Mj'

// The issuer's and the holder's keys, and the SD-JWT built here with node:crypto and jose (not by the app).
const issuer = generateKeyPairSync('ec', { namedCurve: 'P-256' })
const holder = generateKeyPairSync('ec', { namedCurve: 'P-256' })
const holderJwk = holder.publicKey.export({ format: 'jwk' }) as JWK

/** A disclosure `[salt, name, value]` with a 128-bit salt, and its SHA-256 digest (RFC 9901 §4.2.1, §4.2.3). */
function disclosure(name: string, value: unknown): { readonly text: string; readonly digest: string; readonly salt: string } {
  const salt = b64u(randomBytes(16))
  const text = b64u(JSON.stringify([salt, name, value]))
  return { text, digest: sha256(text), salt }
}

async function issuerJwt(digests: readonly string[]): Promise<string> {
  const payload = { iss: 'https://issuer.example.com', iat: Math.floor(Date.now() / 1000), _sd: [...digests].sort(), _sd_alg: 'sha-256', cnf: { jwk: holderJwk } }
  return new SignJWT(payload).setProtectedHeader({ alg: 'ES256', typ: 'example+sd-jwt' }).sign(issuer.privateKey)
}

/** `<presentation>` plus a KB-JWT over it: `typ kb+jwt`, `aud`, `nonce`, `iat` and `sd_hash` (RFC 9901 §4.3). */
async function withKeyBinding(presentation: string): Promise<string> {
  const kb = await new SignJWT({ aud: AUD, nonce: NONCE, iat: Math.floor(Date.now() / 1000), sd_hash: sha256(presentation) })
    .setProtectedHeader({ alg: 'ES256', typ: 'kb+jwt' })
    .sign(holder.privateKey)
  return presentation + kb
}

const given = disclosure('given_name', 'Erika')
const family = disclosure('family_name', 'Mustermann')
const email = disclosure('email', 'erika@example.com')

const region = (page: Page) => page.getByRole('region', { name: 'SD-JWT', exact: true })
const verdict = (page: Page) => region(page).getByRole('status', { name: 'SD-JWT verdict', exact: true })
const disclosureRows = (page: Page) => region(page).getByRole('table', { name: 'Disclosures', exact: true }).locator('tbody tr')
const checkRows = (page: Page) => region(page).getByRole('table', { name: 'SD-JWT checks', exact: true }).locator('tbody tr')

/** Fills the verifier's expectations of the key binding. */
async function expectKeyBinding(page: Page): Promise<void> {
  await region(page).getByLabel('Expected audience', { exact: true }).fill(AUD)
  await region(page).getByLabel('Expected nonce', { exact: true }).fill(NONCE)
}

test('a pasted SD-JWT+KB with its issuer key: every check passes and the processed payload shows', async ({ page }) => {
  const jwt = await issuerJwt([given.digest, family.digest, email.digest])
  const token = await withKeyBinding(`${jwt}~${given.text}~${email.text}~`)
  await openApp(page)
  await pasteToken(page, token)
  await verificationKey(page).fill(pem(issuer.publicKey))
  await expect(region(page)).toBeVisible()
  await expectKeyBinding(page)

  await expect(verdict(page)).toHaveText('SD-JWT accepted: issuer signature, disclosures and key binding check out (2 disclosed claims).')
  await expect(checkRows(page).first()).toBeVisible()
  await expect(checkRows(page).and(page.locator('[data-verdict="fail"]'))).toHaveCount(0)
  for (const id of ['issuer-signature', 'sd-alg', 'digests-unique', 'disclosures-referenced', 'kb-typ', 'kb-signature', 'kb-sd-hash', 'kb-aud', 'kb-nonce', 'kb-iat']) {
    await expect(checkRows(page).and(page.locator(`[data-check="${id}"]`)), id).toHaveAttribute('data-verdict', 'pass')
  }
  await expect(region(page)).toContainText('SD-JWT+KB')

  // One row per presented disclosure, each with the digest node:crypto computes, and its salt.
  await expect(disclosureRows(page)).toHaveCount(2)
  for (const [i, d] of [given, email].entries()) {
    await expect(disclosureRows(page).nth(i)).toContainText(d.digest)
    await expect(disclosureRows(page).nth(i)).toContainText(d.salt)
    await expect(disclosureRows(page).nth(i)).toHaveAttribute('data-verdict', 'pass')
  }
  // family_name's digest stays behind: withheld (or a decoy, which looks the same).
  await expect(region(page).getByRole('table', { name: 'Undisclosed digests', exact: true })).toContainText(family.digest)

  const processed = region(page).getByLabel('Processed payload', { exact: true })
  await expect(processed).toContainText('"given_name": "Erika"')
  await expect(processed).toContainText('"email": "erika@example.com"')
  await expect(processed).not.toContainText('family_name')
  await expect(processed).not.toContainText('_sd')
  await expect(region(page).getByLabel('Issuer-signed payload', { exact: true })).toContainText(given.digest)
})

test('a tampered disclosure: its row fails and the verdict says so', async ({ page }) => {
  const jwt = await issuerJwt([given.digest, family.digest])
  // Same salt and name, another value: its digest is in no _sd array.
  const forged = b64u(JSON.stringify([given.salt, 'given_name', 'Mallory']))
  expect(sha256(forged)).not.toBe(given.digest)
  const token = await withKeyBinding(`${jwt}~${forged}~${family.text}~`)
  await openApp(page)
  await pasteToken(page, token)
  await verificationKey(page).fill(pem(issuer.publicKey))
  await expectKeyBinding(page)

  await expect(verdict(page)).toContainText(/^SD-JWT not accepted: \d+ checks? failed: /)
  await expect(disclosureRows(page).first()).toHaveAttribute('data-verdict', 'fail')
  await expect(disclosureRows(page).first()).toContainText('Not referenced')
  await expect(disclosureRows(page).first()).toContainText(sha256(forged))
  await expect(disclosureRows(page).nth(1)).toHaveAttribute('data-verdict', 'pass')
  await expect(checkRows(page).and(page.locator('[data-verdict="fail"]')).first()).toBeVisible()
  await expect(region(page).getByLabel('Processed payload', { exact: true })).not.toContainText('Mallory')
})
