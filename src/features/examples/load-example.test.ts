import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'

vi.stubGlobal('localStorage', { getItem: () => null, setItem: () => {}, removeItem: () => {} })

let store: typeof import('../../store/app-store').useAppStore
let loadExample: typeof import('./load-example').loadExample
let examples: typeof import('./examples-data').examples
beforeAll(async () => {
  store = (await import('../../store/app-store')).useAppStore
  loadExample = (await import('./load-example')).loadExample
  examples = (await import('./examples-data')).examples
})

beforeEach(() => {
  store.getState().forgetEverything()
})

describe('loadExample', () => {
  it('after an edit without a signing key, the example is not called stale (its signature matches)', () => {
    const [first, second] = examples
    if (first === undefined || second === undefined) throw new Error('the bundled examples are missing')
    loadExample(first)
    // What editing the payload with an empty Signing key does: the old signature stays, marked stale.
    store.getState().setSigningKey('')
    store.getState().setEditedToken(`${first.token.split('.')[0]}.e30.${first.token.split('.')[2]}`, true)
    expect(store.getState().signatureStale).toBe(true)

    loadExample(second)
    expect(store.getState()).toMatchObject({
      token: second.token,
      exampleToken: second.token,
      signatureStale: false,
      extractionNotes: [],
      verificationKey: second.verificationKey,
      secretEncoding: second.secretEncoding,
      signingKey: second.signingKey,
      signingEncoding: second.signingEncoding,
      algorithm: second.algorithm,
    })
  })

  it('drops the notes of a pasted token', () => {
    store.getState().setToken('a.b.c', ['Removed a "Bearer " prefix.'])
    const [first] = examples
    if (first === undefined) throw new Error('the bundled examples are missing')
    loadExample(first)
    expect(store.getState().extractionNotes).toEqual([])
  })
})
