import { err, loadKeyStore, ok, type KeyStoreEntry } from '../core'
import type { AppState, KeyStoreSlice, SliceCreator } from './app-state'

/**
 * The passphrase of the remembered private keys while they are open in this tab. Module memory, not
 * state: state is what may be persisted, and the passphrase never is.
 */
let passphrase: string | null = null
/** Counts seals, so that a slow seal never overwrites a newer one. */
let sealRun = 0

/** Drops the passphrase from memory ("Forget everything", locking). */
export function forgetKeyStorePassphrase(): void {
  passphrase = null
  sealRun++
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

const privateEntries = (s: AppState) => s.keyEntries.filter((e) => e.visibility === 'private')

type Set = Parameters<SliceCreator<KeyStoreSlice>>[0]
type Get = Parameters<SliceCreator<KeyStoreSlice>>[1]

/** Seals the private entries again with the passphrase in memory; without one, nothing changes. */
async function reseal(set: Set, get: Get): Promise<void> {
  if (passphrase === null || !get().rememberSecrets) return
  const run = ++sealRun
  const entries = privateEntries(get())
  if (entries.length === 0) {
    set({ keyStoreSealed: '' })
    return
  }
  const sealed = await (await loadKeyStore()).sealKeyStore(entries, passphrase)
  if (run === sealRun && sealed.ok) set({ keyStoreSealed: sealed.value })
}

export const createKeyStoreSlice: SliceCreator<KeyStoreSlice> = (set, get) => ({
  keyEntries: [],
  keyStoreSealed: '',
  keyStoreLocked: false,
  keyStoreRemembering: false,
  addKeyEntries: (entries) => {
    const ids = new Set(entries.map((e) => e.id))
    set((s) => ({ keyEntries: [...s.keyEntries.filter((e) => !ids.has(e.id)), ...entries] }))
    if (entries.some((e) => e.visibility === 'private')) void reseal(set, get)
  },
  removeKeyEntry: (id) => {
    const removed = get().keyEntries.find((e) => e.id === id)
    set((s) => ({ keyEntries: s.keyEntries.filter((e) => e.id !== id) }))
    if (removed?.visibility === 'private') void reseal(set, get)
  },
  useKeyToVerify: (id) => {
    const entry = get().keyEntries.find((e) => e.id === id)
    if (entry !== undefined) get().setVerificationKey(publicText(entry), 'utf8')
  },
  useKeyToSign: (id) => {
    const entry = get().keyEntries.find((e) => e.id === id)
    if (entry !== undefined) set({ signingKey: entry.text, signingEncoding: 'utf8' })
  },
  useKeyToDecrypt: (id) => {
    const entry = get().keyEntries.find((e) => e.id === id)
    if (entry !== undefined) set({ decryptionKey: entry.text, decryptionEncoding: 'utf8' })
  },
  verifyWithEveryKey: async () => {
    const jwks = (await loadKeyStore()).keyStoreJwks(get().keyEntries)
    get().setVerificationKey(jwks, 'utf8')
  },
  rememberPrivateKeys: async (typed) => {
    if (!get().rememberSecrets) return err('STORE_NOT_OPTED_IN', 'Turn on "Remember tokens and secrets on this device" first: private keys are stored only with it.')
    if (get().keyStoreLocked) return err('STORE_LOCKED', 'Unlock the stored keys first: sealing now would replace them.')
    const entries = privateEntries(get())
    const run = ++sealRun
    const sealed = await (await loadKeyStore()).sealKeyStore(entries, typed)
    if (!sealed.ok) return sealed
    if (run !== sealRun) return err('STORE_SUPERSEDED', 'The keys changed while they were being sealed. Try again.')
    passphrase = typed
    set({ keyStoreSealed: entries.length === 0 ? '' : sealed.value, keyStoreRemembering: true })
    return ok(undefined)
  },
  lockKeyStore: () => {
    forgetKeyStorePassphrase()
    set((s) => ({
      keyEntries: s.keyEntries.filter((e) => e.visibility === 'public'),
      keyStoreLocked: s.keyStoreSealed !== '',
      keyStoreRemembering: false,
    }))
  },
  unlockKeyStore: async (typed) => {
    const blob = get().keyStoreSealed
    if (blob === '') return err('STORE_NOTHING_SEALED', 'No private keys are stored, so there is nothing to unlock.')
    const opened = await (await loadKeyStore()).openKeyStore(blob, typed)
    if (!opened.ok) return opened
    passphrase = typed
    const ids = new Set(get().keyEntries.map((e) => e.id))
    set((s) => ({ keyEntries: [...opened.value.filter((e) => !ids.has(e.id)), ...s.keyEntries], keyStoreLocked: false, keyStoreRemembering: true }))
    // Private keys added while locked are sealed along with the opened ones from now on.
    await reseal(set, get)
    return ok(undefined)
  },
})
