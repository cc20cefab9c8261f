import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'

vi.stubGlobal('localStorage', { getItem: () => null, setItem: () => {}, removeItem: () => {} })

let store: typeof import('../../store/app-store').useAppStore
let loadExample: typeof import('./load-example').loadExample
let pickExample: typeof import('./load-example').pickExample
let loadFirstExample: typeof import('./load-example').loadFirstExample
let examples: typeof import('./examples-data').examples
beforeAll(async () => {
  store = (await import('../../store/app-store')).useAppStore
  ;({ loadExample, pickExample, loadFirstExample } = await import('./load-example'))
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

/** A promise and the functions that settle it, for loads that finish when the test says so. */
function deferred<T>(): { promise: Promise<T>; resolve: (v: T) => void; reject: (e: unknown) => void } {
  let resolve!: (v: T) => void
  let reject!: (e: unknown) => void
  const promise = new Promise<T>((res, rej) => { resolve = res; reject = rej })
  return { promise, resolve, reject }
}

const byId = (id: string) => {
  const found = examples.find((x) => x.id === id)
  if (found === undefined) throw new Error(`no example ${id}`)
  return found
}

describe('pickExample', () => {
  it('a first visit opens with the HS256 example', () => {
    loadFirstExample()
    expect(store.getState()).toMatchObject({ token: byId('hs256').token, algorithm: 'HS256', verificationKey: byId('hs256').verificationKey })
  })

  it('loads a picked example once its data has arrived, not before', async () => {
    loadFirstExample()
    const es256k = byId('es256k')
    const load = deferred<typeof es256k>()
    const outcome = pickExample({ id: es256k.id, label: es256k.label, load: () => load.promise })
    expect(store.getState().token).toBe(byId('hs256').token)
    load.resolve(es256k)
    expect(await outcome).toEqual({ kind: 'loaded' })
    expect(store.getState()).toMatchObject({ token: es256k.token, algorithm: 'ES256K', verificationKey: es256k.verificationKey, signingKey: es256k.signingKey, exampleToken: es256k.token })
  })

  it('when the data cannot be fetched, says so and changes nothing', async () => {
    loadFirstExample()
    store.getState().setVerificationKey('a key the user typed')
    const before = store.getState()
    const outcome = await pickExample({
      id: 'ed448',
      label: 'Ed448 (EdDSA on Ed448)',
      load: () => Promise.reject(new TypeError('Failed to fetch dynamically imported module: ./ed448-x.js')),
    })
    expect(outcome).toEqual({
      kind: 'failed',
      message: 'The example "Ed448 (EdDSA on Ed448)" could not be loaded: its data did not arrive (offline before the app was stored for offline use?). The token and keys on the page are unchanged. Connect to the network, reload the page and pick it again.',
    })
    expect(store.getState()).toBe(before)
    expect(store.getState().verificationKey).toBe('a key the user typed')
  })

  it.each([
    ['the earlier pick arrives last', 'resolve'],
    ['the earlier pick fails last', 'reject'],
  ] as const)('the latest pick wins when %s', async (_name, settle) => {
    const [rs256, es256] = [byId('rs256'), byId('es256')]
    const slow = deferred<typeof rs256>()
    const first = pickExample({ id: rs256.id, label: rs256.label, load: () => slow.promise })
    const second = pickExample({ id: es256.id, label: es256.label, load: () => Promise.resolve(es256) })
    expect(await second).toEqual({ kind: 'loaded' })
    if (settle === 'resolve') slow.resolve(rs256)
    else slow.reject(new TypeError('Failed to fetch'))
    expect(await first).toEqual({ kind: 'superseded' })
    expect(store.getState().token).toBe(es256.token)
  })
})
