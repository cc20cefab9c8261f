import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { test, expect, pasteToken } from './fixtures'
import { openApp } from './helpers'

const encodeJson = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')
const token = (header: unknown, payload: unknown) => `${encodeJson(header)}.${encodeJson(payload)}.c2lnbmF0dXJlLW5vdC1jaGVja2Vk`

const TID = '72f988bf-86f1-41af-91ab-2d7cd011db47'

// A Microsoft Graph access token as Entra issues it (v2.0 endpoint, delegated scopes); any signature.
const GRAPH_HEADER = { typ: 'JWT', nonce: 'Tu3RMaRTGSmiYfPXsa9pYTnnwsbMa_5iBGXxCxbIQvA', alg: 'RS256', x5t: 'XRvko8P7A3UaWSnU7bM9nT0MjhA', kid: 'XRvko8P7A3UaWSnU7bM9nT0MjhA' }
const ENTRA_PAYLOAD = {
  aud: 'https://graph.microsoft.com', iss: `https://login.microsoftonline.com/${TID}/v2.0`, iat: 1700000000, nbf: 1700000000, exp: 1700004000,
  aio: 'AXQAi/8IAAAAtAaZLo3ChMif6KOnttRB7eBq4', azp: 'de8bc8b5-d9f9-48b1-a8ad-b748da725064', azpacr: '0', idtyp: 'user', ipaddr: '203.0.113.7',
  name: 'Abe Lincoln', oid: '690222be-ff1a-4d56-abd1-7e4f7d38e474', preferred_username: 'abeli@contoso.example', rh: '0.AXkA', scp: 'User.Read openid profile',
  sub: 'HKZpfaHyWadeOouYlitjrI-KffTm222X5rrV3xDqfKQ', tid: TID, uti: 'fqiBqXLPj0eQa82S-IYFAA', ver: '2.0', wids: ['b79fbf4d-3ef9-4689-8143-76b194e85509'], xms_cc: ['cp1'],
}
const KEYCLOAK_PAYLOAD = {
  exp: 1700000300, iat: 1700000000, jti: '2b1c6a3e-0c3e-4a8e-9d1b-5a8e2f0c7d11', iss: 'https://sso.example.com/realms/acme', aud: 'account',
  sub: 'f0b6a1c2-7d4e-4b9a-8c3f-2e1d0a9b8c7d', typ: 'Bearer', azp: 'web-app', session_state: '7c54e0b2-1f3a-4d5e-8b6c-9a0f1e2d3c4b', acr: '1',
  'allowed-origins': ['https://app.example.com'], realm_access: { roles: ['offline_access', 'default-roles-acme'] },
  resource_access: { account: { roles: ['view-profile'] } }, scope: 'openid profile email', email_verified: true, preferred_username: 'alice',
}

function claimsTable(page: Page) {
  return page.getByRole('table', { name: 'Claims' })
}

function description(page: Page, name: string) {
  return claimsTable(page).getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) }).getByRole('cell').nth(1)
}

function issuerLine(page: Page) {
  return page.getByRole('paragraph').filter({ hasText: 'Issuer recognised:' })
}

/** Hovers the member name `"name"` in the Header or Payload editor and returns the hover widget. */
async function hoverMember(page: Page, editor: 'Header' | 'Payload', name: string) {
  const box = page.locator('.monaco-editor', { has: page.getByRole('textbox', { name: editor, exact: true }) })
  const span = box.locator('.view-line span', { hasText: new RegExp(`^"${name}"$`) })
  // Monaco loads lazily, after first paint; on a busy machine that takes a while.
  await expect(span).toBeVisible({ timeout: 60_000 })
  await span.hover()
  const hover = page.locator('.monaco-hover:visible')
  await expect(hover).toBeVisible()
  return hover
}

test('an Entra access token: the issuer is recognised and oid, scp, tid are described from Entra\'s documentation', async ({ page }) => {
  await openApp(page)
  await pasteToken(page, token(GRAPH_HEADER, ENTRA_PAYLOAD))
  await expect(issuerLine(page)).toHaveText(
    'Issuer recognised: Microsoft Entra ID (v2.0 access token). Its own claims are described from Microsoft identity platform claims reference.',
  )
  await expect(issuerLine(page).getByRole('link', { name: 'Microsoft identity platform claims reference' })).toHaveAttribute(
    'href', 'https://learn.microsoft.com/en-us/entra/identity-platform/access-token-claims-reference',
  )
  await expect(description(page, 'oid')).toContainText('Object ID. The immutable ID of the user or service principal in this tenant')
  await expect(description(page, 'oid')).toContainText('(Microsoft Entra ID)')
  await expect(description(page, 'scp')).toContainText('Scopes. The delegated permissions the user consented to')
  await expect(description(page, 'tid')).toContainText('Tenant ID. The directory (tenant) the user signed in to')
  await expect(description(page, 'xms_cc')).toContainText('Client capabilities')
  for (const name of ['oid', 'tid', 'scp', 'idtyp', 'ipaddr', 'wids', 'uti', 'rh', 'aio', 'azp', 'azpacr', 'ver', 'xms_cc']) {
    await expect(description(page, name), name).not.toContainText('Not a registered claim')
  }
  // Registered claims keep their registered description.
  await expect(description(page, 'exp')).toContainText('Expiration time')
  // The Graph audience is explained as a note, in plain text.
  const notes = page.getByRole('list', { name: 'Microsoft Entra ID notes' })
  await expect(notes.getByRole('listitem')).toHaveCount(1)
  await expect(notes.getByRole('listitem')).toContainText('A Microsoft Graph access token. Its audience is Microsoft Graph.')
})

test('a token of no known vendor shows no recognised issuer, and Entra\'s names stay unregistered', async ({ page }) => {
  await openApp(page)
  await pasteToken(page, token({ alg: 'HS256', typ: 'JWT' }, { ...ENTRA_PAYLOAD, iss: `https://evil.example/login.microsoftonline.com/${TID}/v2.0` }))
  await expect(description(page, 'oid')).toHaveText('Not a registered claim')
  await expect(description(page, 'exp')).toContainText('Expiration time')
  await expect(issuerLine(page)).toHaveCount(0)
})

test('a Keycloak access token: its typ claim is explained as Keycloak\'s token kind', async ({ page }) => {
  await openApp(page)
  await pasteToken(page, token({ alg: 'RS256', typ: 'JWT', kid: 'kc-rsa' }, KEYCLOAK_PAYLOAD))
  await expect(issuerLine(page)).toContainText('Issuer recognised: Keycloak (realm acme, access token).')
  await expect(description(page, 'typ')).toContainText('Token kind. Keycloak\'s kind of token: Bearer (access token), ID, Refresh, Offline or Logout. Not the typ header parameter of RFC 7515. (Keycloak)')
  await expect(description(page, 'realm_access')).toContainText('Realm roles')
  await expect(description(page, 'resource_access')).toContainText('Client roles')
  await expect(description(page, 'session_state')).toContainText('Session state')
  await expect(description(page, 'allowed-origins')).toContainText('Allowed origins')
  const note = page.getByRole('list', { name: 'Keycloak notes' }).getByRole('listitem').filter({ hasText: 'The typ claim is Keycloak\'s token kind' })
  await expect(note).toContainText('It is not the typ header parameter of RFC 7515')
  await expect(note.getByRole('link', { name: 'Documentation' })).toHaveAttribute('href', 'https://www.keycloak.org/docs/latest/server_admin/')
})

test.describe('hovers in the code editor', () => {
  test.use({ plainEditors: false })

  test('hovering the header nonce of a Graph token names Graph, never ACME; the payload hover is Entra\'s', async ({ page }) => {
    await openApp(page)
    await pasteToken(page, token(GRAPH_HEADER, ENTRA_PAYLOAD))
    const nonce = await hoverMember(page, 'Header', 'nonce')
    await expect(nonce).toContainText('Microsoft Graph header nonce')
    await expect(nonce).toContainText('SHA-256 hex digest')
    await expect(nonce).not.toContainText('ACME nonce')
    await expect(nonce).not.toContainText('RFC 8555')

    await page.mouse.move(0, 0)
    const oid = await hoverMember(page, 'Payload', 'oid')
    await expect(oid).toContainText('Object ID')
    await expect(oid).toContainText('(Microsoft Entra ID)')
  })

  test('hovering the nonce of an ACME request (url, no typ) names ACME\'s nonce', async ({ page }) => {
    await openApp(page)
    const header = { alg: 'ES256', kid: 'https://acme.example/acct/1', nonce: 'oFvnlFP1wIhRlYS2jTaXbA', url: 'https://acme.example/new-order' }
    await pasteToken(page, token(header, { identifiers: [{ type: 'dns', value: 'example.org' }] }))
    const nonce = await hoverMember(page, 'Header', 'nonce')
    await expect(nonce).toContainText('ACME nonce')
    await expect(nonce).toContainText('RFC 8555 §6.5.2')
  })
})

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the recognised issuer, its notes and the Claims table have no serious accessibility violations (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme })
    await openApp(page)
    await pasteToken(page, token(GRAPH_HEADER, { ...ENTRA_PAYLOAD, ver: '1.0' }))
    await expect(page.getByRole('list', { name: 'Microsoft Entra ID notes' }).getByRole('listitem')).toHaveCount(2)
    if (colorScheme === 'dark') await expect(page.locator('html')).toHaveClass(/\bdark\b/)
    const results = await new AxeBuilder({ page }).include('[data-testid="issuer-summary"]').include('table').analyze()
    const serious = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`)
    expect(serious).toEqual([])
  })
}
