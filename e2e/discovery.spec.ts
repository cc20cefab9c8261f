import { createPrivateKey, generateKeyPairSync } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { calculateJwkThumbprint, exportJWK, SignJWT, type JWK } from 'jose'
import type { Page } from '@playwright/test'
import { test, expect, pasteToken } from './fixtures'
import { openApp, openSettings, signatureStatus, verificationKey } from './helpers'
import { startIdp, type Idp, type IdpScenario } from './idp-server'

// The test's own key pair, made and used with node:crypto and jose, never with the app.
const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' })
let publicJwk: JWK
// For x5u: a P-256 certificate and its private key from the key fixtures (made with openssl).
const certificatePem = readFileSync(new URL('../test/fixtures/keys/ec-p256-cert.pem', import.meta.url), 'utf8')
const certificateKey = createPrivateKey(readFileSync(new URL('../test/fixtures/keys/ec-p256-pkcs8.pem', import.meta.url), 'utf8'))
let idp: Idp

test.beforeAll(async () => {
  publicJwk = { ...(await exportJWK(publicKey)), kid: 'idp-1', alg: 'ES256', use: 'sig' }
  idp = await startIdp({ keys: [publicJwk] }, certificatePem)
})
test.afterAll(async () => {
  await idp.stop()
})
test.beforeEach(({ guard }) => {
  idp.requests.length = 0
  guard.allowOrigin(idp.origin)
})

function sign(header: Record<string, unknown>, payload: Record<string, unknown>): Promise<string> {
  return new SignJWT(payload).setProtectedHeader({ alg: 'ES256', kid: 'idp-1', ...header }).sign(privateKey)
}

const tokenFor = (scenario: IdpScenario) => sign({}, { iss: idp.issuer(scenario), sub: 'alice', aud: 'lab' })
const discovery = (page: Page) => page.getByRole('status', { name: 'Key discovery', exact: true })
const urlList = (page: Page) => page.getByRole('list', { name: 'URLs to request', exact: true })

/** Waits long enough for a stray request to have arrived, then checks that none did. */
async function expectNoRequestYet(page: Page): Promise<void> {
  await page.waitForTimeout(500)
  expect(idp.requests.map((r) => r.path), 'requests that reached the IdP').toEqual([])
}

test('nothing reaches the IdP on load from a link, on paste, or at Fetch keys; Allow and fetch verifies with the issuer’s JWKS', async ({ page }) => {
  // The discovery code itself is fetched (from the app's own origin) only once Fetch keys is pressed.
  const discoveryChunks: string[] = []
  page.on('request', (r) => {
    if (/\/assets\/discovery[-.]/.test(new URL(r.url()).pathname)) discoveryChunks.push(r.url())
  })
  const token = await tokenFor('ok')
  await openApp(page, `./#token=${token}`)
  await expect(page.getByRole('textbox', { name: 'Encoded token' })).toHaveValue(token)
  await expect(page.getByRole('button', { name: 'Fetch keys', exact: true })).toBeVisible()
  await expectNoRequestYet(page)

  await pasteToken(page, await tokenFor('ok'))
  await expectNoRequestYet(page)
  expect(discoveryChunks, 'discovery code fetched before Fetch keys').toEqual([])

  await page.getByRole('button', { name: 'Fetch keys', exact: true }).click()
  await expect(urlList(page).getByRole('listitem')).toHaveText([
    `${idp.origin}/ok/.well-known/openid-configuration — OpenID Connect Discovery metadata of the issuer`,
    `${idp.origin}/.well-known/oauth-authorization-server/ok — RFC 8414 authorization server metadata, only if the first gives none`,
    'then the jwks_uri that the metadata names (https:, or http: to localhost or 127.0.0.1)',
  ])
  await expect(page.getByText('Only these URLs are requested, in this order, without cookies; the token and the key are never sent:')).toBeVisible()
  await expectNoRequestYet(page)

  const shownToken = await page.getByRole('textbox', { name: 'Encoded token' }).inputValue()
  await page.getByRole('button', { name: 'Allow and fetch', exact: true }).click()
  await expect(signatureStatus(page)).toHaveText(
    `Signature verified with key kid 'idp-1' (thumbprint ${await calculateJwkThumbprint(publicJwk, 'sha256')}) ` +
      `Key fetched from ${idp.origin}/ok/jwks, found through the metadata of the issuer ${idp.issuer('ok')}.`,
  )
  expect(JSON.parse(await verificationKey(page).inputValue())).toEqual({ keys: [publicJwk] })
  expect(idp.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /ok/.well-known/openid-configuration', 'GET /ok/jwks'])
  // Nothing of the token and no credentials travel with the requests.
  const signature = shownToken.split('.')[2]!
  for (const r of idp.requests) {
    expect(r.headers.cookie, r.path).toBeUndefined()
    expect(r.headers.authorization, r.path).toBeUndefined()
    expect(r.headers.referer, r.path).toBeUndefined()
    expect(JSON.stringify(r.headers), r.path).not.toContain(signature)
    expect(r.path).not.toContain(signature)
  }
})

test('an issuer remembered at Allow and fetch is fetched at the first press of Fetch keys, is listed under Settings, and can be forgotten', async ({ page }) => {
  await openApp(page)
  await pasteToken(page, await tokenFor('ok'))
  await page.getByRole('button', { name: 'Fetch keys', exact: true }).click()
  await page.getByRole('checkbox', { name: 'Remember that I allow this issuer', exact: true }).check()
  await page.getByRole('button', { name: 'Allow and fetch', exact: true }).click()
  await expect(signatureStatus(page)).toHaveText(/^Signature verified with key kid 'idp-1'/)

  // The fetched keys can be kept in the key store, named after their kid and the host they came from.
  await page.getByRole('button', { name: 'Add fetched keys to the key store', exact: true }).click()
  const host = new URL(idp.origin).host
  await expect(page.getByRole('status').filter({ hasText: 'Added to the key store' })).toHaveText(`Added to the key store: "idp-1 (${host})".`)
  await page.getByRole('button', { name: 'Key store', exact: true }).click()
  const entry = page.getByRole('region', { name: 'Key store', exact: true }).getByRole('listitem', { name: `idp-1 (${host})`, exact: true })
  await expect(entry).toContainText('origin: discovered')

  // Another page of this browser: a new token of the same issuer needs one press only, and the
  // requests start only at that press.
  const again = await page.context().newPage()
  await openApp(again)
  await pasteToken(again, await tokenFor('ok'))
  idp.requests.length = 0
  await expectNoRequestYet(again)
  await again.getByRole('button', { name: 'Fetch keys', exact: true }).click()
  await expect(signatureStatus(again)).toHaveText(/^Signature verified with key kid 'idp-1'.*found through the metadata of the issuer/)
  expect(idp.requests.map((r) => r.path)).toEqual(['/ok/.well-known/openid-configuration', '/ok/jwks'])

  await openSettings(again)
  const allowed = again.getByRole('list', { name: 'Allowed issuers', exact: true })
  await expect(allowed.getByRole('listitem')).toHaveCount(1)
  await expect(allowed.getByRole('listitem')).toContainText(idp.issuer('ok'))
  await allowed.getByRole('button', { name: `Forget ${idp.issuer('ok')}`, exact: true }).click()
  await expect(allowed).toBeHidden()
  await pasteToken(again, await tokenFor('ok'))
  await again.getByRole('button', { name: 'Fetch keys', exact: true }).click()
  await expect(again.getByRole('button', { name: 'Allow and fetch', exact: true })).toBeVisible()
  await again.close()
})

test('a JWKS URL pasted in Verification key is not read as a secret; Fetch keys requests only that URL', async ({ page }) => {
  await openApp(page)
  await pasteToken(page, await tokenFor('ok'))
  await verificationKey(page).fill(`${idp.origin}/ok/jwks`)
  await expect(signatureStatus(page)).toHaveText(
    `Signature not checked: This is a URL (${idp.origin}/ok/jwks), not a key. Press Fetch keys to see exactly which URLs would be requested (nothing is fetched until you allow it), or open it yourself — for an issuer, add /.well-known/openid-configuration and open its "jwks_uri" — and paste the JSON key set (JWKS) it shows here.`,
  )
  await expect(page.getByText('Detected: a URL — not read as a secret.')).toBeVisible()
  await expect(page.getByRole('combobox', { name: 'Secret encoding', exact: true })).toBeHidden()
  await page.getByRole('button', { name: 'Fetch keys', exact: true }).click()
  await expect(urlList(page).getByRole('listitem')).toHaveText([`${idp.origin}/ok/jwks — the JWKS URL pasted in the key box`])
  await expectNoRequestYet(page)
  await page.getByRole('button', { name: 'Allow and fetch', exact: true }).click()
  await expect(signatureStatus(page)).toHaveText(/^Signature verified with key kid 'idp-1'.*Key fetched from .*\/ok\/jwks, the URL you pasted\.$/)
  expect(idp.requests.map((r) => r.path)).toEqual(['/ok/jwks'])
})

test('a jku key verifies, and the verdict says a key named by the token itself proves nothing unless you trust that URL', async ({ page }) => {
  await openApp(page)
  await pasteToken(page, await sign({ jku: `${idp.origin}/ok/jwks` }, { sub: 'alice' }))
  await page.getByRole('button', { name: 'Fetch keys', exact: true }).click()
  await expect(urlList(page).getByRole('listitem')).toHaveText([`${idp.origin}/ok/jwks — the JWK Set URL in the token’s header (jku)`])
  await expect(page.getByText('This URL comes from the token itself: a key it serves proves nothing unless you trust that URL.')).toBeVisible()
  await expectNoRequestYet(page)
  await page.getByRole('button', { name: 'Allow and fetch', exact: true }).click()
  await expect(signatureStatus(page)).toContainText(
    `Key fetched from ${idp.origin}/ok/jwks, which the token’s own jku names: a key named by the token itself proves nothing unless you trust that URL.`,
  )
  await expect(signatureStatus(page)).toHaveText(/^Signature verified/)
})

test('an issuer over plain http to another host is refused with the reason; nothing is requested', async ({ page }) => {
  await openApp(page)
  await pasteToken(page, await sign({}, { iss: 'http://idp.example/realms/lab' }))
  await page.getByRole('button', { name: 'Fetch keys', exact: true }).click()
  await expect(discovery(page)).toHaveText(
    'The token’s iss "http://idp.example/realms/lab" is not requested: only https: URLs, or http: to localhost or 127.0.0.1, may be fetched.',
  )
  await expect(page.getByRole('button', { name: 'Allow and fetch', exact: true })).toHaveCount(0)
})

test('an x5u certificate verifies, and the verdict says the token named that URL itself', async ({ page }) => {
  await openApp(page)
  const x5u = `${idp.origin}/ok/cert.pem`
  await pasteToken(page, await new SignJWT({ sub: 'alice' }).setProtectedHeader({ alg: 'ES256', x5u }).sign(certificateKey))
  await page.getByRole('button', { name: 'Fetch keys', exact: true }).click()
  await expect(urlList(page).getByRole('listitem')).toHaveText([`${x5u} — the certificate chain URL in the token’s header (x5u)`])
  await expectNoRequestYet(page)
  await page.getByRole('button', { name: 'Allow and fetch', exact: true }).click()
  await expect(signatureStatus(page)).toHaveText(/^Signature verified/)
  await expect(signatureStatus(page)).toContainText(
    `Key fetched from ${x5u}, which the token’s own x5u names: a key named by the token itself proves nothing unless you trust that URL.`,
  )
  await expect(verificationKey(page)).toHaveValue(certificatePem.trim())
  expect(idp.requests.map((r) => r.path)).toEqual(['/ok/cert.pem'])
})

test('Cancel on the list requests nothing', async ({ page }) => {
  await openApp(page)
  await pasteToken(page, await tokenFor('ok'))
  await page.getByRole('button', { name: 'Fetch keys', exact: true }).click()
  await page.getByRole('button', { name: 'Cancel', exact: true }).click()
  await expect(urlList(page)).toHaveCount(0)
  await expectNoRequestYet(page)
})

test('Cancel while a slow server has not answered stops the discovery; nothing is used', async ({ page }) => {
  await openApp(page)
  await pasteToken(page, await tokenFor('slow'))
  const keyBefore = await verificationKey(page).inputValue()
  await page.getByRole('button', { name: 'Fetch keys', exact: true }).click()
  await page.getByRole('button', { name: 'Allow and fetch', exact: true }).click()
  await expect(discovery(page)).toContainText('Fetching keys…')
  await expect.poll(() => idp.requests.map((r) => r.path)).toEqual(['/slow/.well-known/openid-configuration'])
  await discovery(page).getByRole('button', { name: 'Cancel', exact: true }).click()
  await expect(discovery(page)).toHaveText('Cancelled: no keys were used.')
  await expect(verificationKey(page)).toHaveValue(keyBefore)
  expect(idp.requests.map((r) => r.path)).toEqual(['/slow/.well-known/openid-configuration'])
})

const failures: { scenario: IdpScenario; message: (origin: string) => string; requests: string[]; consoleErrors?: RegExp }[] = [
  {
    scenario: 'nocors',
    message: (o) =>
      `The browser could not read ${o}/nocors/.well-known/openid-configuration: the server is unreachable, or it does not let other sites read it (CORS). ` +
      'To allow it, the server must send the header Access-Control-Allow-Origin (for example "*") with this response. Or open the URL yourself and paste the JSON into Verification key. ' +
      `The next address, ${o}/.well-known/oauth-authorization-server/nocors, failed the same way. Open ${o}/nocors/.well-known/openid-configuration`,
    requests: ['/nocors/.well-known/openid-configuration', '/.well-known/oauth-authorization-server/nocors'],
    consoleErrors: /blocked by CORS policy|Failed to load resource: net::ERR_FAILED/,
  },
  {
    scenario: 'missing',
    message: (o) =>
      `${o}/missing/.well-known/openid-configuration answered HTTP 404 Not Found: there is nothing to read there. ` +
      `The next address, ${o}/.well-known/oauth-authorization-server/missing, failed the same way.`,
    requests: ['/missing/.well-known/openid-configuration', '/.well-known/oauth-authorization-server/missing'],
    consoleErrors: /Failed to load resource: the server responded with a status of 404/,
  },
  {
    scenario: 'badjson',
    message: (o) =>
      `${o}/badjson/.well-known/openid-configuration did not answer with JSON (it looks like an HTML page). Open the URL yourself to see what it serves. ` +
      `The next address, ${o}/.well-known/oauth-authorization-server/badjson, failed the same way.`,
    requests: ['/badjson/.well-known/openid-configuration', '/.well-known/oauth-authorization-server/badjson'],
  },
  {
    scenario: 'mismatch',
    message: (o) =>
      `The metadata at ${o}/mismatch/.well-known/openid-configuration names "${o}/someone-else", not the issuer "${o}/mismatch". ` +
      'RFC 8414 §3.3 and OpenID Connect Discovery §4.3 require them to be identical, so its keys are not used.',
    requests: ['/mismatch/.well-known/openid-configuration'],
  },
  {
    scenario: 'slow',
    message: (o) =>
      `${o}/slow/.well-known/openid-configuration did not answer within 10 s; nothing was used. Try again, or open the URL yourself and paste the JSON into Verification key.`,
    requests: ['/slow/.well-known/openid-configuration'],
  },
]

for (const f of failures) {
  test.describe(() => {
    if (f.consoleErrors !== undefined) test.use({ guardOptions: { allowConsoleErrors: f.consoleErrors } })
    test(`discovery from an IdP that is ${f.scenario} says so in plain words and leaves the key box alone`, async ({ page }) => {
      await openApp(page)
      await pasteToken(page, await tokenFor(f.scenario))
      const keyBefore = await verificationKey(page).inputValue()
      await page.getByRole('button', { name: 'Fetch keys', exact: true }).click()
      await page.getByRole('button', { name: 'Allow and fetch', exact: true }).click()
      if (f.scenario === 'slow') await expect(discovery(page)).toContainText('Fetching keys…')
      await expect(discovery(page)).toHaveText(f.message(idp.origin), { timeout: 20_000 })
      expect(idp.requests.map((r) => r.path)).toEqual(f.requests)
      await expect(verificationKey(page)).toHaveValue(keyBefore)
      await expect(signatureStatus(page)).not.toHaveText(/^Signature verified/)
    })
  })
}

