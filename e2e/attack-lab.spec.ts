import { createHmac, createPublicKey, verify, type JsonWebKey } from 'node:crypto'
import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { chooseExample, encodedToken, example, openApp, signatureStatus, openTool } from './helpers'

// Crafting waits for WebCrypto key generation; a busy machine needs more than the default minute.
test.describe.configure({ timeout: 180_000 })

const lab = (page: Page) => page.getByRole('region', { name: 'Attack lab', exact: true })
const crafted = (page: Page) => lab(page).getByRole('list', { name: 'Crafted tokens', exact: true }).getByRole('listitem')

function part(token: string, index: number): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[index] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>
}

async function openLab(page: Page, attack: string): Promise<void> {
  await openTool(page, 'Attack lab')
  await expect(lab(page)).toContainText('For testing your own services only.')
  await lab(page).getByRole('radio', { name: attack, exact: true }).check()
}

async function craftedTokens(page: Page): Promise<string[]> {
  const boxes = lab(page).getByRole('textbox', { name: 'Crafted token', exact: true })
  const out: string[] = []
  for (const box of await boxes.all()) out.push(await box.inputValue())
  return out
}

test('alg "none" in four casings; "Use this token" puts it into the Encoded token, unchecked', async ({ page }) => {
  await openApp(page)
  const original = example('hs256').token
  await openLab(page, 'Unsigned token (alg "none")')
  await expect(lab(page)).toContainText('Verifier bug it exploits: The verifier takes the algorithm from the token header')
  await lab(page).getByRole('button', { name: 'Craft', exact: true }).click()
  await expect(crafted(page)).toHaveCount(4)
  const tokens = await craftedTokens(page)
  expect(tokens.map((t) => part(t, 0).alg)).toEqual(['none', 'None', 'NONE', 'nOnE'])
  for (const t of tokens) {
    expect(t.endsWith('.')).toBe(true)
    // The payload is the current token's, byte for byte.
    expect(t.split('.')[1]).toBe(original.split('.')[1])
  }
  await crafted(page).filter({ hasText: /alg "none", empty signature/ }).getByRole('button', { name: 'Use this token' }).click()
  await expect(encodedToken(page)).toHaveValue(tokens[0] ?? '')
  await expect(signatureStatus(page)).toHaveText(/^Signature not checked/)
})

test("key confusion with the RS256 example's public key crafts HS256 tokens keyed with that key", async ({ page }) => {
  await openApp(page)
  const rs = example('rs256')
  await chooseExample(page, rs)
  await openLab(page, 'Algorithm confusion (RS256 public key used as HS256 secret)')
  // The public key defaults to the Verification key text.
  await expect(lab(page).getByRole('textbox', { name: "Verifier's public key", exact: true })).toHaveValue(rs.verificationKey)
  await lab(page).getByRole('button', { name: 'Craft', exact: true }).click()
  await expect(crafted(page).first()).toBeVisible()
  const tokens = await craftedTokens(page)
  expect(tokens.length).toBeGreaterThanOrEqual(3)
  for (const t of tokens) expect(part(t, 0).alg).toBe('HS256')
  // Checked independently: each variant of the PEM bytes as HMAC key must produce one of the tokens.
  const pem = rs.verificationKey.trimEnd()
  for (const secret of [pem, `${pem}\n`]) {
    const match = tokens.some((t) => {
      const [h, p, s] = t.split('.')
      return createHmac('sha256', secret).update(`${h}.${p}`).digest('base64url') === s
    })
    expect(match, JSON.stringify(secret.slice(-3))).toBe(true)
  }
})

test('embedded JWK: the token header carries a public key that verifies it', async ({ page }) => {
  await openApp(page)
  await openLab(page, 'Embedded key (header "jwk")')
  await lab(page).getByRole('button', { name: 'Craft', exact: true }).click()
  await expect(crafted(page)).toHaveCount(1)
  const [token] = await craftedTokens(page)
  const header = part(token ?? '', 0)
  expect(header.alg).toBe('ES256')
  const jwk = header.jwk as JsonWebKey
  expect(jwk.kty).toBe('EC')
  expect(jwk.d).toBeUndefined()
  const [h, p, s] = (token ?? '').split('.')
  const ok = verify('sha256', Buffer.from(`${h}.${p}`), { key: createPublicKey({ key: jwk, format: 'jwk' }), dsaEncoding: 'ieee-p1363' }, Buffer.from(s ?? '', 'base64url'))
  expect(ok).toBe(true)
  await expect(lab(page).getByRole('textbox', { name: 'Attacker private key (PEM)', exact: true })).toHaveValue(/^-----BEGIN PRIVATE KEY-----/)
})

test('a missing input is explained instead of crafting', async ({ page }) => {
  await openApp(page)
  await openLab(page, 'Key URL injection (header "jku")')
  await lab(page).getByRole('textbox', { name: 'Key URL', exact: true }).fill('')
  await lab(page).getByRole('button', { name: 'Craft', exact: true }).click()
  await expect(lab(page).getByRole('alert')).toHaveText(/^Enter the URL where you will host the key file/)
  await expect(crafted(page)).toHaveCount(0)
})
