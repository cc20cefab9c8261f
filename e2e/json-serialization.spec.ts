import { createHmac, generateKeyPairSync, sign } from 'node:crypto'
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { test, expect, pasteToken } from './fixtures'
import { encodedToken, openApp, signatureStatus, verificationKey } from './helpers'

// A JWS in JSON serialization (RFC 7515 §7.2) and a detached payload (Appendix F), made here with
// node:crypto: one HS256 signature with a secret, one ES256 signature with a P-256 key.
const b64u = (data: string | Buffer) => Buffer.from(data).toString('base64url')
const SECRET = 'a-string-secret-at-least-256-bits-long'
const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' })
const JWKS = JSON.stringify({
  keys: [
    { kty: 'oct', k: b64u(SECRET), kid: 'hs-1', alg: 'HS256' },
    { ...ec.publicKey.export({ format: 'jwk' }), kid: 'ec-1', alg: 'ES256' },
  ],
})
const PAYLOAD = b64u('{"sub":"alice","admin":false}')

const hsProtected = b64u('{"alg":"HS256"}')
const esProtected = b64u('{"alg":"ES256"}')
const mac = (input: string) => b64u(createHmac('sha256', SECRET).update(input).digest())
const es256 = (input: string) => b64u(sign('sha256', Buffer.from(input), { key: ec.privateKey, dsaEncoding: 'ieee-p1363' }))

const general = (payload = PAYLOAD) => JSON.stringify({
  payload,
  signatures: [
    { protected: hsProtected, header: { kid: 'hs-1' }, signature: mac(`${hsProtected}.${PAYLOAD}`) },
    { protected: esProtected, header: { kid: 'ec-1' }, signature: es256(`${esProtected}.${PAYLOAD}`) },
  ],
}, null, 2)

const panel = (page: Page) => page.getByRole('region', { name: 'JWS JSON serialization', exact: true })
const verdict = (page: Page, n: number) => panel(page).getByRole('status', { name: `Signature ${n}`, exact: true })

test('a general JWS with two signatures shows two verdicts, each against the key that fits it', async ({ page }) => {
  await openApp(page)
  await pasteToken(page, general())
  await verificationKey(page).fill(SECRET)
  await expect(verdict(page, 1)).toHaveText(/^Signature verified/)
  await expect(verdict(page, 2)).toHaveText(/^Signature not checked: /)
  await expect(panel(page).getByRole('status', { name: 'Signature 3', exact: true })).toHaveCount(0)
  const entry = (n: number) => panel(page).getByRole('listitem').filter({ has: page.getByRole('status', { name: `Signature ${n}`, exact: true }) })
  await expect(entry(1).getByRole('figure', { name: 'Protected header', exact: true })).toContainText('"alg": "HS256"')
  await expect(entry(2).getByRole('figure', { name: 'Unprotected header', exact: true })).toContainText('"kid": "ec-1"')
  // Both signatures carry an unprotected header (the kid): neither has a compact form.
  await expect(panel(page).getByRole('button', { name: 'Use as compact token', exact: true })).toHaveCount(0)
  const axe = await new AxeBuilder({ page }).include('section[aria-labelledby]:has(ol[aria-label="Signatures"])').analyze()
  expect(axe.violations.map((v) => v.id)).toEqual([])
  expect(axe.passes.length).toBeGreaterThan(0)

  await verificationKey(page).fill(JWKS)
  await expect(verdict(page, 1)).toHaveText(/^Signature verified with key kid 'hs-1'/)
  await expect(verdict(page, 2)).toHaveText(/^Signature verified with key kid 'ec-1'/)
})

test('a tampered payload makes both signatures invalid', async ({ page }) => {
  await openApp(page)
  await pasteToken(page, general(b64u('{"sub":"alice","admin":true}')))
  await verificationKey(page).fill(JWKS)
  await expect(verdict(page, 1)).toHaveText(/^Invalid signature: /)
  await expect(verdict(page, 2)).toHaveText(/^Invalid signature: /)
})

test('a flattened JWS shows one verdict, and its compact form can be taken into the token box', async ({ page }) => {
  await openApp(page)
  const signature = es256(`${esProtected}.${PAYLOAD}`)
  await pasteToken(page, JSON.stringify({ payload: PAYLOAD, protected: esProtected, signature }))
  await verificationKey(page).fill(JWKS)
  await expect(panel(page)).toContainText('Flattened syntax')
  await expect(verdict(page, 1)).toHaveText(/^Signature verified/)
  await expect(panel(page).getByRole('status', { name: 'Signature 2', exact: true })).toHaveCount(0)

  await panel(page).getByRole('button', { name: 'Use as compact token', exact: true }).click()
  await expect(encodedToken(page)).toHaveValue(`${esProtected}.${PAYLOAD}.${signature}`)
  await expect(signatureStatus(page)).toHaveText(/^Signature verified/)
  await expect(panel(page)).toHaveCount(0)
})

test('a detached payload (header..signature) verifies over the payload pasted separately', async ({ page }) => {
  await openApp(page)
  const payloadText = '{"sub":"alice","admin":false}'
  await pasteToken(page, `${hsProtected}..${mac(`${hsProtected}.${b64u(payloadText)}`)}`)
  await verificationKey(page).fill(SECRET)
  const box = page.getByRole('textbox', { name: 'Detached payload', exact: true })
  const status = page.getByRole('status', { name: 'Signature over the detached payload', exact: true })
  await expect(status).toHaveCount(0)
  await box.fill(payloadText)
  await expect(status).toHaveText(/^Signature verified/)
  // The token as it stands has an empty payload: the main verdict does not call it verified.
  await expect(signatureStatus(page)).not.toHaveText(/^Signature verified/)
  await box.fill('{"sub":"alice","admin":true}')
  await expect(status).toHaveText(/^Invalid signature: /)
})
