import { createCipheriv, createDecipheriv, createSign, generateKeyPairSync, privateDecrypt, publicEncrypt, randomBytes, constants, type KeyObject } from 'node:crypto'
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { test, expect, pasteToken } from './fixtures'
import { lastCopied, recordCopies } from './clipboard'
import { encodedToken, openApp, openSettings, signatureStatus, verificationKey } from './helpers'

const STORAGE_KEY = 'jwt-lab:v1'
const b64u = (b: Buffer | string) => Buffer.from(b).toString('base64url')
const pem = (k: KeyObject) => k.export({ format: 'pem', type: k.type === 'private' ? 'pkcs8' : 'spki' }).toString()

// The inner token: ES256, signed by node:crypto (not by the app).
const signer = generateKeyPairSync('ec', { namedCurve: 'P-256' })
function es256(payload: object): string {
  const input = `${b64u(JSON.stringify({ alg: 'ES256', typ: 'JWT', kid: 'sig-1' }))}.${b64u(JSON.stringify(payload))}`
  const signature = createSign('sha256').update(input).sign({ key: signer.privateKey, dsaEncoding: 'ieee-p1363' })
  return `${input}.${b64u(signature)}`
}
const inner = es256({ iss: 'https://issuer.example', sub: 'alice', aud: 'api', exp: Math.floor(Date.now() / 1000) + 3600 })

// The recipient's RSA key pair, and the JWE built by hand: RSA-OAEP (SHA-1) wraps a random CEK,
// AES-256-GCM encrypts the inner token with the protected header's base64url text as AAD (RFC 7516 §5.1).
const recipient = generateKeyPairSync('rsa', { modulusLength: 2048 })
const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 })
function rsaOaepA256Gcm(plaintext: string, publicKey: KeyObject): string {
  const protectedHeader = b64u(JSON.stringify({ alg: 'RSA-OAEP', enc: 'A256GCM', cty: 'JWT', kid: 'enc-1' }))
  const cek = randomBytes(32)
  const iv = randomBytes(12)
  const encryptedKey = publicEncrypt({ key: publicKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha1' }, cek)
  const cipher = createCipheriv('aes-256-gcm', cek, iv).setAAD(Buffer.from(protectedHeader, 'ascii'))
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()])
  return [protectedHeader, b64u(encryptedKey), b64u(iv), b64u(ciphertext), b64u(cipher.getAuthTag())].join('.')
}
const jwe = rsaOaepA256Gcm(inner, recipient.publicKey)

/** Decrypts a compact RSA-OAEP-256 + A256GCM JWE with node:crypto: the app's output, checked independently. */
function openRsaOaep256A256Gcm(token: string, privateKey: KeyObject): string {
  const [p, ek, iv, ct, tag] = token.split('.') as [string, string, string, string, string]
  const header = JSON.parse(Buffer.from(p, 'base64url').toString('utf8')) as Record<string, unknown>
  expect(header).toMatchObject({ alg: 'RSA-OAEP-256', enc: 'A256GCM', cty: 'JWT' })
  const cek = privateDecrypt({ key: privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, Buffer.from(ek, 'base64url'))
  const decipher = createDecipheriv('aes-256-gcm', cek, Buffer.from(iv, 'base64url')).setAAD(Buffer.from(p, 'ascii'))
  decipher.setAuthTag(Buffer.from(tag, 'base64url'))
  return Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]).toString('utf8')
}

const region = (page: Page) => page.getByRole('region', { name: 'Decryption', exact: true })
const decryptionKey = (page: Page) => page.getByRole('textbox', { name: 'Decryption key', exact: true })
const result = (page: Page) => region(page).getByRole('status', { name: 'Decryption result', exact: true })
const steps = (page: Page) => region(page).getByRole('list', { name: 'Decryption steps', exact: true }).getByRole('listitem')
/** The steps whose verdict badge says Fail. */
const failed = (page: Page) => steps(page).filter({ has: page.getByText('Fail', { exact: true }) })
const plaintext = (page: Page) => region(page).getByLabel('Plaintext', { exact: true })

test('a nested JWT: decrypted step by step, its inner token opened and verified, and stepped out of', async ({ page }) => {
  await openApp(page)
  await pasteToken(page, jwe)
  await expect(region(page)).toBeVisible()
  await expect(region(page)).toContainText('Not decrypted yet')
  await decryptionKey(page).fill(pem(recipient.privateKey))
  await expect(result(page)).toHaveText('Decrypted (RSA-OAEP, A256GCM).')
  // Every step ran and passed: none failed, none was skipped for this token (no zip, so inflate may be skipped).
  await expect(steps(page).first()).toBeVisible()
  await expect(failed(page)).toHaveCount(0)
  expect(await steps(page).count()).toBeGreaterThanOrEqual(5)
  await expect(plaintext(page)).toHaveText(inner)

  await region(page).getByRole('button', { name: 'Open the inner token', exact: true }).click()
  await expect(encodedToken(page)).toHaveValue(inner)
  await expect(region(page)).toHaveCount(0)
  await verificationKey(page).fill(pem(signer.publicKey))
  await expect(signatureStatus(page)).toHaveText(/^Signature verified/)
  await expect(page.getByRole('table', { name: 'Claims' })).toContainText('alice')

  await page.getByRole('button', { name: 'Back to the encrypted token', exact: true }).click()
  await expect(encodedToken(page)).toHaveValue(jwe)
  await expect(decryptionKey(page)).toHaveValue(pem(recipient.privateKey))
  await expect(result(page)).toHaveText('Decrypted (RSA-OAEP, A256GCM).')
  await expect(page.getByRole('button', { name: 'Back to the encrypted token', exact: true })).toHaveCount(0)
})

test('a wrong key or a tampered tag names the step that failed, and shows no plaintext', async ({ page }) => {
  await openApp(page)
  await pasteToken(page, jwe)
  await decryptionKey(page).fill(pem(stranger.privateKey))
  await expect(result(page)).toHaveText('Not decrypted: the step "Obtain the content encryption key (CEK)" failed.')
  await expect(failed(page)).toHaveCount(1)
  await expect(failed(page)).toContainText('Obtain the content encryption key (CEK)')
  await expect(failed(page)).toContainText('wrong key')
  await expect(plaintext(page)).toHaveCount(0)

  // The right key, but one bit of the tag flipped: the key step passes and the tag check fails.
  const parts = jwe.split('.')
  const tag = Buffer.from(parts[4] as string, 'base64url')
  tag[0] = (tag[0] as number) ^ 1
  await pasteToken(page, [...parts.slice(0, 4), b64u(tag)].join('.'))
  await decryptionKey(page).fill(pem(recipient.privateKey))
  await expect(result(page)).toHaveText('Not decrypted: the step "Check the authentication tag" failed.')
  await expect(failed(page)).toHaveCount(1)
  await expect(failed(page)).toContainText('changed after encryption')
  await expect(plaintext(page)).toHaveCount(0)
})

test('encrypt the current token for a public key, then decrypt it back', async ({ page }) => {
  await openApp(page)
  const signed = await encodedToken(page).inputValue()
  expect(signed.split('.')).toHaveLength(3)
  await page.getByRole('button', { name: 'Encrypt', exact: true }).click()
  await page.getByRole('combobox', { name: 'Key management algorithm', exact: true }).selectOption('RSA-OAEP-256')
  await page.getByRole('combobox', { name: 'Content encryption', exact: true }).selectOption('A256GCM')
  await page.getByRole('textbox', { name: 'Recipient key', exact: true }).fill(pem(recipient.publicKey))
  await page.getByRole('button', { name: 'Encrypt the token', exact: true }).click()
  await expect(encodedToken(page)).toHaveValue(/^[\w-]+\.[\w-]+\.[\w-]+\.[\w-]+\.[\w-]+$/)
  const encrypted = await encodedToken(page).inputValue()
  // Checked outside the app: node:crypto opens it to the signed token.
  expect(openRsaOaep256A256Gcm(encrypted, recipient.privateKey)).toBe(signed)

  await decryptionKey(page).fill(pem(recipient.privateKey))
  await expect(result(page)).toHaveText('Decrypted (RSA-OAEP-256, A256GCM).')
  await expect(plaintext(page)).toHaveText(signed)
  await region(page).getByRole('button', { name: 'Open the inner token', exact: true }).click()
  await expect(encodedToken(page)).toHaveValue(signed)
})

test('a reload forgets the decryption key, even with "Remember tokens and secrets"', async ({ page }) => {
  await openApp(page)
  await openSettings(page)
  await page.getByRole('checkbox', { name: 'Remember tokens and secrets on this device' }).check()
  await pasteToken(page, jwe)
  const privatePem = pem(recipient.privateKey)
  await decryptionKey(page).fill(privatePem)
  await expect(result(page)).toHaveText('Decrypted (RSA-OAEP, A256GCM).')
  await page.getByRole('button', { name: 'Open the inner token', exact: true }).click()
  await expect(encodedToken(page)).toHaveValue(inner)
  await page.reload()
  await expect(page.getByRole('button', { name: 'Back to the encrypted token', exact: true })).toHaveCount(0)
  const stored = await page.evaluate((k) => localStorage.getItem(k) ?? '', STORAGE_KEY)
  expect(stored).not.toContain('PRIVATE KEY')
  expect(stored).not.toContain(jwe.split('.')[1])
  await pasteToken(page, jwe)
  await expect(decryptionKey(page)).toHaveValue('')
  await expect(region(page)).toContainText('Not decrypted yet')
})

test('a generated ECDH-ES key encrypts into the JSON serialization, and its private key opens it', async ({ page }) => {
  await openApp(page)
  const signed = await encodedToken(page).inputValue()
  await page.getByRole('button', { name: 'Encrypt', exact: true }).click()
  await page.getByRole('combobox', { name: 'Key management algorithm', exact: true }).selectOption('ECDH-ES+A256KW')
  await page.getByRole('combobox', { name: 'Content encryption', exact: true }).selectOption('A128CBC-HS256')
  await page.getByRole('combobox', { name: 'JWE serialization', exact: true }).selectOption('flattened')
  await page.getByRole('button', { name: 'Generate encryption key', exact: true }).click()
  await expect(page.getByRole('textbox', { name: 'Recipient key', exact: true })).toHaveValue(/^-----BEGIN PUBLIC KEY-----/)
  await page.getByRole('button', { name: 'Encrypt the token', exact: true }).click()
  await expect(encodedToken(page)).toHaveValue(/^\{/)
  const json = JSON.parse(await encodedToken(page).inputValue()) as Record<string, unknown>
  expect(Object.keys(json).sort()).toEqual(['ciphertext', 'encrypted_key', 'iv', 'protected', 'tag'])
  await expect(decryptionKey(page)).toHaveValue(/^-----BEGIN PRIVATE KEY-----/)
  await expect(result(page)).toHaveText('Decrypted (ECDH-ES+A256KW, A128CBC-HS256).')
  await expect(plaintext(page)).toHaveText(signed)
  const violations = (await new AxeBuilder({ page }).analyze()).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  expect(violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([])
})

test('a password (PBES2): the right one decrypts, a wrong one fails at the key step', async ({ page }) => {
  await openApp(page)
  const signed = await encodedToken(page).inputValue()
  await page.getByRole('button', { name: 'Encrypt', exact: true }).click()
  await page.getByRole('combobox', { name: 'Key management algorithm', exact: true }).selectOption('PBES2-HS256+A128KW')
  await page.getByRole('combobox', { name: 'Content encryption', exact: true }).selectOption('A128GCM')
  await expect(page.getByRole('button', { name: 'Generate encryption key', exact: true })).toHaveCount(0)
  await page.getByRole('textbox', { name: 'Recipient key', exact: true }).fill('correct horse battery staple')
  await page.getByRole('button', { name: 'Encrypt the token', exact: true }).click()
  await expect(result(page)).toHaveText('Decrypted (PBES2-HS256+A128KW, A128GCM).')
  await expect(plaintext(page)).toHaveText(signed)
  await decryptionKey(page).fill('correct horse battery stapler')
  await expect(result(page)).toHaveText('Not decrypted: the step "Obtain the content encryption key (CEK)" failed.')
  await expect(failed(page)).toContainText('password')
})

test('the JWE code loads on demand: not for a signed token; for a JWE the Decryption panel and the engine', async ({ page }) => {
  const scripts: string[] = []
  page.on('request', (r) => {
    const name = new URL(r.url()).pathname.split('/').pop() ?? ''
    if (name.endsWith('.js')) scripts.push(name)
  })
  const loaded = (chunk: string) => scripts.some((s) => s.startsWith(`${chunk}-`))
  await openApp(page)
  await expect(signatureStatus(page)).toHaveText(/^Signature/)
  await expect(page.getByRole('button', { name: 'Encrypt', exact: true })).toBeVisible()
  expect(['decryption-panel', 'encrypt-panel', 'jwe'].filter(loaded)).toEqual([])

  await pasteToken(page, jwe)
  await expect(region(page)).toContainText('Not decrypted yet')
  expect(loaded('decryption-panel')).toBe(true)
  expect(loaded('encrypt-panel')).toBe(false)
  await decryptionKey(page).fill(pem(recipient.privateKey))
  await expect(result(page)).toHaveText('Decrypted (RSA-OAEP, A256GCM).')
  expect(loaded('jwe')).toBe(true)
})

test('a share link carries the encrypted token, never the decryption key', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-write'])
  await context.addInitScript(recordCopies)
  await openApp(page)
  await pasteToken(page, jwe)
  await decryptionKey(page).fill(pem(recipient.privateKey))
  await expect(result(page)).toHaveText('Decrypted (RSA-OAEP, A256GCM).')
  await page.getByRole('button', { name: 'Copy share link', exact: true }).click()
  await expect(page.getByText('Link copied')).toBeVisible()
  const link = decodeURIComponent(await lastCopied(page))
  expect(link).toContain(`#token=${jwe}`)
  expect(link).not.toContain('PRIVATE')
  expect(link).not.toContain(pem(recipient.privateKey).split('\n')[1])
})

test('Explain walks through the five parts of an encrypted token, where its CEK comes from and what is only protected', async ({ page }) => {
  await openApp(page)
  await pasteToken(page, jwe)
  await page.getByRole('button', { name: 'Explain', exact: true }).click()
  const explain = page.getByRole('region', { name: 'Explain', exact: true })
  // The panel shows one step at a time: open each and read what it says.
  const shows: [string, RegExp][] = [
    ['The five parts of an encrypted token', /five base64url parts: the protected header, the encrypted key, the initialization vector \(IV\), the ciphertext and the authentication tag/],
    ['Where the content encryption key comes from', /a random CEK is encrypted to the recipient's RSA public key \(RSAES-OAEP\)/],
    ['What is encrypted, and what is only protected', /its base64url text is the additional authenticated data \(AAD\)/],
  ]
  for (const [title, text] of shows) {
    const step = explain.getByRole('button', { name: new RegExp(`^\\d+\\. ${title}$`) })
    await expect(step).toBeVisible({ timeout: 30_000 })
    await step.click()
    await expect(explain.getByText(text)).toBeVisible()
  }
})

test('an unsigned inner token opened from its envelope is named as such in Security findings', async ({ page }) => {
  const unsigned = `${b64u(JSON.stringify({ alg: 'none', typ: 'JWT' }))}.${b64u(JSON.stringify({ sub: 'mallory', role: 'admin' }))}.`
  await openApp(page)
  await pasteToken(page, rsaOaepA256Gcm(unsigned, recipient.publicKey))
  await decryptionKey(page).fill(pem(recipient.privateKey))
  await expect(result(page)).toHaveText('Decrypted (RSA-OAEP, A256GCM).')
  await region(page).getByRole('button', { name: 'Open the inner token', exact: true }).click()
  await expect(encodedToken(page)).toHaveValue(unsigned)
  const findings = page.getByRole('region', { name: 'Security findings', exact: true }).getByRole('listitem')
  await expect(findings.filter({ hasText: 'Encrypted token whose inner token is unsigned' })).toHaveCount(1)
  // Stepping out leaves a JWE, which has no inner token to judge.
  await page.getByRole('button', { name: 'Back to the encrypted token', exact: true }).click()
  await expect(findings.filter({ hasText: 'Encrypted token whose inner token is unsigned' })).toHaveCount(0)
})

test("in a browser without 192-bit AES (Chromium), the A192 choices are marked and picking one says why", async ({ page }) => {
  await openApp(page)
  const aes192 = await page.evaluate(() => crypto.subtle.importKey('raw', new Uint8Array(24), { name: 'AES-GCM' }, false, ['encrypt']).then(() => true, () => false))
  await page.getByRole('button', { name: 'Encrypt', exact: true }).click()
  const enc = page.getByRole('combobox', { name: 'Content encryption', exact: true })
  await expect(enc).toBeVisible({ timeout: 20_000 })
  const mark = "A192GCM (not in this browser's WebCrypto)"
  if (aes192) {
    await expect(enc.getByRole('option', { name: 'A192GCM', exact: true })).toHaveCount(1)
    return
  }
  await expect(enc.getByRole('option', { name: mark, exact: true })).toHaveCount(1)
  await expect(enc.getByRole('option', { name: 'A256GCM', exact: true })).toHaveCount(1)
  await enc.selectOption({ label: mark })
  await expect(page.getByText(/This browser's WebCrypto has no 192-bit AES \(Chromium refuses such keys\), so A192GCM cannot run here/)).toBeVisible()
})

test('a typed password used as a dir key decrypts, with a key finding that says why it is weak', async ({ page }) => {
  // dir + A128GCM with 16 printable bytes as the CEK, built with node:crypto.
  const key = Buffer.from('correct horse ba', 'utf8')
  const protectedHeader = b64u(JSON.stringify({ alg: 'dir', enc: 'A128GCM' }))
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-128-gcm', key, iv).setAAD(Buffer.from(protectedHeader, 'ascii'))
  const ciphertext = Buffer.concat([cipher.update(inner, 'utf8'), cipher.final()])
  const token = [protectedHeader, '', b64u(iv), b64u(ciphertext), b64u(cipher.getAuthTag())].join('.')

  await openApp(page)
  await pasteToken(page, token)
  await region(page).getByRole('combobox', { name: 'Decryption secret encoding', exact: true }).selectOption('utf8')
  await decryptionKey(page).fill(key.toString('utf8'))
  await expect(result(page)).toHaveText('Decrypted (dir, A128GCM).')
  await expect(plaintext(page)).toHaveText(inner)
  const findings = region(page).getByRole('list', { name: 'Key findings', exact: true }).getByRole('listitem')
  await expect(findings).toHaveCount(1)
  await expect(findings.first()).toContainText('Medium: A typed text is used as the dir key')
})
