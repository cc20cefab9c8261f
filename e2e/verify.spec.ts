import { readFileSync } from 'node:fs'
import { createHash, createPublicKey, type JsonWebKey } from 'node:crypto'
import { test, expect, pasteToken } from './fixtures'
import { chooseExample, example, examples, openApp, signatureStatus, verificationKey } from './helpers'

interface Vector {
  id: string
  alg: string
  token: string
  key: Record<string, string>
  secret_utf8?: string
  public_key_pem?: string
}

const vectors = JSON.parse(readFileSync(new URL('../test/fixtures/vectors/jws-valid.json', import.meta.url), 'utf8')) as Vector[]

const encodingSelect = (page: import('@playwright/test').Page) => page.getByRole('combobox', { name: 'Secret encoding', exact: true })

test('the first visit opens the HS256 example, verified', async ({ page }) => {
  await openApp(page)
  await expect(page.getByRole('textbox', { name: 'Encoded token' })).toHaveValue(example('hs256').token)
  await expect(signatureStatus(page)).toHaveText(/^Signature verified/)
})

test('every example verifies with its own key', async ({ page }) => {
  await openApp(page)
  for (const ex of examples) {
    await chooseExample(page, ex)
    if (ex.algorithm === 'none') {
      await expect(signatureStatus(page)).toHaveText(/^Signature not checked: the token is unsecured/)
    } else {
      await expect(signatureStatus(page), ex.id).toHaveText(/^Signature verified/)
    }
  }
})

// One page for all vectors: each is a step, and a page load per vector only cost time.
test('every public vector verifies with its JWK, and with its PEM or UTF-8 secret where it has one', async ({ page }) => {
  test.setTimeout(180_000)
  await openApp(page)
  for (const v of vectors) {
    await test.step(`${v.id}${v.public_key_pem ? ', PEM' : ''}${v.secret_utf8 ? ', UTF-8 secret' : ''}`, async () => {
      // No key first, so a verdict left from the vector before cannot pass for this one.
      await verificationKey(page).fill('')
      await pasteToken(page, v.token)
      await expect(signatureStatus(page)).toHaveText('Signature not checked: add a verification key')
      await verificationKey(page).fill(JSON.stringify(v.key))
      await expect(signatureStatus(page)).toHaveText(/^Signature verified/)
      if (v.public_key_pem) {
        await verificationKey(page).fill('')
        await expect(signatureStatus(page)).toHaveText('Signature not checked: add a verification key')
        await verificationKey(page).fill(v.public_key_pem)
        await expect(signatureStatus(page)).toHaveText(/^Signature verified/)
      }
      if (v.secret_utf8) {
        await verificationKey(page).fill('not the secret')
        await encodingSelect(page).selectOption('utf8')
        await expect(signatureStatus(page)).toHaveText(/^Invalid signature/)
        await verificationKey(page).fill(v.secret_utf8)
        await expect(signatureStatus(page)).toHaveText(/^Signature verified/)
      }
    })
  }
})

/** Changes one character of the decoded payload JSON and re-encodes it, keeping the old signature. */
function tamper(token: string): string {
  const [h, p, s] = token.split('.')
  const json = Buffer.from(p as string, 'base64url').toString('utf8')
  const changed = json.replace('Ada Lovelace', 'Ada Lovelacf')
  expect(changed).not.toBe(json)
  return `${h}.${Buffer.from(changed, 'utf8').toString('base64url')}.${s}`
}

test('a tampered payload gives Invalid signature', async ({ page }) => {
  await openApp(page)
  for (const id of ['hs256', 'rs256', 'es256', 'eddsa']) {
    const ex = example(id)
    await chooseExample(page, ex)
    await expect(signatureStatus(page)).toHaveText(/^Signature verified/)
    await pasteToken(page, tamper(ex.token))
    await expect(signatureStatus(page), id).toHaveText(/^Invalid signature/)
  }
})

test('a wrong key gives Invalid signature', async ({ page }) => {
  await openApp(page)
  await chooseExample(page, example('rs256'))
  await verificationKey(page).fill(example('ps256').verificationKey)
  await expect(signatureStatus(page)).toHaveText(/^Invalid signature/)
  await chooseExample(page, example('hs256'))
  await verificationKey(page).fill('a-different-secret-that-is-long-enough-for-hs256')
  await encodingSelect(page).selectOption('utf8')
  await expect(signatureStatus(page)).toHaveText(/^Invalid signature/)
  await chooseExample(page, example('es256'))
  await verificationKey(page).fill(example('expired').verificationKey)
  await expect(signatureStatus(page)).toHaveText(/^Invalid signature/)
})

test('secret encodings: the RFC 7515 A.1 key as base64url, hex and base64; a wrong encoding fails', async ({ page }) => {
  const a1 = vectors.find((v) => v.id === 'rfc7515-A.1-HS256') as Vector
  const k = a1.key.k as string
  const bytes = Buffer.from(k, 'base64url')
  await openApp(page)
  await pasteToken(page, a1.token)
  const cases: [string, string, RegExp][] = [
    [k, 'base64url', /^Signature verified/],
    [bytes.toString('hex'), 'hex', /^Signature verified/],
    [bytes.toString('base64'), 'base64', /^Signature verified/],
    [k, 'utf8', /^Invalid signature/],
    [bytes.toString('hex'), 'utf8', /^Invalid signature/],
  ]
  for (const [text, encoding, expected] of cases) {
    await verificationKey(page).fill(text)
    await encodingSelect(page).selectOption(encoding)
    await expect(signatureStatus(page), `${encoding}: ${text}`).toHaveText(expected)
  }
  await expect(encodingSelect(page).locator('option')).toHaveText(['UTF-8', 'base64url', 'base64', 'hex'])
})

function publicJwk(pem: string, extra: Record<string, string>): JsonWebKey {
  return { ...createPublicKey(pem).export({ format: 'jwk' }), ...extra }
}

test('a JWKS with several keys picks the key by kid', async ({ page }) => {
  const rs = example('rs256')
  const kid = JSON.parse(Buffer.from(rs.token.split('.')[0] as string, 'base64url').toString('utf8')).kid as string
  expect(kid).toBe(createHash('sha256').update(JSON.stringify((({ e, kty, n }) => ({ e, kty, n }))(createPublicKey(rs.verificationKey).export({ format: 'jwk' })))).digest('base64url'))
  const decoy = publicJwk(example('ps256').verificationKey, { kid: 'decoy-rsa' })
  const ec = publicJwk(example('es256').verificationKey, { kid: 'decoy-ec' })
  const right = publicJwk(rs.verificationKey, { kid })
  await openApp(page)
  await chooseExample(page, rs)
  await verificationKey(page).fill(JSON.stringify({ keys: [decoy, ec, right] }))
  await expect(signatureStatus(page)).toHaveText(new RegExp(`^Signature verified with key kid '${kid}'`))
  // The token's kid now names the wrong RSA key: picking by kid means this must fail.
  await verificationKey(page).fill(JSON.stringify({ keys: [{ ...right, kid: 'other' }, { ...decoy, kid }] }))
  await expect(signatureStatus(page)).toHaveText(/^Invalid signature/)
})

test("an unsecured token (alg 'none') is not checked", async ({ page }) => {
  await openApp(page)
  await chooseExample(page, example('none'))
  await expect(signatureStatus(page)).toHaveText(/^Signature not checked/)
  await verificationKey(page).fill(example('hs256').verificationKey)
  await expect(signatureStatus(page)).toHaveText(/^Signature not checked/)
})
