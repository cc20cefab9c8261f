import { generateKeyPairSync, sign } from 'node:crypto'
import type { Page } from '@playwright/test'
import { test, expect, pasteToken } from './fixtures'
import { encodedToken, openApp, openPolicy } from './helpers'

const b64u = (s: string | Buffer) => Buffer.from(s).toString('base64url')

/** A compact JWS really signed by node:crypto (ECDSA, raw r‖s), so the token is one an issuer could send. */
function signed(curve: 'secp256k1' | 'prime256v1', header: object, claims: object): string {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: curve })
  const input = `${b64u(JSON.stringify(header))}.${b64u(JSON.stringify(claims))}`
  return `${input}.${b64u(sign('sha256', Buffer.from(input), { key: privateKey, dsaEncoding: 'ieee-p1363' }))}`
}

const now = Math.floor(Date.now() / 1000)
const credential = { iss: 'https://issuer.example', vct: 'https://credentials.example/identity', iat: now, exp: now + 86_400, cnf: { jwk: { kty: 'EC', crv: 'P-256', x: 'AA', y: 'AA' } } }

const findings = (page: Page) => page.getByRole('region', { name: 'Security findings', exact: true }).getByRole('listitem')
const finding = (page: Page, text: string) => findings(page).filter({ hasText: text })

test('an ES256K SD-JWT VC is told that HAIP guarantees only ES256', async ({ page }) => {
  await openApp(page)
  const token = signed('secp256k1', { alg: 'ES256K', typ: 'dc+sd-jwt', kid: 'issuer-k1' }, credential)
  await pasteToken(page, token)
  await expect(encodedToken(page)).toHaveValue(token)
  const item = finding(page, 'An SD-JWT verifiable credential signed with ES256K, where HAIP guarantees only ES256')
  await expect(item).toHaveCount(1)
  await expect(item).toContainText('requires issuers, holders and verifiers to support ES256 (ECDSA on P-256)')
  await expect(item).toContainText('jose 6 dropped ES256K')
  await expect(item).toContainText('OpenID4VC HAIP 1.0 (Crypto Suites)')
  // One finding about the algorithm, not the general one as well.
  await expect(finding(page, 'many verifiers cannot check this algorithm')).toHaveCount(0)
})

test('an untyped ES256K token gets the general finding; an ES256 SD-JWT VC gets none', async ({ page }) => {
  await openApp(page)
  await pasteToken(page, signed('secp256k1', { alg: 'ES256K' }, { sub: 'did:plc:ewvi7nxzyoun6zhxrhs64oiz', iat: now, exp: now + 300 }))
  const item = finding(page, 'ES256K: many verifiers cannot check this algorithm')
  await expect(item).toHaveCount(1)
  await expect(item).toContainText('the FAPI 2.0 Security Profile, for one, allows only PS256, ES256 and EdDSA with Ed25519')

  // The finding goes away once the lint has run on an ES256 credential.
  await pasteToken(page, signed('prime256v1', { alg: 'ES256', typ: 'dc+sd-jwt' }, credential))
  await expect(findings(page).filter({ hasText: /guarantees only|many verifiers cannot check/ })).toHaveCount(0)
  await expect(findings(page).filter({ hasText: 'ES256K' })).toHaveCount(0)
})

test("the verifier's own allowlist naming ES256K silences the general finding", async ({ page }) => {
  await openApp(page)
  await pasteToken(page, signed('secp256k1', { alg: 'ES256K' }, { sub: 'did:plc:ewvi7nxzyoun6zhxrhs64oiz', iat: now, exp: now + 300 }))
  await expect(finding(page, 'ES256K: many verifiers cannot check this algorithm')).toHaveCount(1)
  await openPolicy(page)
  await page.getByRole('textbox', { name: 'Allowed algorithms', exact: true }).fill('ES256, ES256K')
  await expect(finding(page, 'ES256K: many verifiers cannot check this algorithm')).toHaveCount(0)
  await page.getByRole('textbox', { name: 'Allowed algorithms', exact: true }).fill('ES256')
  await expect(finding(page, 'ES256K: many verifiers cannot check this algorithm')).toHaveCount(1)
})
