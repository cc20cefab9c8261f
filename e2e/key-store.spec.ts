import { generateKeyPairSync, sign } from 'node:crypto'
import type { Page } from '@playwright/test'
import { test, expect, pasteToken } from './fixtures'
import { openApp, openSettings, openSigning, signatureStatus, signingKey, verificationKey } from './helpers'

const STORAGE_KEY = 'jwt-lab:v1'
const REMEMBER = 'Remember tokens and secrets on this device'
const stored = (page: Page) => page.evaluate((k) => localStorage.getItem(k) ?? '', STORAGE_KEY)

const b64u = (s: string) => Buffer.from(s).toString('base64url')
const first = generateKeyPairSync('ec', { namedCurve: 'P-256' })
const second = generateKeyPairSync('ec', { namedCurve: 'P-256' })
const publicJwk = (pair: typeof first, kid: string) => JSON.stringify({ ...pair.publicKey.export({ format: 'jwk' }), kid })

/** An ES256 token without a kid, signed with node:crypto, so that every key of a set has to be tried. */
function es256(pair: typeof first, payload: object): string {
  const input = `${b64u(JSON.stringify({ alg: 'ES256', typ: 'JWT' }))}.${b64u(JSON.stringify(payload))}`
  return `${input}.${sign('sha256', Buffer.from(input), { key: pair.privateKey, dsaEncoding: 'ieee-p1363' }).toString('base64url')}`
}

const privatePem = second.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
const privateD = second.privateKey.export({ format: 'jwk' }).d as string
const pemBody = privatePem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '')

function keyStore(page: Page) {
  return page.getByRole('region', { name: 'Key store', exact: true })
}

/** Opens the Key store panel: it starts collapsed while this device remembers no keys. */
async function openKeyStore(page: Page): Promise<void> {
  const toggle = page.getByRole('button', { name: 'Key store', exact: true })
  await expect(toggle).toHaveAttribute('aria-expanded', 'false')
  await toggle.click()
  await expect(keyStore(page).getByRole('textbox', { name: 'Key name', exact: true })).toBeVisible({ timeout: 30_000 })
}

async function addPasted(page: Page, name: string, text: string): Promise<void> {
  const region = keyStore(page)
  await region.getByRole('textbox', { name: 'Key name', exact: true }).fill(name)
  await region.getByRole('textbox', { name: 'Key to add', exact: true }).fill(text)
  await region.getByRole('button', { name: 'Add pasted key', exact: true }).click()
  await expect(region.getByRole('listitem', { name, exact: true })).toBeVisible()
}

function noKeyMaterial(text: string): void {
  expect(text).not.toContain(privateD)
  expect(text).not.toContain(Buffer.from(privateD, 'base64url').toString('base64'))
  expect(text).not.toContain(Buffer.from(privateD, 'base64url').toString('hex'))
  expect(text).not.toContain(pemBody.slice(30, 70))
  expect(text).not.toContain('PRIVATE KEY')
  expect(text).not.toMatch(/\\?"d\\?"\s*:/)
}

test('"Verify with every key" finds the key of the store that signed the token and names it', async ({ page }) => {
  await openApp(page)
  await openKeyStore(page)
  await addPasted(page, 'first', publicJwk(first, 'k-first'))
  await addPasted(page, 'second', publicJwk(second, 'k-second'))
  const item = keyStore(page).getByRole('listitem', { name: 'second', exact: true })
  await expect(item).toContainText('an EC P-256 public key')
  await expect(item).toContainText('k-second')
  await expect(item).toContainText('origin: pasted')

  await pasteToken(page, es256(second, { sub: 'ks', iat: 1_700_000_000 }))
  await keyStore(page).getByRole('button', { name: 'Verify with every key', exact: true }).click()
  await expect(verificationKey(page)).toHaveValue(/"keys"/)
  await expect(signatureStatus(page)).toHaveText(/^Signature verified with key kid 'k-second' \(thumbprint [A-Za-z0-9_-]{43}; 2 keys of the set tried\)$/)

  // One key alone: the first does not verify the second's token.
  await keyStore(page).getByRole('listitem', { name: 'first', exact: true }).getByRole('button', { name: 'Use to verify', exact: true }).click()
  await expect(signatureStatus(page)).toHaveText(/^Invalid signature/)
  await keyStore(page).getByRole('button', { name: 'Export JWKS', exact: true }).click()
  const exported = JSON.parse(await keyStore(page).getByRole('textbox', { name: 'Exported JWKS', exact: true }).inputValue()) as { keys: { kid: string }[] }
  expect(exported.keys.map((k) => k.kid)).toEqual(['k-first', 'k-second'])
})

test('a private key remembered with the opt-in and a passphrase comes back locked, encrypted at rest', async ({ page }) => {
  await openApp(page)
  await openKeyStore(page)
  await openSettings(page)
  await page.getByRole('checkbox', { name: REMEMBER }).check()
  await addPasted(page, 'signer', privatePem)
  await expect(keyStore(page).getByRole('listitem', { name: 'signer', exact: true })).toContainText('private')
  await keyStore(page).getByLabel('Passphrase', { exact: true }).fill('correct horse battery')
  await keyStore(page).getByRole('button', { name: 'Remember private keys', exact: true }).click()
  await expect(keyStore(page).getByRole('status')).toHaveText(/^The private keys are stored encrypted with your passphrase/, { timeout: 20_000 })
  await expect.poll(() => stored(page)).toContain('keyStoreSealed')
  noKeyMaterial(await stored(page))

  await page.reload()
  const region = keyStore(page)
  await expect(region).toContainText('Locked: private keys are stored encrypted.')
  await expect(region.getByRole('listitem', { name: 'signer', exact: true })).toHaveCount(0)
  await region.getByLabel('Passphrase', { exact: true }).fill('wrong horse')
  await region.getByRole('button', { name: 'Unlock', exact: true }).click()
  await expect(region.getByRole('alert')).toHaveText('Wrong passphrase: the stored keys did not open with it. Type the passphrase they were stored with.', { timeout: 20_000 })
  await region.getByLabel('Passphrase', { exact: true }).fill('correct horse battery')
  await region.getByRole('button', { name: 'Unlock', exact: true }).click()
  await expect(region.getByRole('listitem', { name: 'signer', exact: true })).toContainText('private', { timeout: 20_000 })
  noKeyMaterial(await stored(page))

  // The opened key is the real one: its public half verifies a token it signed.
  await region.getByRole('listitem', { name: 'signer', exact: true }).getByRole('button', { name: 'Use to verify', exact: true }).click()
  await pasteToken(page, es256(second, { sub: 'locked' }))
  await expect(signatureStatus(page)).toHaveText(/^Signature verified/)
})

test('without the opt-in a private key stays in the tab: nothing private is stored', async ({ page }) => {
  await openApp(page)
  await openKeyStore(page)
  await addPasted(page, 'transient', privatePem)
  await addPasted(page, 'public one', publicJwk(first, 'k-first'))
  await expect(keyStore(page)).toContainText('The private keys stay in this tab only.')
  await expect.poll(() => stored(page)).toContain('k-first')
  const text = await stored(page)
  noKeyMaterial(text)
  expect(text).not.toContain('keyStoreSealed')
  await page.reload()
  await expect(keyStore(page).getByRole('listitem', { name: 'public one', exact: true })).toBeVisible()
  await expect(keyStore(page).getByRole('listitem', { name: 'transient', exact: true })).toHaveCount(0)
})

test('keys come from a generated key and a file too, and go into the signing and decryption boxes', async ({ page }) => {
  await openApp(page)
  await openKeyStore(page)
  const region = keyStore(page)
  await region.getByRole('button', { name: 'Generate and add', exact: true }).click()
  const generated = region.getByRole('listitem', { name: 'HS256 key', exact: true })
  await expect(generated).toContainText('origin: generated')
  await expect(generated).toContainText('HMAC secret')
  await generated.getByRole('button', { name: 'Use to sign', exact: true }).click()
  await openSigning(page)
  await expect(signingKey(page)).toHaveValue(/^\{"kty":"oct","k":"[A-Za-z0-9_-]{43}"/)

  const publicPem = first.publicKey.export({ type: 'spki', format: 'pem' }).toString()
  await region.getByLabel('Add from file', { exact: true }).setInputFiles({ name: 'issuer.pem', mimeType: 'application/x-pem-file', buffer: Buffer.from(publicPem) })
  const fromFile = region.getByRole('listitem', { name: 'issuer.pem', exact: true })
  await expect(fromFile).toContainText('origin: file')
  await expect(fromFile).toContainText('an EC P-256 public key')
  await expect(fromFile.getByRole('button', { name: 'Use to sign', exact: true })).toHaveCount(0)
  // One key exported alone: a JWKS of that key only; a secret has no public part to export.
  await expect(generated.getByRole('button', { name: 'Export as JWKS', exact: true })).toHaveCount(0)
  await fromFile.getByRole('button', { name: 'Export as JWKS', exact: true }).click()
  const { x, y } = first.publicKey.export({ format: 'jwk' })
  const exported = JSON.parse(await region.getByRole('textbox', { name: 'Exported JWKS', exact: true }).inputValue()) as { keys: Record<string, unknown>[] }
  expect(exported.keys).toHaveLength(1)
  expect(exported.keys[0]).toMatchObject({ kty: 'EC', crv: 'P-256', x, y })

  await addPasted(page, 'decrypter', privatePem)
  await region.getByRole('listitem', { name: 'decrypter', exact: true }).getByRole('button', { name: 'Use to decrypt', exact: true }).click()
  await region.getByRole('listitem', { name: 'decrypter', exact: true }).getByRole('button', { name: 'Remove', exact: true }).click()
  await expect(region.getByRole('listitem', { name: 'decrypter', exact: true })).toHaveCount(0)
})
