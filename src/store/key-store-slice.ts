import type { KeyStoreEntry } from '../core'
import type { KeyStoreSlice, SliceCreator } from './app-state'

/** Set once the actions are loaded: until then no passphrase exists to forget. */
let forgetHook: (() => void) | null = null

// Sealing, opening and exporting live in `key-store-actions`, loaded at first use. It imports
// nothing from here, so this slice stays in the first-paint store chunk.
const actions = () =>
  import('./key-store-actions').then((a) => {
    forgetHook = a.forgetPassphrase
    return a
  })

/** Drops the passphrase from memory ("Forget everything", locking). */
export function forgetKeyStorePassphrase(): void {
  forgetHook?.()
}

const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'priv']

/** The entry's public JWK text: its text without private members (a secret stays a secret). */
function publicText(entry: KeyStoreEntry): string {
  if (entry.visibility === 'public' || entry.kty === 'oct') return entry.text
  try {
    const jwk = JSON.parse(entry.text) as Record<string, unknown>
    for (const name of PRIVATE_MEMBERS) delete jwk[name]
    return JSON.stringify(jwk)
  } catch {
    return entry.text
  }
}

export const createKeyStoreSlice: SliceCreator<KeyStoreSlice> = (set, get) => {
  const find = (id: string) => get().keyEntries.find((e) => e.id === id)
  const reseal = () => void actions().then((a) => a.reseal(set, get))
  return {
    keyEntries: [],
    keyStoreSealed: '',
    keyStoreLocked: false,
    keyStoreRemembering: false,
    addKeyEntries: (entries) => {
      const ids = new Set(entries.map((e) => e.id))
      set((s) => ({ keyEntries: [...s.keyEntries.filter((e) => !ids.has(e.id)), ...entries] }))
      if (entries.some((e) => e.visibility === 'private')) reseal()
    },
    removeKeyEntry: (id) => {
      const removed = find(id)
      set((s) => ({ keyEntries: s.keyEntries.filter((e) => e.id !== id) }))
      if (removed?.visibility === 'private') reseal()
    },
    useKeyToVerify: (id) => {
      const entry = find(id)
      if (entry !== undefined) get().setVerificationKey(publicText(entry), 'utf8')
    },
    useKeyToSign: (id) => {
      const entry = find(id)
      if (entry !== undefined) set({ signingKey: entry.text, signingEncoding: 'utf8' })
    },
    useKeyToDecrypt: (id) => {
      const entry = find(id)
      if (entry !== undefined) set({ decryptionKey: entry.text, decryptionEncoding: 'utf8' })
    },
    verifyWithEveryKey: async () => (await actions()).verifyWithEveryKey(get),
    rememberPrivateKeys: async (typed) => (await actions()).rememberPrivateKeys(set, get, typed),
    lockKeyStore: () => {
      forgetKeyStorePassphrase()
      set((s) => ({ keyEntries: s.keyEntries.filter((e) => e.visibility === 'public'), keyStoreLocked: s.keyStoreSealed !== '', keyStoreRemembering: false }))
    },
    unlockKeyStore: async (typed) => (await actions()).unlockKeyStore(set, get, typed),
    addFetchedKeys: async (keyText, keyUrl) => (await actions()).addFetchedKeys(get, keyText, keyUrl),
  }
}
