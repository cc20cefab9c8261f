// The main user flows of the built app, driven by accessible names in a non-Chromium engine (Firefox
// over WebDriver BiDi): decode, verify with each key kind, generate → sign → verify for every algorithm,
// share link, JWE and SD-JWT. Tokens come from node:crypto and jose, not from the app,
// and what the app signs is checked in Node.
/* global window, HTMLInputElement, HTMLSelectElement, HTMLTextAreaElement -- used inside functions that run in the browser page */
import { createCipheriv, createHash, createHmac, createPublicKey, generateKeyPairSync, publicEncrypt, randomBytes, sign, constants } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { SignJWT } from 'jose'
import { nodeVerifiesPublicText } from './cross-cases.mjs'

const b64u = (data) => Buffer.from(data).toString('base64url')
const fixture = (name) => readFileSync(new URL(`../../test/fixtures/keys/${name}`, import.meta.url), 'utf8')
const pem = (k) => k.export({ format: 'pem', type: k.type === 'private' ? 'pkcs8' : 'spki' }).toString()
const headerOf = (token) => JSON.parse(Buffer.from(token.split('.')[0] ?? '', 'base64url').toString('utf8'))

/** `[name="…"][role="…"]`, puppeteer's accessible-name query (exact name). */
const aria = (role, name) => `::-p-aria([name=${JSON.stringify(name)}][role="${role}"])`

/** Polls `probe` until it returns a truthy value; throws with `what` and the last value on timeout. */
async function until(what, probe, timeout = 20_000) {
  const end = Date.now() + timeout
  let last
  for (;;) {
    try {
      last = await probe()
      if (last) return last
    } catch (e) {
      last = `threw ${e instanceof Error ? e.message : String(e)}`
    }
    if (Date.now() > end) throw new Error(`timed out waiting for ${what} (last: ${String(last).slice(0, 300)})`)
    await new Promise((r) => setTimeout(r, 100))
  }
}

/** Helpers over one page. */
function driver(page) {
  // The engine's own accessibility tree names the elements (its names can differ from Chromium's), but
  // one such query costs about a second in Firefox: an element found is kept while it stays in the page.
  const cache = new Map()
  const find = async (role, name) => {
    const key = `${role}\u0000${name}`
    const kept = cache.get(key)
    if (kept && (await kept.evaluate((e) => e.isConnected).catch(() => false))) return kept
    cache.delete(key)
    const found = await page.$(aria(role, name))
    if (found) cache.set(key, found)
    return found
  }
  const need = async (role, name, timeout) => until(`${role} "${name}"`, () => find(role, name), timeout)
  const text = async (role, name) => {
    const el = await find(role, name)
    return el ? el.evaluate((e) => (e.value !== undefined && e.tagName !== 'BUTTON' ? e.value : e.textContent) ?? '') : undefined
  }
  const expectText = async (role, name, pattern, timeout) => {
    let seen = 'absent'
    const matches = (t) => (typeof pattern === 'string' ? t === pattern : pattern.test(t))
    await until(`${role} "${name}" to match ${pattern}`, async () => {
      const t = await text(role, name)
      seen = t === undefined ? 'absent' : JSON.stringify(t.slice(0, 200))
      return t !== undefined && matches(t)
    }, timeout).catch(() => {
      throw new Error(`${role} "${name}" never matched ${pattern}; last: ${seen}`)
    })
  }
  /** Sets a text field as typing would for React: the native value setter, then an input event. */
  const fill = async (role, name, value) => {
    const el = await need(role, name)
    await el.evaluate((e, v) => {
      const proto = e instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype
      Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(e, v)
      e.dispatchEvent(new Event('input', { bubbles: true }))
    }, value)
  }
  /** Chooses an option of a select by its value or, failing that, its label. */
  const select = async (name, option) => {
    const el = await need('combobox', name)
    const chosen = await el.evaluate((e, o) => {
      const match = [...e.options].find((x) => x.value === o) ?? [...e.options].find((x) => x.label === o)
      if (!match) return [...e.options].map((x) => x.label).join(' | ')
      Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value')?.set?.call(e, match.value)
      e.dispatchEvent(new Event('change', { bubbles: true }))
      return true
    }, option)
    if (chosen !== true) throw new Error(`"${name}" has no option "${option}" (options: ${chosen})`)
  }
  /** The labels of a select's options that carry a value (not a placeholder). */
  const options = async (name) => (await need('combobox', name)).evaluate((e) => [...e.options].filter((x) => x.value !== '').map((x) => x.label))
  const click = async (role, name) => (await need(role, name)).click()
  // A click that lands before the prerendered page has hydrated does nothing: click again until open.
  const expand = async (name) => {
    let clicked = 0
    await until(`"${name}" to expand`, async () => {
      const toggle = await need('button', name)
      if ((await toggle.evaluate((e) => e.getAttribute('aria-expanded'))) === 'true') return true
      if (Date.now() - clicked > 2_000) {
        clicked = Date.now()
        await toggle.click()
      }
      return false
    })
  }
  const value = async (role, name) => (await need(role, name)).evaluate((e) => e.value)
  return { find, need, text, expectText, fill, select, options, click, expand, value }
}

const VERIFIED = /^Signature verified/

/** Opens the app and waits for the first-visit verdict. */
async function openApp(page, base, path = '') {
  await page.goto(`${base}${path}`)
  const d = driver(page)
  await d.need('heading', 'JWT Lab')
  return d
}

// A nested JWT for the JWE flow: an ES256 token from node:crypto, in RSA-OAEP + A256GCM built by hand.
function es256(signer, payload) {
  const input = `${b64u(JSON.stringify({ alg: 'ES256', typ: 'JWT' }))}.${b64u(JSON.stringify(payload))}`
  return `${input}.${b64u(sign('sha256', Buffer.from(input), { key: signer.privateKey, dsaEncoding: 'ieee-p1363' }))}`
}
function rsaOaepA256Gcm(plaintext, publicKey) {
  const protectedHeader = b64u(JSON.stringify({ alg: 'RSA-OAEP', enc: 'A256GCM', cty: 'JWT' }))
  const cek = randomBytes(32)
  const iv = randomBytes(12)
  const encryptedKey = publicEncrypt({ key: publicKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha1' }, cek)
  const cipher = createCipheriv('aes-256-gcm', cek, iv).setAAD(Buffer.from(protectedHeader, 'ascii'))
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()])
  return [protectedHeader, b64u(encryptedKey), b64u(iv), b64u(ciphertext), b64u(cipher.getAuthTag())].join('.')
}

/** Every algorithm the Signing panel offers (the option list is checked against this). */
export const SIGNING_ALGORITHMS = ['HS256', 'HS384', 'HS512', 'RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'ES256K', 'EdDSA', 'Ed25519', 'Ed448', 'ML-DSA-44', 'ML-DSA-65', 'ML-DSA-87']

/**
 * The flows, each `[name, async ({ page, base, server }) => void]`: a fresh guarded page each, with
 * the app served at `base`; a flow with `{ offline: true }` gets a server of its own that it may stop
 * (`stopServer`).
 */
export const flows = [
  ['decode: the first visit opens the HS256 example, decoded and verified', async ({ page, base }) => {
    const d = await openApp(page, base)
    await d.expectText('status', 'Signature', VERIFIED)
    await until('the Claims table', async () => /sub/.test((await d.text('table', 'Claims')) ?? ''))
  }],

  ['verify: every bundled example verifies with its own key (RSA, RSA-PSS, ECDSA, Ed25519, secp256k1, Ed448, ML-DSA)', async ({ page, base }) => {
    const d = await openApp(page, base)
    const labels = await d.options('Examples')
    const real = labels
    if (real.length < 11) throw new Error(`expected the 11 examples, got ${labels.join(' | ')}`)
    for (const label of real) {
      const before = await d.value('textbox', 'Encoded token')
      await d.select('Examples', label)
      if (label !== real[0]) await until(`${label} to load`, async () => (await d.value('textbox', 'Encoded token')) !== before)
      await d.expectText('status', 'Signature', label.startsWith('Unsecured') ? /^Signature not checked: the token is unsecured/ : VERIFIED)
    }
  }],

  ['verify: each key kind (SPKI, PKCS#1, certificate, JWK, JWKS by kid, private PEM; secrets as UTF-8, base64url, base64, hex)', async ({ page, base }) => {
    const rsaPrivate = fixture('rsa-2048-pkcs8.pem')
    const input = `${b64u(JSON.stringify({ alg: 'RS256', kid: 'rsa-1' }))}.${b64u(JSON.stringify({ sub: 'key kinds' }))}`
    const rs256 = `${input}.${b64u(sign('sha256', Buffer.from(input), rsaPrivate))}`
    const rsaJwk = createPublicKey(rsaPrivate).export({ format: 'jwk' })
    const ed = fixture('ed25519-pkcs8.pem')
    const edInput = `${b64u('{"alg":"Ed25519"}')}.${b64u('{"sub":"cert"}')}`
    const edToken = `${edInput}.${b64u(sign(null, Buffer.from(edInput), ed))}`
    const d = await openApp(page, base)
    await d.fill('textbox', 'Encoded token', rs256)
    const keys = [
      ['SPKI PEM', fixture('rsa-2048-spki.pem')],
      ['PKCS#1 public PEM', fixture('rsa-2048-pkcs1-public.pem')],
      ['X.509 certificate', fixture('rsa-2048-cert.pem')],
      ['JWK', JSON.stringify(rsaJwk)],
      ['JWKS, matched by kid', JSON.stringify({ keys: [{ ...createPublicKey(fixture('ec-p256-spki.pem')).export({ format: 'jwk' }), kid: 'ec-1' }, { ...rsaJwk, kid: 'rsa-1' }] })],
      ['private PKCS#8 PEM (its public part)', rsaPrivate],
    ]
    for (const [, keyText] of keys) {
      await d.fill('textbox', 'Verification key', '')
      await d.expectText('status', 'Signature', 'Signature not checked: add a verification key')
      await d.fill('textbox', 'Verification key', keyText)
      await d.expectText('status', 'Signature', VERIFIED)
    }
    await d.fill('textbox', 'Encoded token', edToken)
    await d.fill('textbox', 'Verification key', fixture('ed25519-cert.pem'))
    await d.expectText('status', 'Signature', VERIFIED)

    const secret = randomBytes(32)
    const hsInput = `${b64u('{"alg":"HS256","typ":"JWT"}')}.${b64u('{"sub":"secret encodings"}')}`
    const hs = `${hsInput}.${createHmac('sha256', secret).update(hsInput).digest('base64url')}`
    await d.fill('textbox', 'Encoded token', hs)
    for (const [encoding, text] of [['base64url', b64u(secret)], ['base64', secret.toString('base64')], ['hex', secret.toString('hex')]]) {
      await d.fill('textbox', 'Verification key', text)
      await d.select('Secret encoding', encoding)
      await d.expectText('status', 'Signature', VERIFIED)
    }
    const utf8 = 'a long enough UTF-8 secret — with non-ASCII ✓ text'
    const hsUtf8 = `${hsInput}.${createHmac('sha256', Buffer.from(utf8, 'utf8')).update(hsInput).digest('base64url')}`
    await d.fill('textbox', 'Encoded token', hsUtf8)
    await d.fill('textbox', 'Verification key', utf8)
    await d.select('Secret encoding', 'utf8')
    await d.expectText('status', 'Signature', VERIFIED)
    await d.fill('textbox', 'Verification key', `${utf8}!`)
    await d.expectText('status', 'Signature', /^Invalid signature/)
  }],

  ['sign: for every algorithm, Generate key signs a token that verifies in the app and in Node', async ({ page, base }) => {
    const d = await openApp(page, base)
    await d.expectText('status', 'Signature', VERIFIED)
    await d.expand('Signing')
    const offered = await d.options('Algorithm')
    const expected = [...SIGNING_ALGORITHMS, 'none']
    if (offered.join() !== expected.join()) throw new Error(`Algorithm offers ${offered.join(', ')}`)
    for (const alg of SIGNING_ALGORITHMS) {
      const oldKey = await d.value('textbox', 'Verification key')
      await d.expand('Signing')
      await d.select('Algorithm', alg)
      await d.expand('Signing')
      await d.click('button', 'Generate key')
      await until(`a new ${alg} key`, async () => (await d.value('textbox', 'Verification key')) !== oldKey, 30_000)
      await until(`a token signed with ${alg}`, async () => headerOf(await d.value('textbox', 'Encoded token')).alg === alg, 30_000)
      await d.expectText('status', 'Signature', VERIFIED, 30_000)
      const token = await d.value('textbox', 'Encoded token')
      const keyText = await d.value('textbox', 'Verification key')
      if (!(await nodeVerifiesPublicText(alg, token, keyText))) throw new Error(`${alg}: Node does not verify the app's token`)
    }
  }],

  ['share: a #token=…&key=… link opens the token with its public key, verified; the share button writes such a link', async ({ page, base }) => {
    const d = await openApp(page, base)
    await d.select('Examples', 'RS256 (RSA)')
    await d.expectText('status', 'Signature', VERIFIED)
    const token = await d.value('textbox', 'Encoded token')
    const key = await d.value('textbox', 'Verification key')
    await page.evaluate(() => {
      // The served Permissions-Policy denies clipboard-read: keep what the page writes instead.
      navigator.clipboard.writeText = async (text) => {
        window.__copied = text
      }
    })
    await (await d.need('checkbox', 'Include public key')).click()
    await d.click('button', 'Copy share link')
    const link = await until('a copied link', () => page.evaluate(() => window.__copied))
    if (!link.includes(`#token=${token}&key=`) || link.includes('PRIVATE')) throw new Error(`unexpected link ${link.slice(0, 120)}`)
    await d.select('Examples', 'HS256 (shared secret)')
    const other = await page.browserContext().newPage()
    await other.goto(link)
    const o = driver(other)
    await until('the shared token', async () => (await o.value('textbox', 'Encoded token')) === token)
    await until('the shared key', async () => (await o.value('textbox', 'Verification key')) === key)
    await o.expectText('status', 'Signature', VERIFIED)
    await other.close()
  }],

  ['jwe: a nested JWT decrypts step by step, its inner token opens and verifies; PBES2 and A192 round trips', async ({ page, base }) => {
    const signer = generateKeyPairSync('ec', { namedCurve: 'P-256' })
    const recipient = generateKeyPairSync('rsa', { modulusLength: 2048 })
    const inner = es256(signer, { iss: 'https://issuer.example', sub: 'alice', exp: Math.floor(Date.now() / 1000) + 3600 })
    const jwe = rsaOaepA256Gcm(inner, recipient.publicKey)
    const d = await openApp(page, base)
    await d.fill('textbox', 'Encoded token', jwe)
    await d.need('region', 'Decryption')
    await d.fill('textbox', 'Decryption key', pem(recipient.privateKey))
    await d.expectText('status', 'Decryption result', 'Decrypted (RSA-OAEP, A256GCM).')
    await d.click('button', 'Open the inner token')
    await until('the inner token', async () => (await d.value('textbox', 'Encoded token')) === inner)
    await d.fill('textbox', 'Verification key', pem(signer.publicKey))
    await d.expectText('status', 'Signature', VERIFIED)
    await d.click('button', 'Back to the encrypted token')
    await until('the envelope', async () => (await d.value('textbox', 'Encoded token')) === jwe)

    for (const [alg, enc, key] of [['PBES2-HS256+A128KW', 'A128GCM', 'correct horse battery staple'], ['A192KW', 'A192GCM', undefined]]) {
      await d.select('Examples', 'HS256 (shared secret)')
      await d.expectText('status', 'Signature', VERIFIED)
      const signed = await d.value('textbox', 'Encoded token')
      await d.expand('Encrypt')
      await d.select('Key management algorithm', alg)
      // This engine has 192-bit AES: the A192 choices are offered plainly (Chromium marks them).
      const encs = await d.options('Content encryption')
      if (!encs.includes('A192GCM')) throw new Error(`Content encryption offers ${encs.join(', ')}`)
      await d.select('Content encryption', enc)
      if (key === undefined) await d.click('button', 'Generate encryption key')
      else await d.fill('textbox', 'Recipient key', key)
      if (key === undefined) await until('a generated key', async () => (await d.value('textbox', 'Recipient key')).length > 0)
      await d.click('button', 'Encrypt the token')
      await d.expectText('status', 'Decryption result', `Decrypted (${alg}, ${enc}).`, 30_000)
      const plaintext = await until('the plaintext', async () => (await page.$(aria('region', 'Decryption')))?.evaluate((r) => r.textContent ?? ''))
      if (!plaintext.includes(signed)) throw new Error(`${alg}: the plaintext is not the signed token`)
    }
  }],

  ['sd-jwt: an SD-JWT+KB from jose on Node is accepted with its issuer key and key binding', async ({ page, base }) => {
    const issuer = generateKeyPairSync('ec', { namedCurve: 'P-256' })
    const holder = generateKeyPairSync('ec', { namedCurve: 'P-256' })
    const sha256 = (t) => createHash('sha256').update(t, 'ascii').digest('base64url')
    const disclosure = (name, value) => {
      const text = b64u(JSON.stringify([b64u(randomBytes(16)), name, value]))
      return { text, digest: sha256(text) }
    }
    const given = disclosure('given_name', 'Erika')
    const family = disclosure('family_name', 'Mustermann')
    const now = Math.floor(Date.now() / 1000)
    const jwt = await new SignJWT({ iss: 'https://issuer.example.com', iat: now, _sd: [given.digest, family.digest].sort(), _sd_alg: 'sha-256', cnf: { jwk: holder.publicKey.export({ format: 'jwk' }) } })
      .setProtectedHeader({ alg: 'ES256', typ: 'example+sd-jwt' }).sign(issuer.privateKey)
    const presentation = `${jwt}~${given.text}~`
    const kb = await new SignJWT({ aud: 'https://verifier.example.org', nonce: 'n-0S6_WzA2Mj', iat: now, sd_hash: sha256(presentation) })
      .setProtectedHeader({ alg: 'ES256', typ: 'kb+jwt' }).sign(holder.privateKey)
    const d = await openApp(page, base)
    await d.fill('textbox', 'Encoded token', presentation + kb)
    await d.fill('textbox', 'Verification key', pem(issuer.publicKey))
    await d.need('region', 'SD-JWT')
    await d.fill('textbox', 'Key binding audience', 'https://verifier.example.org')
    await d.fill('textbox', 'Key binding nonce', 'n-0S6_WzA2Mj')
    await d.expectText('status', 'SD-JWT verdict', 'SD-JWT accepted: issuer signature, disclosures and key binding check out (1 disclosed claim).')
  }],

  ['names: headings drawn in capitals keep their written name (the Header and Payload panes, check-table column headers, a lesson\'s "What the app shows now")', async ({ page, base }) => {
    const d = await openApp(page, base)
    // Their titles carry a colour swatch beside the word, so the panel is told their name.
    for (const pane of ['Header', 'Payload']) await d.need('heading', pane)
    // Firefox and WebKit take CSS text-transform into accessible names: without an explicit name these
    // would be "CLAIM" and "WHAT THE APP SHOWS NOW".
    const table = await d.need('table', 'Claims')
    for (const header of ['Claim', 'Value']) {
      const cell = await d.need('columnheader', header)
      if (!(await cell.evaluate((c, t) => t.contains(c), table))) throw new Error(`columnheader "${header}" is not in the Claims table`)
    }
    await d.click('tab', 'Lessons')
    await d.click('button', '2. Why signatures matter (tamper and watch it fail)')
    await d.need('heading', 'What the app shows now')
  }],

  ['offline: after the first visit the service worker serves the app with the server stopped; Monaco, key generation and signing work', async ({ page, base, stopServer }) => {
    await page.goto(base)
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready
    })
    await page.reload()
    await until('the service worker to control the page', () => page.evaluate(() => navigator.serviceWorker.controller !== null))
    // The controlled page is still importing chunks after its load event (the editor, the service worker
    // client): a reload then aborts them, and Firefox reports each aborted request the service worker
    // was answering as "A ServiceWorker intercepted the request and encountered an unexpected error"
    // (a console error, though the cache holds the file). Reload once the page has settled.
    await until('the code editor', () => page.$('.monaco-editor'), 30_000)
    await page.waitForNetworkIdle({ idleTime: 500, timeout: 30_000 })
    await stopServer()
    await page.reload()
    const d = driver(page)
    await d.need('heading', 'JWT Lab')
    await d.select('Examples', 'RS256 (RSA)')
    await d.expectText('status', 'Signature', VERIFIED)
    await until('the code editor', () => page.$('.monaco-editor'), 30_000)
    await d.expand('Signing')
    await d.select('Algorithm', 'ES256')
    await d.expand('Signing')
    await d.click('button', 'Generate key')
    await until('the ES256 token', async () => headerOf(await d.value('textbox', 'Encoded token')).alg === 'ES256', 30_000)
    await d.expectText('status', 'Signature', VERIFIED)
  }, { offline: true }],
]
