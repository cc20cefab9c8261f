import { err, loadKeyStore, ok, type KeyStoreEntry, type Result } from '../core'
import type { AppState, KeyStoreSlice, SliceCreator } from './app-state'

// The key store's actions that seal, open and export: loaded at their first use, so that their
// code and messages are not first-paint weight. The slice calls them through a dynamic import.

type Set = Parameters<SliceCreator<KeyStoreSlice>>[0]
type Get = () => AppState

/**
 * The passphrase of the remembered private keys while they are open in this tab. Module memory, not
 * state: state is what may be persisted, and the passphrase never is.
 */
let passphrase: string | null = null
/** Counts seals, so that a slow seal never overwrites a newer one (and none lands after forgetting). */
let sealRun = 0

/** Drops the passphrase; a seal still running is not written. */
export function forgetPassphrase(): void {
  passphrase = null
  sealRun++
}

const privateEntries = (s: AppState) => s.keyEntries.filter((e) => e.visibility === 'private')

/** Seals the private entries again with the passphrase in memory; without one, nothing changes. */
export async function reseal(set: Set, get: Get): Promise<void> {
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

export async function verifyWithEveryKey(get: Get): Promise<void> {
  get().setVerificationKey((await loadKeyStore()).keyStoreJwks(get().keyEntries), 'utf8')
}

export async function rememberPrivateKeys(set: Set, get: Get, typed: string): Promise<Result<void>> {
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
}

export async function unlockKeyStore(set: Set, get: Get, typed: string): Promise<Result<void>> {
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
}

/** Names are cut where the core cuts them; the host is added after the key's own name. */
const MAX_NAME = 100

export async function addFetchedKeys(get: Get, keyText: string, keyUrl: string): Promise<Result<readonly KeyStoreEntry[]>> {
  const made = await (await loadKeyStore()).keyStoreEntries(keyText, { origin: 'discovered', encoding: 'utf8' })
  if (!made.ok) return err(made.error.code, `The fetched keys could not be added: ${made.error.message}`)
  let host = keyUrl
  try {
    host = new URL(keyUrl).host
  } catch {
    // The URL was requested, so it parses; the whole text names it otherwise.
  }
  const entries = made.value.map((e) => ({ ...e, name: `${e.name} (${host})`.slice(0, MAX_NAME) }))
  get().addKeyEntries(entries)
  return ok(entries)
}
