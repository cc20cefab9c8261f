import { useId, useState } from 'react'
import { generateSigningKey, loadKeyStore, type KeyOrigin, type KeyStoreEntry, type Result } from '../../core'
import { CopyButton } from '../../components/copy-button'
import { Alert, Button, TextField, codeControlClass } from '../../components/ui'
import type { AppState } from '../../store/app-state'
import { useAppFields } from '../../store/app-store'

/** Files larger than this are not read: no key file is anywhere near it. */
const MAX_KEY_FILE_BYTES = 1024 * 1024

interface Notice {
  readonly tone: 'error' | 'info'
  readonly text: string
}

/**
 * The body of the `Key store` panel. Named keys kept in the page: added from the verification key, a paste, a generated key or a file;
 * each can be put into the verification, signing or decryption key box. Private keys are remembered
 * only with the opt-in, sealed with a passphrase the user types.
 */
export function KeyStorePanel() {
  const fileId = useId()
  const s = useAppFields(
    'keyEntries', 'keyStoreLocked', 'keyStoreRemembering', 'rememberSecrets', 'verificationKey', 'secretEncoding', 'algorithm',
    'addKeyEntries', 'removeKeyEntry', 'useKeyToVerify', 'useKeyToSign', 'useKeyToDecrypt', 'verifyWithEveryKey', 'rememberPrivateKeys', 'lockKeyStore', 'unlockKeyStore',
  )
  const [name, setName] = useState('')
  const [pasted, setPasted] = useState('')
  const [passphrase, setPassphrase] = useState('')
  const [notice, setNotice] = useState<Notice | null>(null)
  const [exported, setExported] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const add = async (text: string, origin: KeyOrigin, encoding: 'utf8' | 'base64url' | 'base64' | 'hex', fallbackName?: string) => {
    const chosen = name.trim() === '' ? fallbackName : name
    const made = await (await loadKeyStore()).keyStoreEntries(text, { origin, encoding, ...(chosen === undefined ? {} : { name: chosen }) })
    if (!made.ok) {
      setNotice({ tone: 'error', text: made.error.message })
      return
    }
    s.addKeyEntries(made.value)
    setName('')
    setNotice({ tone: 'info', text: `Added ${made.value.map((e) => `"${e.name}"`).join(', ')}.` })
  }

  const generate = async () => {
    if (s.algorithm === 'none') {
      setNotice({ tone: 'error', text: 'The algorithm is "none", which has no key. Pick an algorithm under Signing first.' })
      return
    }
    const generated = await generateSigningKey(s.algorithm)
    if (!generated.ok) {
      setNotice({ tone: 'error', text: generated.error.message })
      return
    }
    await add(generated.value.privateText, 'generated', generated.value.encoding, `${s.algorithm} key`)
  }

  const readFile = async (file: File | undefined) => {
    if (file === undefined) return
    if (file.size > MAX_KEY_FILE_BYTES) {
      setNotice({ tone: 'error', text: `"${file.name}" is larger than 1 MB, too large to be a key file. Pick the key file itself.` })
      return
    }
    await add(await file.text(), 'file', 'utf8', file.name)
  }

  const passphraseAction = async (action: (p: string) => Promise<Result<void>>, done: string) => {
    setBusy(true)
    const r = await action(passphrase)
    setBusy(false)
    if (!r.ok) {
      setNotice({ tone: 'error', text: r.error.message })
      return
    }
    setPassphrase('')
    setNotice({ tone: 'info', text: done })
  }

  const hasPrivate = s.keyEntries.some((e) => e.visibility === 'private')
  const exportJwks = async (entries: readonly KeyStoreEntry[]) => setExported((await loadKeyStore()).keyStoreJwks(entries))

  return (
        <div className="flex flex-col gap-3 text-sm">
          <p className="text-slate-700 dark:text-slate-300">
            Named keys kept in this page. Public keys are remembered on this device; private keys and secrets only with
            &ldquo;Remember tokens and secrets on this device&rdquo;, and then encrypted with a passphrase you type (it is never stored).
          </p>
          <TextField label="Key name" value={name} onChange={setName} placeholder="Optional: a name for the next key added" />
          <div className="flex flex-wrap items-center gap-2">
            <Button size="sm" disabled={s.verificationKey.trim() === ''} onClick={() => void add(s.verificationKey, 'pasted', s.secretEncoding)}>
              Add the verification key
            </Button>
            <Button size="sm" onClick={() => void generate()}>Generate and add</Button>
            <label htmlFor={fileId} className="text-sm">Add from file</label>
            <input id={fileId} type="file" className="text-xs" onChange={(e) => { void readFile(e.target.files?.[0]); e.target.value = '' }} />
          </div>
          <TextField label="Key to add" value={pasted} onChange={setPasted} rows={3} code spellCheck={false} placeholder="PEM, JWK or JWKS (one entry per key), or an HMAC secret" />
          <div>
            <Button size="sm" disabled={pasted.trim() === ''} onClick={() => void add(pasted, 'pasted', 'utf8').then(() => setPasted(''))}>
              Add pasted key
            </Button>
          </div>
          {notice !== null && (
            <Alert tone={notice.tone === 'error' ? 'error' : 'info'} role={notice.tone === 'error' ? 'alert' : 'status'}>
              {notice.text}
            </Alert>
          )}
          {s.keyEntries.length === 0 ? (
            <p className="text-slate-600 dark:text-slate-400">{s.keyStoreLocked ? 'No keys open: the private keys are locked.' : 'No keys yet.'}</p>
          ) : (
            <ul aria-label="Stored keys" className="flex flex-col gap-2">
              {s.keyEntries.map((entry) => (
                <EntryItem key={entry.id} entry={entry} s={s} onExport={() => void exportJwks([entry])} />
              ))}
            </ul>
          )}
          <div className="flex flex-wrap items-center gap-2">
            <Button size="sm" disabled={!s.keyEntries.some((e) => e.kty !== 'oct')} onClick={() => void s.verifyWithEveryKey()}>
              Verify with every key
            </Button>
            <Button size="sm" disabled={s.keyEntries.length === 0} onClick={() => void exportJwks(s.keyEntries)}>Export JWKS</Button>
          </div>
          {exported !== null && (
            <div className="flex flex-col gap-1">
              <div className="flex items-center gap-2">
                <label htmlFor={`${fileId}-jwks`} className="text-sm font-medium">Exported JWKS</label>
                <CopyButton text={exported} label="Copy JWKS" />
              </div>
              <textarea id={`${fileId}-jwks`} readOnly rows={6} value={exported} className={codeControlClass} />
            </div>
          )}
          <RememberControls
            s={s}
            hasPrivate={hasPrivate}
            busy={busy}
            passphrase={passphrase}
            setPassphrase={setPassphrase}
            remember={() => void passphraseAction(s.rememberPrivateKeys, 'The private keys are stored encrypted with your passphrase. Type it again after a reload to unlock them.')}
            unlock={() => void passphraseAction(s.unlockKeyStore, 'Unlocked: the stored private keys are open in this tab.')}
            lock={() => {
              s.lockKeyStore()
              setNotice({ tone: 'info', text: 'Locked: the private keys are closed in this tab and stay encrypted on this device.' })
            }}
          />
        </div>
  )
}

type StoreFields = Pick<AppState, 'keyEntries' | 'keyStoreLocked' | 'keyStoreRemembering' | 'rememberSecrets' | 'removeKeyEntry' | 'useKeyToVerify' | 'useKeyToSign' | 'useKeyToDecrypt'>

function EntryItem({ entry, s, onExport }: { readonly entry: KeyStoreEntry; readonly s: StoreFields; readonly onExport: () => void }) {
  const isPrivate = entry.visibility === 'private'
  return (
    <li aria-label={entry.name} className="rounded border border-slate-200 p-2 dark:border-slate-700">
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <span className="font-semibold">{entry.name}</span>
        <span>{entry.kind}</span>
        <span>{isPrivate ? 'private' : 'public'}</span>
        <span>origin: {entry.origin}</span>
      </div>
      <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-2 font-mono text-xs break-all">
        <dt>kid</dt>
        <dd>{entry.kid ?? '(none)'}</dd>
        <dt>thumbprint</dt>
        <dd>{entry.thumbprint}</dd>
        {entry.alg !== undefined && (
          <>
            <dt>alg</dt>
            <dd>{entry.alg}</dd>
          </>
        )}
      </dl>
      <div className="mt-2 flex flex-wrap gap-2">
        <Button size="xs" onClick={() => s.useKeyToVerify(entry.id)}>Use to verify</Button>
        {isPrivate && <Button size="xs" onClick={() => s.useKeyToSign(entry.id)}>Use to sign</Button>}
        {isPrivate && <Button size="xs" onClick={() => s.useKeyToDecrypt(entry.id)}>Use to decrypt</Button>}
        {/* A secret has no public part to export; the store's JWKS leaves it out too. */}
        {entry.kty !== 'oct' && <Button size="xs" onClick={onExport}>Export as JWKS</Button>}
        <Button size="xs" variant="danger" onClick={() => s.removeKeyEntry(entry.id)}>Remove</Button>
      </div>
    </li>
  )
}

interface RememberProps {
  readonly s: StoreFields
  readonly hasPrivate: boolean
  readonly busy: boolean
  readonly passphrase: string
  readonly setPassphrase: (p: string) => void
  readonly remember: () => void
  readonly unlock: () => void
  readonly lock: () => void
}

function RememberControls({ s, hasPrivate, busy, passphrase, setPassphrase, remember, unlock, lock }: RememberProps) {
  const id = useId()
  if (!s.rememberSecrets) {
    return hasPrivate ? (
      <p className="text-slate-600 dark:text-slate-400">
        The private keys stay in this tab only. To remember them, tick &ldquo;Remember tokens and secrets on this device&rdquo;
        under Settings; they are then stored encrypted with a passphrase.
      </p>
    ) : null
  }
  if (!hasPrivate && !s.keyStoreLocked && !s.keyStoreRemembering) return null
  const needsPassphrase = s.keyStoreLocked || !s.keyStoreRemembering
  return (
    <div className="flex flex-wrap items-end gap-2">
      <p className="w-full text-slate-700 dark:text-slate-300">
        {s.keyStoreLocked
          ? 'Locked: private keys are stored encrypted. Type the passphrase to unlock them.'
          : s.keyStoreRemembering
            ? 'The private keys are stored encrypted with your passphrase.'
            : 'Type a passphrase to store the private keys encrypted on this device. The passphrase itself is never stored.'}
      </p>
      {needsPassphrase && (
        <div className="flex flex-col gap-1">
          <label htmlFor={id} className="text-sm font-medium">Passphrase</label>
          <input id={id} type="password" autoComplete="off" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} className={codeControlClass} />
        </div>
      )}
      {s.keyStoreLocked ? (
        <Button size="sm" disabled={busy || passphrase === ''} onClick={unlock}>Unlock</Button>
      ) : s.keyStoreRemembering ? (
        <Button size="sm" onClick={lock}>Lock</Button>
      ) : (
        <Button size="sm" disabled={busy || passphrase === ''} onClick={remember}>Remember private keys</Button>
      )}
    </div>
  )
}
