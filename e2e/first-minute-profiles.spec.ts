import type { Page } from '@playwright/test'
import { test, expect, pasteToken } from './fixtures'
import { encodedToken, openApp } from './helpers'

const b64u = (s: string | Buffer) => Buffer.from(s).toString('base64url')

/** A compact JWS with any signature of a length the algorithm can have: the lint does not need a key. */
function typed(header: object, claims: object, signatureBytes: number): string {
  return `${b64u(JSON.stringify(header))}.${b64u(JSON.stringify(claims))}.${b64u(Buffer.alloc(signatureBytes, 0x5a))}`
}

// RFC 9449 §4.1 (Figure 3): the DPoP proof for a token request, exactly as the RFC prints it.
const RFC_DPOP_PROOF = 'eyJ0eXAiOiJkcG9wK2p3dCIsImFsZyI6IkVTMjU2IiwiandrIjp7Imt0eSI6IkVDIiwieCI6Imw4dEZyaHgtMzR0VjNoUklDUkRZOXpDa0RscEJoRjQyVVFVZldWQVdCRnMiLCJ5IjoiOVZFNGpmX09rX282NHpiVFRsY3VOSmFqSG10NnY5VERWclUwQ2R2R1JEQSIsImNydiI6IlAtMjU2In19.eyJqdGkiOiItQndDM0VTYzZhY2MybFRjIiwiaHRtIjoiUE9TVCIsImh0dSI6Imh0dHBzOi8vc2VydmVyLmV4YW1wbGUuY29tL3Rva2VuIiwiaWF0IjoxNTYyMjYyNjE2fQ.2-GxA6T8lP4vfrg8v-FdWP0A0zdrj8igiMLvqRMUvwnQg4PtFLbdLXiOSsX0x7NVY-FNyJK70nfbV37xRZT3Lg'

const findings = (page: Page) => page.getByRole('region', { name: 'Security findings', exact: true }).getByRole('listitem')
const finding = (page: Page, text: string) => findings(page).filter({ hasText: text })

test('a DPoP proof is not called "never expires", and its typ is not unexpected', async ({ page }) => {
  await openApp(page)
  await pasteToken(page, RFC_DPOP_PROOF)
  await expect(encodedToken(page)).toHaveValue(RFC_DPOP_PROOF)
  // The lint has run on the proof: its embedded key is described the DPoP way.
  await expect(finding(page, 'DPoP proof carries its own key (jwk)')).toHaveCount(1)
  await expect(findings(page).filter({ hasText: /never expires|no expiry|no exp claim/i })).toHaveCount(0)
  await expect(page.getByText('which is not a common token type')).toHaveCount(0)
})

test('an at+jwt without client_id gets the RFC 9068 finding', async ({ page }) => {
  await openApp(page)
  const now = Math.floor(Date.now() / 1000)
  await pasteToken(page, typed(
    { alg: 'RS256', typ: 'at+jwt', kid: 'rs-1' },
    { iss: 'https://as.example.com/', sub: '5ba552d67', aud: 'https://rs.example.com/', iat: now, exp: now + 300, jti: 'dbe39bf3a3ba4238' },
    256,
  ))
  const item = finding(page, 'JWT access token without client_id')
  await expect(item).toHaveCount(1)
  await expect(item).toContainText('which must carry client_id (the client it was issued to)')
  await expect(item).toContainText('RFC 9068 §2.2')
  await expect(page.getByText('which is not a common token type')).toHaveCount(0)
})

test('a logout token with a nonce gets the Back-Channel Logout finding', async ({ page }) => {
  await openApp(page)
  const now = Math.floor(Date.now() / 1000)
  await pasteToken(page, typed(
    { alg: 'RS256', typ: 'logout+jwt' },
    {
      iss: 'https://server.example.com', sub: '248289761001', aud: 's6BhdRkqt3', iat: now, exp: now + 120, jti: 'bWJq',
      sid: '08a5019c-17e1-4977-8f42-65a12843ea02', events: { 'http://schemas.openid.net/event/backchannel-logout': {} }, nonce: 'n-0S6_WzA2Mj',
    },
    256,
  ))
  const item = finding(page, 'Logout token with a nonce claim')
  await expect(item).toHaveCount(1)
  await expect(item).toContainText('so that it cannot be passed off as an ID token')
  await expect(item).toContainText('OpenID Connect Back-Channel Logout 1.0 §2.4')
  await expect(finding(page, 'Logout token without')).toHaveCount(0)
})
