import { createHmac } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { LINK_KEY_APPLIED } from './link-slice'
import { STORAGE_KEY } from './persisted'

/** A localStorage stand-in: the store under test reads and writes it like the browser's. */
const items = new Map<string, string>()
vi.stubGlobal('localStorage', {
  getItem: (k: string) => items.get(k) ?? null,
  setItem: (k: string, v: string) => void items.set(k, v),
  removeItem: (k: string) => void items.delete(k),
})

type Store = typeof import('./app-store').useAppStore
let store: Store

beforeAll(async () => {
  store = (await import('./app-store')).useAppStore
})

const read = (file: string) => readFileSync(new URL(`../../test/fixtures/keys/${file}`, import.meta.url), 'utf8')
const spki = read('ec-p256-spki.pem')
const otherSpki = read('rsa-2048-spki.pem')
const b64u = (text: string) => Buffer.from(text).toString('base64url')
function hs256(payload: object): string {
  const input = `${b64u('{"alg":"HS256"}')}.${b64u(JSON.stringify(payload))}`
  return `${input}.${createHmac('sha256', 'k').update(input).digest('base64url')}`
}
const live = hs256({ sub: 'admin', exp: Math.floor(Date.now() / 1000) + 3600 })
const stored = () => JSON.parse(items.get(STORAGE_KEY) ?? 'null') as { state: Record<string, unknown>; version: number } | null

beforeEach(() => {
  store.getState().forgetEverything()
  items.clear()
})

describe('links', () => {
  it('a public key fills an empty key box and says where it came from', () => {
    store.getState().openLink({ token: live, key: spki })
    expect(store.getState()).toMatchObject({ token: live, verificationKey: spki, secretEncoding: 'utf8', linkKeyOffer: null, linkNotice: { severity: 'info', text: LINK_KEY_APPLIED } })
  })

  it('a different key already in the box is kept until the user chooses', () => {
    store.getState().setVerificationKey(spki)
    store.getState().openLink({ token: live, key: otherSpki })
    expect(store.getState()).toMatchObject({ token: live, verificationKey: spki, linkKeyOffer: otherSpki })
    store.getState().keepOwnKey()
    expect(store.getState()).toMatchObject({ verificationKey: spki, linkKeyOffer: null })

    store.getState().openLink({ token: live, key: otherSpki })
    store.getState().acceptLinkKey()
    expect(store.getState()).toMatchObject({ verificationKey: otherSpki, linkKeyOffer: null, linkNotice: { severity: 'info', text: LINK_KEY_APPLIED } })
  })

  it('the same key asks nothing', () => {
    store.getState().setVerificationKey(spki)
    store.getState().openLink({ token: live, key: spki })
    expect(store.getState()).toMatchObject({ verificationKey: spki, linkKeyOffer: null, linkNotice: null })
  })

  it('an ignored key leaves the key box alone and warns', () => {
    store.getState().setVerificationKey(spki)
    store.getState().openLink({ token: live, ignoredKey: 'not used: a secret' })
    expect(store.getState()).toMatchObject({ token: live, verificationKey: spki, linkKeyOffer: null, linkNotice: { severity: 'warning', text: 'not used: a secret' } })
  })

  it('a link token is the user\'s, not an example', () => {
    store.getState().loadSession({ token: live, origin: 'example' })
    expect(stored()?.state.token).toBe(live)
    store.getState().openLink({ token: hs256({ sub: 'x', exp: Math.floor(Date.now() / 1000) + 60 }) })
    expect(stored()?.state.token).toBeUndefined()
  })
})

describe('what is written to storage', () => {
  it('a live token typed by the user is not written without the opt-in, and is with it', () => {
    store.getState().setToken(live)
    expect(stored()?.state.token).toBeUndefined()
    expect(stored()?.version).toBe(2)
    store.getState().setRememberSecrets(true)
    expect(stored()?.state.token).toBe(live)
  })
})

describe('forgetEverything', () => {
  it('resets every input and removes the stored entry, and later writes hold nothing old', () => {
    const s = store.getState()
    s.setRememberSecrets(true)
    s.setToken(live)
    s.setVerificationKey('my-hmac-secret')
    s.setSigningKey('my-hmac-secret')
    s.setPolicy({ expectedIssuer: 'https://login.acme.io', expectedAudience: 'api', allowedAlgorithms: 'HS256', nowOverride: '2020-01-01T00:00:00Z', clockSkewSeconds: 5 })
    s.markChallengeSolved('none')
    s.setTheme('dark')
    s.openLink({ token: live, ignoredKey: 'x' })
    expect(items.has(STORAGE_KEY)).toBe(true)
    const generation = store.getState().inputsGeneration

    store.getState().forgetEverything()
    expect(items.has(STORAGE_KEY)).toBe(false)
    expect(store.getState()).toMatchObject({
      token: '', exampleToken: '', verificationKey: '', signingKey: '', rememberSecrets: false, expectedIssuer: '', expectedAudience: '',
      allowedAlgorithms: '', nowOverride: '', clockSkewSeconds: 0, solvedChallenges: [], theme: 'system', linkNotice: null, linkKeyOffer: null,
      inputsGeneration: generation + 1,
    })

    // The persist middleware writes again at the next change: only the new state.
    store.getState().setTheme('light')
    const text = items.get(STORAGE_KEY) ?? ''
    expect(text).toContain('"theme":"light"')
    for (const old of [live, 'my-hmac-secret', 'acme', '"none"', 'allowedAlgorithms":"HS256']) expect(text).not.toContain(old)
  })
})
