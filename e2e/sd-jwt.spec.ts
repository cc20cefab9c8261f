import { createHash, createPublicKey, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto'
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { FlattenedSign, SignJWT, calculateJwkThumbprint, compactVerify, importJWK, type JWK } from 'jose'
import { test, expect, pasteToken } from './fixtures'
import { encodedToken, openApp, openPolicy, openTool, signatureStatus, verificationKey } from './helpers'

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

async function issuerJwt(digests: readonly string[], cnf: object = { jwk: holderJwk }): Promise<string> {
  const payload = { iss: 'https://issuer.example.com', iat: Math.floor(Date.now() / 1000), _sd: [...digests].sort(), _sd_alg: 'sha-256', cnf }
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
  await region(page).getByLabel('Key binding audience', { exact: true }).fill(AUD)
  await region(page).getByLabel('Key binding nonce', { exact: true }).fill(NONCE)
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

  // The Claims table lists what the verifier ends up with: disclosed claims marked, digests gone.
  const claims = page.getByRole('table', { name: 'Claims', exact: true })
  const claimRow = (name: string) => claims.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${name}`) }) })
  await expect(claimRow('given_name')).toContainText('Disclosed (disclosure 1)')
  await expect(claimRow('given_name')).toContainText('Erika')
  await expect(claimRow('email')).toContainText('Disclosed (disclosure 2)')
  await expect(claimRow('iss')).not.toContainText('Disclosed')
  await expect(claims.getByRole('rowheader', { name: '_sd', exact: true })).toHaveCount(0)
  await expect(claims.getByRole('rowheader', { name: 'family_name' })).toHaveCount(0)

  // The region and the opened builders pass axe's serious and critical rules.
  await page.getByRole('button', { name: 'Issue an SD-JWT' }).click()
  await expect(page.getByRole('group', { name: 'Disclosures to present', exact: true })).toBeVisible()
  const violations = (await new AxeBuilder({ page }).analyze()).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  expect(violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([])
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

test('a recursive disclosure shows inside the one it sits in; a value that looks like markup stays text', async ({ page }) => {
  const markup = '<img src=x onerror="document.title=1">'
  const locality = disclosure('locality', markup)
  const address = disclosure('address', { _sd: [locality.digest], country: 'DE' })
  const jwt = await issuerJwt([address.digest, given.digest])
  await openApp(page)
  await pasteToken(page, `${jwt}~${address.text}~${locality.text}~`)
  await verificationKey(page).fill(pem(issuer.publicKey))
  await expect(verdict(page)).toHaveText('SD-JWT accepted without key binding: issuer signature and disclosures check out (2 disclosed claims); whoever holds this text can present it.')
  await expect(disclosureRows(page).nth(0)).toContainText('_sd of the top level')
  await expect(disclosureRows(page).nth(1)).toContainText('_sd of /address')
  await expect(disclosureRows(page).nth(1)).toContainText('recursive: inside disclosure 1')
  await expect(disclosureRows(page).nth(1)).toContainText('→ /address/locality')
  // Shown as its JSON text, quotes escaped: never parsed as markup.
  await expect(disclosureRows(page).nth(1)).toContainText(JSON.stringify(markup))
  await expect(region(page).locator('img')).toHaveCount(0)
  await expect(region(page).getByLabel('Processed payload', { exact: true })).toContainText('"country": "DE"')
  expect(await page.title()).not.toBe('1')
})

test('cnf.jkt: the key binding needs the pasted Holder key; a KB-JWT an hour old at the policy time is stale', async ({ page }) => {
  const jwt = await issuerJwt([given.digest], { jkt: await calculateJwkThumbprint(holderJwk) })
  await openApp(page)
  await pasteToken(page, await withKeyBinding(`${jwt}~${given.text}~`))
  await verificationKey(page).fill(pem(issuer.publicKey))
  await expectKeyBinding(page)
  const kbSignature = checkRows(page).and(page.locator('[data-check="kb-signature"]'))
  await expect(verdict(page)).toContainText(/^SD-JWT not accepted: /)
  await expect(kbSignature).not.toHaveAttribute('data-verdict', 'pass')

  await region(page).getByLabel('Holder key', { exact: true }).fill(pem(holder.publicKey))
  await expect(verdict(page)).toHaveText('SD-JWT accepted: issuer signature, disclosures and key binding check out (1 disclosed claim).')
  await expect(kbSignature).toHaveAttribute('data-verdict', 'pass')

  // The policy panel's current time, an hour ahead: the KB-JWT's iat is then too old.
  await openPolicy(page)
  const later = new Date(Date.now() + 3_600_000)
  const pad = (n: number) => String(n).padStart(2, '0')
  const local = `${later.getFullYear()}-${pad(later.getMonth() + 1)}-${pad(later.getDate())}T${pad(later.getHours())}:${pad(later.getMinutes())}:${pad(later.getSeconds())}`
  await page.getByLabel('Current time', { exact: true }).fill(local)
  await expect(checkRows(page).and(page.locator('[data-check="kb-iat"]'))).toHaveAttribute('data-verdict', 'fail')
  await expect(verdict(page)).toContainText(/^SD-JWT not accepted: 1 check failed: /)
})

test('the JSON serialization (RFC 9901 §8): its disclosures in the unprotected header are processed alike', async ({ page }) => {
  const payload = { iss: 'https://issuer.example.com', _sd: [given.digest, family.digest].sort(), _sd_alg: 'sha-256' }
  const jws = await new FlattenedSign(Buffer.from(JSON.stringify(payload))).setProtectedHeader({ alg: 'ES256', typ: 'example+sd-jwt' }).sign(issuer.privateKey)
  const json = JSON.stringify({ ...jws, header: { disclosures: [given.text] } })
  await openApp(page)
  await pasteToken(page, json)
  await verificationKey(page).fill(pem(issuer.publicKey))
  await expect(region(page)).toContainText('JSON serialization (RFC 9901 §8), no key binding JWT')
  await expect(verdict(page)).toHaveText('SD-JWT accepted without key binding: issuer signature and disclosures check out (1 disclosed claim); whoever holds this text can present it.')
  await expect(disclosureRows(page)).toHaveCount(1)
  await expect(disclosureRows(page).first()).toContainText(given.digest)
})

test('three hundred disclosures: the first 200 rows, then Show all', async ({ page }) => {
  const many = Array.from({ length: 300 }, (_, i) => disclosure(`claim_${i}`, i))
  const jwt = await issuerJwt(many.map((d) => d.digest))
  await openApp(page)
  await pasteToken(page, `${jwt}~${many.map((d) => d.text).join('~')}~`)
  await verificationKey(page).fill(pem(issuer.publicKey))
  await expect(verdict(page)).toContainText('SD-JWT accepted without key binding')
  await expect(region(page)).toContainText('Showing the first 200 of 300 disclosures.')
  await expect(disclosureRows(page)).toHaveCount(200)
  await region(page).getByRole('button', { name: 'Show all 300 disclosures', exact: true }).click()
  await expect(disclosureRows(page)).toHaveCount(300)
  await expect(disclosureRows(page).last()).toContainText(many[299]!.digest)
})

test('issue with five disclosable claims, present two with a key binding JWT, verify', async ({ page }) => {
  await openApp(page)
  const builder = page.getByRole('button', { name: 'Issue an SD-JWT' })
  await builder.click()
  await page.getByRole('button', { name: 'Generate holder key', exact: true }).click()
  await expect(page.getByLabel('Holder public key', { exact: true })).toHaveValue(/"kty": "EC"/)
  await page.getByRole('button', { name: 'Generate issuer key', exact: true }).click()
  await expect(verificationKey(page)).toHaveValue(/BEGIN PUBLIC KEY/)
  const claims = page.getByRole('group', { name: 'Selectively disclosable claims', exact: true })
  const five = ['/given_name', '/family_name', '/email', '/birthdate', '/address']
  for (const pointer of five) await claims.getByRole('checkbox', { name: pointer, exact: true }).check()
  await page.getByRole('button', { name: 'Issue SD-JWT', exact: true }).click()

  // The issued SD-JWT, checked here: five disclosures, each digest in the issuer JWT's _sd, cnf.jwk the holder's.
  await expect(encodedToken(page)).toHaveValue(/~$/)
  const issued = await encodedToken(page).inputValue()
  const [jwt, ...rest] = issued.split('~')
  const disclosures = rest.slice(0, -1)
  expect(disclosures).toHaveLength(5)
  const payload = JSON.parse(Buffer.from(jwt!.split('.')[1]!, 'base64url').toString('utf8')) as { _sd: string[]; _sd_alg: string; cnf: { jwk: JWK }; given_name?: unknown }
  expect(payload._sd_alg).toBe('sha-256')
  expect(payload.given_name).toBeUndefined()
  for (const d of disclosures) {
    expect(payload._sd).toContain(sha256(d))
    const [salt] = JSON.parse(Buffer.from(d, 'base64url').toString('utf8')) as [string]
    expect(Buffer.from(salt, 'base64url').length).toBeGreaterThanOrEqual(16)
  }
  const issuerPem = await verificationKey(page).inputValue()
  await compactVerify(jwt!, createPublicKey(issuerPem))
  await expect(disclosureRows(page)).toHaveCount(5)

  const present = page.getByRole('group', { name: 'Disclosures to present', exact: true })
  await present.getByRole('checkbox', { name: '/given_name', exact: true }).check()
  await present.getByRole('checkbox', { name: '/email', exact: true }).check()
  await page.getByLabel('Audience', { exact: true }).fill(AUD)
  await page.getByLabel('Nonce', { exact: true }).fill(NONCE)
  await expect(page.getByLabel('Holder private key', { exact: true })).toHaveValue(/BEGIN PRIVATE KEY/)
  await page.getByRole('button', { name: 'Create presentation', exact: true }).click()

  await expect(encodedToken(page)).not.toHaveValue(issued)
  const presented = await encodedToken(page).inputValue()
  const parts = presented.split('~')
  const kbJwt = parts[parts.length - 1]!
  expect(parts[0]).toBe(jwt)
  expect(parts.slice(1, -1).map((d) => JSON.parse(Buffer.from(d, 'base64url').toString('utf8'))[1])).toEqual(['given_name', 'email'])
  // The KB-JWT checked with jose against cnf.jwk, and its sd_hash recomputed over the presentation.
  const kb = await compactVerify(kbJwt, await importJWK(payload.cnf.jwk, 'ES256'))
  expect(kb.protectedHeader.typ).toBe('kb+jwt')
  const kbClaims = JSON.parse(new TextDecoder().decode(kb.payload)) as { aud: string; nonce: string; sd_hash: string }
  expect(kbClaims).toMatchObject({ aud: AUD, nonce: NONCE, sd_hash: sha256(presented.slice(0, presented.length - kbJwt.length)) })

  await expectKeyBinding(page)
  await expect(verdict(page)).toHaveText('SD-JWT accepted: issuer signature, disclosures and key binding check out (2 disclosed claims).')
  await expect(disclosureRows(page)).toHaveCount(2)
  await expect(checkRows(page).and(page.locator('[data-verdict="fail"]'))).toHaveCount(0)
  const processed = region(page).getByLabel('Processed payload', { exact: true })
  await expect(processed).toContainText('"given_name": "Erika"')
  await expect(processed).not.toContainText('family_name')
  await expect(processed).not.toContainText('birthdate')
})

test('issue with a recursive disclosure, an array element and decoys', async ({ page }) => {
  await openApp(page)
  await page.getByRole('button', { name: 'Issue an SD-JWT' }).click()
  await page.getByRole('button', { name: 'Generate issuer key', exact: true }).click()
  await expect(verificationKey(page)).toHaveValue(/BEGIN PUBLIC KEY/)
  const claims = page.getByRole('group', { name: 'Selectively disclosable claims', exact: true })
  for (const pointer of ['/address', '/address/locality', '/nationalities/1']) await claims.getByRole('checkbox', { name: pointer, exact: true }).check()
  await page.getByLabel('Decoys', { exact: true }).fill('2')
  await page.getByRole('button', { name: 'Issue SD-JWT', exact: true }).click()
  await expect(encodedToken(page)).toHaveValue(/~$/)

  const [jwt, ...rest] = (await encodedToken(page).inputValue()).split('~')
  const disclosures = rest.slice(0, -1)
  expect(disclosures).toHaveLength(3)
  const decoded = disclosures.map((d) => JSON.parse(Buffer.from(d, 'base64url').toString('utf8')) as unknown[])
  const byName = (name: string) => disclosures[decoded.findIndex((d) => d[1] === name)]!
  const element = disclosures[decoded.findIndex((d) => d.length === 2)]!
  const payload = JSON.parse(Buffer.from(jwt!.split('.')[1]!, 'base64url').toString('utf8')) as { _sd: string[]; nationalities: unknown[] }
  // node:crypto's digests: address in the top-level _sd, locality inside the address disclosure, FR as {"...": digest}.
  expect(payload._sd).toContain(sha256(byName('address')))
  expect((decoded.find((d) => d[1] === 'address')![2] as { _sd: string[] })._sd).toContain(sha256(byName('locality')))
  expect(payload.nationalities).toEqual(['DE', { '...': sha256(element) }])
  expect(JSON.parse(Buffer.from(element, 'base64url').toString('utf8'))[1]).toBe('FR')
  expect(payload._sd.length).toBeGreaterThanOrEqual(3)

  await expect(verdict(page)).toContainText('SD-JWT accepted without key binding')
  const localityRow = disclosureRows(page).filter({ hasText: sha256(byName('locality')) })
  await expect(localityRow).toContainText('_sd of /address')
  await expect(localityRow).toContainText(/recursive: inside disclosure \d/)
  await expect(disclosureRows(page).filter({ hasText: sha256(element) })).toContainText('{"...": digest} element of /nationalities')
  // The decoys: digests in the _sd arrays that no disclosure has, two per array, each listed as undisclosed.
  const digests = new Set(disclosures.map(sha256))
  const addressSd = (decoded.find((d) => d[1] === 'address')![2] as { _sd: string[] })._sd
  const decoys = [...payload._sd, ...addressSd].filter((d) => !digests.has(d))
  expect(payload._sd.filter((d) => !digests.has(d))).toHaveLength(2)
  expect(addressSd.filter((d) => !digests.has(d))).toHaveLength(2)
  const undisclosed = region(page).getByRole('table', { name: 'Undisclosed digests', exact: true })
  await expect(undisclosed.locator('tbody tr')).toHaveCount(decoys.length)
  for (const d of decoys) await expect(undisclosed).toContainText(d)
  await expect(region(page).getByLabel('Processed payload', { exact: true })).toContainText('"locality": "Köln"')
})

/** Presses "Do it" of step `n` (1-based) of the open lesson. */
async function doStep(page: Page, n: number): Promise<void> {
  const step = page.getByRole('list', { name: 'Steps' }).getByRole('listitem').nth(n - 1)
  await step.getByRole('button', { name: 'Do it', exact: true }).click()
  await expect(step).toContainText('Now:')
}

test('the selective disclosure lesson: issue, present two of four claims, verify, and a tampered disclosure fails', async ({ page }) => {
  await openApp(page)
  await openTool(page, 'Lessons')
  const title = 'Selective disclosure (SD-JWT)'
  await page.getByRole('navigation', { name: 'Lessons' }).getByRole('button', { name: title }).click()
  await expect(page.getByRole('heading', { name: title, exact: true })).toBeVisible()

  await doStep(page, 1)
  await expect(signatureStatus(page)).toContainText('Signature verified')
  await expect(disclosureRows(page)).toHaveCount(4)
  // Each digest in the table is the SHA-256 of its disclosure's base64url text.
  const disclosures = (await encodedToken(page).inputValue()).split('~').slice(1, -1)
  for (const [i, d] of disclosures.entries()) await expect(disclosureRows(page).nth(i)).toContainText(sha256(d))

  await doStep(page, 3)
  await expect(disclosureRows(page)).toHaveCount(2)
  await expect(region(page)).toContainText('SD-JWT+KB')
  await region(page).getByLabel('Key binding audience', { exact: true }).fill('https://verifier.example.org')
  await region(page).getByLabel('Key binding nonce', { exact: true }).fill('lesson-nonce-1234')
  await expect(verdict(page)).toHaveText('SD-JWT accepted: issuer signature, disclosures and key binding check out (2 disclosed claims).')

  await doStep(page, 5)
  await expect(verdict(page)).toContainText(/^SD-JWT not accepted: /)
  await expect(disclosureRows(page).and(page.locator('[data-verdict="fail"]'))).toHaveCount(1)
  await expect(disclosureRows(page).and(page.locator('[data-verdict="fail"]'))).toContainText('Not referenced')
})

test('policy checks judge the claims a verifier ends up with: an expiry that only a disclosure carries counts', async ({ page }) => {
  const expired = disclosure('exp', Math.floor(Date.now() / 1000) - 3600)
  const jwt = await issuerJwt([expired.digest, given.digest])
  const expiryRow = page.getByRole('table', { name: 'Policy checks' }).getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Expiry (exp)' }) })
  await openApp(page)
  await openPolicy(page)
  // Withheld: the verifier sees no exp at all.
  await pasteToken(page, `${jwt}~${given.text}~`)
  await expect(region(page)).toBeVisible()
  await expect(expiryRow).toContainText('No exp claim: the token never expires.')
  // Disclosed: the verifier sees an exp an hour ago.
  await pasteToken(page, `${jwt}~${given.text}~${expired.text}~`)
  await expect(page.getByRole('table', { name: 'Claims', exact: true }).getByRole('row').filter({ hasText: 'Disclosed (disclosure 2)' })).toBeVisible()
  await expect(expiryRow).toContainText(/Expired .+ ago \(exp \d{4}-/)
})
