import { beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { stubMemoryStorage } from '../../test/memory-storage'
import type { AppState, SessionInputs } from './app-state'
import { tokenOriginOf } from './token-slice'

const items = stubMemoryStorage()

let store: typeof import('./app-store').useAppStore
beforeAll(async () => {
  store = (await import('./app-store')).useAppStore
})

/** What a previous token and its keys left behind: a stale signature, extraction notes, keys and an example. */
const before = {
  token: 'old.token.sig',
  extractionNotes: ['Removed a "Bearer " prefix.'],
  signatureStale: true,
  exampleToken: 'example.token.sig',
  verificationKey: 'old-verification-key',
  secretEncoding: 'hex',
  signingKey: 'old-signing-key',
  signingEncoding: 'base64',
  algorithm: 'ES256',
} as const satisfies Partial<AppState>

const sessionFields = (s: AppState) => ({
  token: s.token,
  extractionNotes: s.extractionNotes,
  signatureStale: s.signatureStale,
  exampleToken: s.exampleToken,
  verificationKey: s.verificationKey,
  secretEncoding: s.secretEncoding,
  signingKey: s.signingKey,
  signingEncoding: s.signingEncoding,
  algorithm: s.algorithm,
})

beforeEach(() => {
  store.getState().forgetEverything()
  items.clear()
  const s = store.getState()
  s.loadSession({ token: before.exampleToken, origin: 'example' })
  s.setVerificationKey(before.verificationKey, before.secretEncoding)
  s.setSigningKey(before.signingKey)
  s.setSigningEncoding(before.signingEncoding)
  s.setAlgorithm(before.algorithm)
  // No single action leaves both a paste's notes and an edit's stale flag; set both, so each case shows both go.
  store.setState({ token: before.token, extractionNotes: before.extractionNotes, signatureStale: before.signatureStale })
})

describe('loadSession', () => {
  const cases: readonly { name: string; inputs: SessionInputs; expected: Partial<AppState> }[] = [
    {
      name: 'an example: every input, and the token counts as the example',
      inputs: { token: 'a.b.c', verificationKey: 'v', secretEncoding: 'base64url', signingKey: 's', signingEncoding: 'base64url', algorithm: 'HS256', origin: 'example' },
      expected: { token: 'a.b.c', exampleToken: 'a.b.c', verificationKey: 'v', secretEncoding: 'base64url', signingKey: 's', signingEncoding: 'base64url', algorithm: 'HS256' },
    },
    {
      name: 'a lesson: every input, the token is the user\'s',
      inputs: { token: 'l.e.s', verificationKey: 'secret', secretEncoding: 'utf8', signingKey: 'secret', signingEncoding: 'utf8', algorithm: 'RS256' },
      expected: { token: 'l.e.s', exampleToken: before.exampleToken, verificationKey: 'secret', secretEncoding: 'utf8', signingKey: 'secret', signingEncoding: 'utf8', algorithm: 'RS256' },
    },
    {
      name: 'an exchanged token with its verification key: the signing inputs stay',
      inputs: { token: 'x.y.z', verificationKey: 'pub', secretEncoding: 'utf8' },
      expected: { token: 'x.y.z', verificationKey: 'pub', secretEncoding: 'utf8', signingKey: before.signingKey, signingEncoding: before.signingEncoding, algorithm: before.algorithm },
    },
    {
      name: 'a rewritten token with its algorithm: every key stays',
      inputs: { token: 'n.o.', algorithm: 'none' },
      expected: { token: 'n.o.', verificationKey: before.verificationKey, secretEncoding: before.secretEncoding, signingKey: before.signingKey, algorithm: 'none' },
    },
    {
      name: 'fields given as undefined keep their value',
      inputs: { token: 'u.v.w', verificationKey: undefined, algorithm: undefined },
      expected: { token: 'u.v.w', verificationKey: before.verificationKey, algorithm: before.algorithm },
    },
  ]

  it.each(cases)('$name; the notes and the stale flag of the old token go', ({ inputs, expected }) => {
    store.getState().loadSession(inputs)
    expect(sessionFields(store.getState())).toMatchObject({ ...expected, extractionNotes: [], signatureStale: false })
  })

  it('writes once: a subscriber never sees the new token with the old keys', () => {
    const seen: ReturnType<typeof sessionFields>[] = []
    const unsubscribe = store.subscribe((s) => seen.push(sessionFields(s)))
    store.getState().loadSession({ token: 'a.b.c', verificationKey: 'v', signingKey: 's', algorithm: 'HS512' })
    unsubscribe()
    expect(seen).toHaveLength(1)
    expect(seen[0]).toMatchObject({ token: 'a.b.c', verificationKey: 'v', signingKey: 's', algorithm: 'HS512', signatureStale: false, extractionNotes: [] })
  })

  it('ignores fields that are not inputs (an example carries its id and label)', () => {
    const example = { id: 'hs256', label: 'HS256 (shared secret)', token: 'e.x.a', verificationKey: 'k', secretEncoding: 'utf8', signingKey: 'k', signingEncoding: 'utf8', algorithm: 'HS256' } as const
    store.getState().loadSession({ ...example, origin: 'example' })
    expect(store.getState()).not.toHaveProperty('label')
    expect(store.getState()).not.toHaveProperty('id')
  })

  it('an example stays an example until edited (the stored origin follows)', () => {
    store.getState().loadSession({ token: 'e.x.a', origin: 'example' })
    expect(tokenOriginOf(store.getState())).toBe('example')
    store.getState().setEditedToken('e.x.b', true)
    expect(tokenOriginOf(store.getState())).toBe('user')
    store.getState().loadSession({ token: 'e.x.a' })
    expect(tokenOriginOf(store.getState())).toBe('example')
    store.getState().loadSession({ token: 'o.t.h' })
    expect(tokenOriginOf(store.getState())).toBe('user')
  })
})

describe('an example loaded after an unsigned edit (the signature is no longer called stale)', () => {
  it('clears the stale flag the edit set', () => {
    store.getState().setEditedToken('edited.payload.oldsig', true)
    expect(store.getState().signatureStale).toBe(true)
    store.getState().loadSession({ token: 'e.x.a', verificationKey: 'k', signingKey: 'k', algorithm: 'HS256', origin: 'example' })
    expect(store.getState().signatureStale).toBe(false)
  })
})

describe('setKeyPair', () => {
  it.each([
    ['an HMAC secret with its encoding: both boxes read it that way', { signingKey: 'c2VjcmV0', verificationKey: 'c2VjcmV0', encoding: 'base64url' as const }, { signingEncoding: 'base64url', secretEncoding: 'base64url' }],
    ['a private and public key: the encodings stay', { signingKey: 'PRIVATE', verificationKey: 'PUBLIC' }, { signingEncoding: before.signingEncoding, secretEncoding: before.secretEncoding }],
  ])('%s', (_name, pair, encodings) => {
    store.getState().setKeyPair(pair)
    expect(sessionFields(store.getState())).toEqual({ ...before, signingKey: pair.signingKey, verificationKey: pair.verificationKey, ...encodings })
  })
})

describe('setVerificationKey', () => {
  it.each([
    ['with an encoding sets both', 'hex' as const, 'base64url' as const, 'base64url'],
    ['without one keeps the encoding', 'hex' as const, undefined, 'hex'],
  ])('%s', (_name, start, encoding, expected) => {
    store.getState().setSecretEncoding(start)
    store.getState().setVerificationKey('key text', encoding)
    expect(store.getState()).toMatchObject({ verificationKey: 'key text', secretEncoding: expected })
  })
})

describe('typeVerificationKey', () => {
  it.each([
    ['after an example set base64url, typed text reads as UTF-8', (s: AppState) => s.loadSession({ token: 'a.b.c', verificationKey: 'v', secretEncoding: 'base64url', origin: 'example' }), 'utf8'],
    ['an encoding the user picked stays', (s: AppState) => s.setSecretEncoding('hex'), 'hex'],
    ['a session loaded after the pick sets the encoding again, and typed text reads as UTF-8', (s: AppState) => {
      s.setSecretEncoding('hex')
      s.loadSession({ token: 'a.b.c', secretEncoding: 'base64', origin: 'example' })
    }, 'utf8'],
    ['a session that leaves the encoding out keeps the pick', (s: AppState) => {
      s.setSecretEncoding('hex')
      s.loadSession({ token: 'a.b.c' })
    }, 'hex'],
  ] as const)('%s', (_name, arrange, expected) => {
    arrange(store.getState())
    store.getState().typeVerificationKey('your-256-bit-secret')
    expect(store.getState()).toMatchObject({ verificationKey: 'your-256-bit-secret', secretEncoding: expected })
  })
})

describe('setToken after an example', () => {
  const example = { token: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJleGFtcGxlIn0.sig', verificationKey: 'example-secret', secretEncoding: 'base64url', origin: 'example' } as const
  it.each([
    ['a token with other claims drops the example\'s key', (s: AppState) => s.setToken('eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJvdGhlciJ9.b3RoZXI'), { verificationKey: '', secretEncoding: 'utf8' }],
    ['re-signing the example (same claims) keeps its key', (s: AppState) => s.setToken('eyJhbGciOiJIUzM4NCJ9.eyJzdWIiOiJleGFtcGxlIn0.other'), { verificationKey: 'example-secret', secretEncoding: 'base64url' }],
    ['tampering with the example (same signature) keeps its key', (s: AppState) => s.setToken('eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZG1pbiJ9.sig'), { verificationKey: 'example-secret', secretEncoding: 'base64url' }],
    ['a key the user typed stays', (s: AppState) => {
      s.typeVerificationKey('my-own-secret')
      s.setToken('eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJvdGhlciJ9.b3RoZXI')
    }, { verificationKey: 'my-own-secret', secretEncoding: 'utf8' }],
    ['once the token is no longer the example, a later paste keeps the key', (s: AppState) => {
      s.setEditedToken('eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJlZGl0ZWQifQ.sig', true)
      s.setToken('eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJvdGhlciJ9.b3RoZXI')
    }, { verificationKey: 'example-secret', secretEncoding: 'base64url' }],
  ] as const)('%s', (_name, act, expected) => {
    store.getState().loadSession(example)
    act(store.getState())
    expect(store.getState()).toMatchObject(expected)
  })
})

describe('storePaste', () => {
  const A = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhIn0.YQ'
  const B = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJiIn0.Yg'
  const candidates = [
    { token: A, name: 'access_token', source: 'json', position: 18, label: 'access_token', stripped: ['Picked access_token (1 of 2 tokens in the pasted text).'] },
    { token: B, name: 'id_token', source: 'json', position: 70, label: 'id_token', stripped: ['Picked id_token (2 of 2 tokens in the pasted text).'] },
  ] as const

  it('stores the token, its notes and the tokens to pick from', () => {
    store.getState().storePaste({ token: A, stripped: candidates[0].stripped, candidates })
    expect(store.getState()).toMatchObject({ token: A, extractionNotes: candidates[0].stripped, signatureStale: false, pastedTokens: candidates })
  })

  it.each([
    ['picking another (setToken) keeps them', (s: AppState) => s.setToken(B, candidates[1].stripped), 2],
    ['typing and editing keep them', (s: AppState) => s.setEditedToken(`${B}x`, true), 2],
    ['a paste with one token clears them', (s: AppState) => s.storePaste({ token: B, stripped: [] }), 0],
    ['loading a session clears them', (s: AppState) => s.loadSession({ token: 'e.x.a', origin: 'example' }), 0],
    ['forgetting everything clears them', (s: AppState) => s.forgetEverything(), 0],
  ] as const)('%s', (_name, act, count) => {
    store.getState().storePaste({ token: A, stripped: candidates[0].stripped, candidates })
    act(store.getState())
    expect(store.getState().pastedTokens).toHaveLength(count)
  })

  it('drops the example\'s key like setToken does', () => {
    store.getState().loadSession({ token: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJleGFtcGxlIn0.sig', verificationKey: 'example-secret', secretEncoding: 'base64url', origin: 'example' })
    store.getState().storePaste({ token: A, stripped: candidates[0].stripped, candidates })
    expect(store.getState()).toMatchObject({ verificationKey: '', secretEncoding: 'utf8' })
  })

  it('is never stored on the device, even when tokens are remembered', () => {
    store.getState().setRememberSecrets(true)
    store.getState().storePaste({ token: A, stripped: candidates[0].stripped, candidates })
    const stored = [...items.values()].join('')
    expect(stored).toContain(A)
    expect(stored).not.toContain('pastedTokens')
    expect(stored).not.toContain(B)
  })
})
