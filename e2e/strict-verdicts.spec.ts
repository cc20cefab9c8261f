import { readFileSync } from 'node:fs'
import { createHmac } from 'node:crypto'
import type { Page } from '@playwright/test'
import { test, expect, pasteToken } from './fixtures'
import { openApp, signatureStatus, verificationKey } from './helpers'

// "Signature verified" must mean a strict verifier would accept the token with that key: these
// are the crafted tokens that used to show it. Tokens are made here with node:crypto.
const b64u = (data: string | Buffer) => Buffer.from(data).toString('base64url')
const SECRET = 'a-string-secret-at-least-256-bits-long'
const hs256 = (headerJson: string, payload: string, secret: string | Buffer = SECRET) => {
  const h = b64u(headerJson)
  return { h, p: payload, mac: createHmac('sha256', secret).update(`${h}.${payload}`).digest() }
}
const encoding = (page: Page) => page.getByRole('combobox', { name: 'Secret encoding', exact: true })
const diagnostics = (page: Page) => page.getByRole('list', { name: 'Diagnostics', exact: true })
const findings = (page: Page) => page.getByRole('region', { name: 'Security findings', exact: true })
const spkiPem = readFileSync(new URL('../test/fixtures/keys/rsa-2048-spki.pem', import.meta.url), 'utf8')
const body = spkiPem.split('\n').filter((line) => line !== '' && !line.startsWith('-----'))

test('a public key pasted without its PEM armour is a key, never an HMAC secret', async ({ page }) => {
  await openApp(page)
  for (const [text, enc, label] of [
    [body.join('\n'), 'utf8', 'base64'],
    [body.join(''), 'base64', 'base64'],
    [Buffer.from(body.join(''), 'base64').toString('hex'), 'hex', 'hex'],
  ] as const) {
    const { h, p, mac } = hs256('{"alg":"HS256","typ":"JWT"}', b64u('{"sub":"admin","role":"admin"}'), text)
    await pasteToken(page, `${h}.${p}.${b64u(mac)}`)
    await encoding(page).selectOption(enc)
    await verificationKey(page).fill(text)
    await expect(signatureStatus(page)).toHaveText(/^Signature not checked: The key is an RSA public key \(2048 bits\), but HS256 needs a shared secret\. Using a public or private key as an HMAC secret is the algorithm-confusion attack, so it is refused\./)
    await expect(page.getByText(`Recognised as a SPKI public key written as ${label} without PEM armour (no BEGIN/END lines); it is used as that key, never as an HMAC secret.`)).toBeVisible()
  }
})

test('crit naming an extension nobody implements: the MAC matches, the verdict is not "verified", and all three views agree', async ({ page }) => {
  await openApp(page)
  const { h, p, mac } = hs256('{"alg":"HS256","crit":["x"],"x":1}', b64u('{"sub":"admin"}'))
  await pasteToken(page, `${h}.${p}.${b64u(mac)}`)
  await encoding(page).selectOption('utf8')
  await verificationKey(page).fill(SECRET)
  await expect(signatureStatus(page)).toHaveText('Invalid signature: The signature matches over the text as written, but the header marks "x" as critical, an extension this verifier does not implement: strict JWS verifiers reject this token.')
  await expect(diagnostics(page)).toContainText('The header marks "x" as critical ("crit"), but this app does not understand that extension, so a conforming verifier must reject the token.')
  await expect(findings(page)).toContainText('Critical extension not understood')
})

test('RFC 7797 b64 false is implemented: an unencoded payload verifies and is shown as text', async ({ page }) => {
  await openApp(page)
  const { h, p, mac } = hs256('{"alg":"HS256","b64":false,"crit":["b64"]}', '$02 paid to 1234')
  await pasteToken(page, `${h}.${p}.${b64u(mac)}`)
  await encoding(page).selectOption('utf8')
  await verificationKey(page).fill(SECRET)
  await expect(signatureStatus(page)).toHaveText(/^Signature verified/)
  await expect(diagnostics(page)).toContainText('the payload is the text as written, not base64url')
})

test('padded base64 signs as written (AWS ALB) but is not "verified"; diagnostics and findings say the same', async ({ page }) => {
  await openApp(page)
  const header = Buffer.from('{"alg":"HS256","typ":"JWT","x":"a"}').toString('base64')
  const payload = Buffer.from('{"sub":"alb-user-1"}').toString('base64')
  const mac = createHmac('sha256', SECRET).update(`${header}.${payload}`).digest('base64')
  await pasteToken(page, `${header}.${payload}.${mac}`)
  await encoding(page).selectOption('utf8')
  await verificationKey(page).fill(SECRET)
  await expect(signatureStatus(page)).toHaveText("Invalid signature: The signature matches over the text as written, but the header, payload and signature are padded base64 (with '='), not base64url: strict JWS verifiers reject this token.")
  await expect(diagnostics(page)).toContainText('is base64, not base64url')
  await expect(findings(page)).toContainText('Non-canonical base64url')
})

test('one stray character after a signature is not "verified"', async ({ page }) => {
  await openApp(page)
  const h = b64u('{"alg":"HS384"}')
  const p = b64u('{"sub":"admin"}')
  const sig = createHmac('sha384', SECRET).update(`${h}.${p}`).digest('base64url')
  await pasteToken(page, `${h}.${p}.${sig}A`)
  await encoding(page).selectOption('utf8')
  await verificationKey(page).fill(SECRET)
  await expect(signatureStatus(page)).toHaveText('Invalid signature: The signature matches over the text as written, but the signature has a length no base64url encoding produces (a character too many or too few): strict JWS verifiers reject this token.')
  await pasteToken(page, `${h}.${p}.${sig}`)
  await expect(signatureStatus(page)).toHaveText(/^Signature verified/)
})

test('an OpenSSH public key line is read as the key it carries, and a pasted URL is named a URL', async ({ page }) => {
  await openApp(page)
  const line = readFileSync(new URL('../test/fixtures/keys/openssh/rsa-2048.pub', import.meta.url), 'utf8')
  await encoding(page).selectOption('utf8')
  await verificationKey(page).fill(line)
  await expect(page.getByText(/^Detected: OpenSSH public key — RSA 2048-bit public key/)).toBeVisible()
  await expect(signatureStatus(page)).toHaveText(/^Signature not checked: The key is an RSA public key \(2048 bits\), but HS256 needs a shared secret\./)
  await verificationKey(page).fill('https://login.example.com/realms/demo/protocol/openid-connect/certs')
  await expect(signatureStatus(page)).toHaveText(/^Signature not checked: This is a URL \(https:\/\/login\.example\.com\/realms\/demo\/protocol\/openid-connect\/certs\), not a key\. Press Fetch keys to see exactly which URLs would be requested \(nothing is fetched until you allow it\)/)
})
