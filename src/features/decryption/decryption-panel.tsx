import { useId, useState } from 'react'
import { DEFAULT_MAX_PBES2_COUNT, loadJwe, type JweDecryption } from '../../core'
import { Panel } from '../../components/panel'
import { Alert, Button, InlineSelect, LabelledText } from '../../components/ui'
import { useLatest } from '../../hooks/use-latest'
import { useShownToken } from '../../session/shown-token'
import { useAppStore } from '../../store/app-store'
import { JweSteps } from './jwe-steps'
import { KeyFindings } from './key-findings'
import { SECRET_ENCODING_OPTIONS, hexPreview, takesSharedSecret } from './secret-encodings'

/** What a decryption attempt came to: the core's answer, or the engine's code failing to load. */
type Attempt =
  | { readonly kind: 'done'; readonly result: Awaited<ReturnType<Awaited<ReturnType<typeof loadJwe>>['decryptJwe']>> }
  | { readonly kind: 'unloaded' }

const UNLOADED =
  'The decryption code could not be loaded: it did not arrive (offline before the app was stored for offline use?). The token and keys on the page are unchanged. Connect to the network and change the key to try again.'

/** Higher PBES2 bounds the user may allow, each an explicit choice (a huge count is a known DoS). */
const PBES2_BOUNDS: readonly { readonly value: number; readonly label: string }[] = [
  { value: DEFAULT_MAX_PBES2_COUNT, label: `${DEFAULT_MAX_PBES2_COUNT.toLocaleString('en-US')} (default)` },
  { value: 10_000_000, label: '10,000,000' },
  { value: 100_000_000, label: '100,000,000 (slow)' },
]

/**
 * The Decryption region of a JWE: the key box, each step of the decryption with its verdict, the
 * plaintext (as text, never as markup) and, for a nested JWT, the way into the inner token.
 */
export function DecryptionPanel() {
  const decoded = useShownToken()
  const token = decoded.token
  const keyText = useAppStore((s) => s.decryptionKey)
  const setKeyText = useAppStore((s) => s.setDecryptionKey)
  const encoding = useAppStore((s) => s.decryptionEncoding)
  const setEncoding = useAppStore((s) => s.setDecryptionEncoding)
  const openInnerToken = useAppStore((s) => s.openInnerToken)
  const [maxPbes2Count, setMaxPbes2Count] = useState(DEFAULT_MAX_PBES2_COUNT)
  const keyId = useId()
  const hintId = useId()
  const headingId = useId()
  const hasKey = keyText.trim() !== ''
  const attempt = useLatest<Attempt>(hasKey ? [token, keyText, encoding, maxPbes2Count] : null, async () => {
    let jwe: Awaited<ReturnType<typeof loadJwe>>
    try {
      jwe = await loadJwe()
    } catch {
      return { kind: 'unloaded' }
    }
    return { kind: 'done', result: await jwe.decryptJwe({ text: token, keyText, encoding, maxPbes2Count }) }
  })
  // A JSON-serialized JWE keeps "alg" in its recipients' headers, which the decoder does not read:
  // once a decryption ran, its header says which algorithm the key is for.
  const decrypted = attempt.status === 'done' ? attempt.value : attempt.status === 'pending' && attempt.previous?.key[0] === token ? attempt.previous.value : undefined
  const alg = decrypted?.kind === 'done' && decrypted.result.ok ? decrypted.result.value.alg : decoded.alg

  return (
    <section aria-labelledby={headingId} className="min-w-0">
      <Panel title="Decryption" headingId={headingId}>
        <div className="flex flex-col gap-3">
          <p className="text-sm text-slate-700 dark:text-slate-200">
            This token is encrypted (JWE). Its protected header is readable; the content needs the recipient&apos;s key. Decryption runs in this tab: the key never leaves it and is never stored.
          </p>
          <label htmlFor={keyId} className="text-sm font-medium">Decryption key</label>
          <textarea
            id={keyId}
            value={keyText}
            onChange={(e) => setKeyText(e.target.value)}
            aria-describedby={hintId}
            spellCheck={false}
            autoComplete="off"
            rows={5}
            placeholder="Private PEM or JWK (or a JWKS: picked by kid), a shared secret, or a PBES2 password"
            className="w-full resize-y rounded border border-slate-300 bg-white p-2 font-mono text-xs break-all dark:border-slate-600 dark:bg-slate-950"
          />
          <p id={hintId} className="text-xs text-slate-600 dark:text-slate-400">{keyHint(alg)}</p>
          <div className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
            <div hidden={!takesSharedSecret(alg)} className="contents">
              <InlineSelect label="Decryption secret encoding" value={encoding} options={SECRET_ENCODING_OPTIONS} onChange={setEncoding} />
            </div>
            {alg?.startsWith('PBES2') === true && (
              <InlineSelect label="Highest PBES2 count" value={maxPbes2Count} options={PBES2_BOUNDS} onChange={setMaxPbes2Count} />
            )}
          </div>
          {attempt.status === 'idle' && <p className="text-sm text-slate-600 dark:text-slate-300">Not decrypted yet: type or paste the decryption key.</p>}
          {attempt.status === 'pending' && <p role="status" className="text-sm text-slate-600 dark:text-slate-300">Decrypting…</p>}
          {attempt.status === 'done' && <Outcome attempt={attempt.value} onOpenInner={openInnerToken} />}
        </div>
      </Panel>
    </section>
  )
}

/** What the key box expects for this token's key management algorithm. */
function keyHint(alg: string | undefined): string {
  if (alg === undefined) return 'The header names no key management algorithm ("alg"), so any key is tried as it reads.'
  if (alg.startsWith('RSA-OAEP')) return `"${alg}": the recipient's RSA private key (PEM or private JWK; in a JWKS the "kid" picks it).`
  if (alg.startsWith('ECDH-ES')) return `"${alg}": the recipient's EC (P-256, P-384, P-521) or X25519 private key, on the curve of "epk".`
  if (alg.startsWith('PBES2')) return `"${alg}": the password, as typed (UTF-8).`
  if (alg === 'dir') return '"dir": the shared content encryption key itself, in the encoding chosen below.'
  if (/^A(128|192|256)(GCM)?KW$/.test(alg)) return `"${alg}": the shared AES key-wrapping key, in the encoding chosen below.`
  return `"${alg}": the key the sender encrypted for.`
}

function Outcome({ attempt, onOpenInner }: { readonly attempt: Attempt; readonly onOpenInner: (inner: string) => void }) {
  if (attempt.kind === 'unloaded') return <Alert tone="error">{UNLOADED}</Alert>
  const { result } = attempt
  if (!result.ok) return <Alert tone="error">{result.error.message}</Alert>
  return <Decrypted decryption={result.value} onOpenInner={onOpenInner} />
}

function Decrypted({ decryption, onOpenInner }: { readonly decryption: JweDecryption; readonly onOpenInner: (inner: string) => void }) {
  const failed = decryption.steps.find((s) => s.verdict === 'fail')
  const { recipient, key, plaintext, plaintextText, innerToken } = decryption
  return (
    <div className="flex min-w-0 flex-col gap-3">
      <div
        role="status"
        aria-label="Decryption result"
        className={`rounded border-l-4 px-3 py-2 text-sm font-medium [overflow-wrap:anywhere] ${failed === undefined && plaintext !== undefined ? 'border-emerald-500 bg-emerald-50 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100' : 'border-rose-500 bg-rose-50 text-rose-900 dark:bg-rose-950 dark:text-rose-100'}`}
      >
        {failed !== undefined ? `Not decrypted: the step "${failed.title}" failed.` : plaintext !== undefined ? `Decrypted (${decryption.alg}, ${decryption.enc}).` : 'Not decrypted.'}
      </div>
      <div className="flex flex-col gap-1 text-sm">
        {recipient.count > 1 && <LabelledText label="Recipient">{`${recipient.index + 1} of ${recipient.count}`}</LabelledText>}
        {key !== undefined && <LabelledText label="Key">{key.description}</LabelledText>}
      </div>
      <KeyFindings findings={decryption.findings} />
      <JweSteps steps={decryption.steps} />
      {plaintext !== undefined && (
        <div className="flex min-w-0 flex-col gap-1">
          <div className="flex flex-wrap items-center gap-2">
            <h3 className="text-base font-semibold">Plaintext</h3>
            <span className="text-xs text-slate-600 dark:text-slate-400">{plaintext.length.toLocaleString('en-US')} bytes{plaintextText === undefined ? ', not UTF-8 text: shown as hex' : ''}</span>
            {innerToken !== undefined && <Button size="sm" variant="primary" onClick={() => onOpenInner(innerToken)}>Open the inner token</Button>}
          </div>
          {/* Text content only: the plaintext is the sender's, so it is never interpreted as markup. */}
          <pre aria-label="Plaintext" tabIndex={0} className="max-h-80 overflow-auto rounded bg-slate-100 px-2 py-1 font-mono text-[13px] break-all whitespace-pre-wrap text-slate-900 dark:bg-slate-800 dark:text-slate-100">
            {plaintextText ?? hexPreview(plaintext)}
          </pre>
          {innerToken !== undefined && (
            <p className="text-xs text-slate-600 dark:text-slate-400">A nested JWT: the plaintext is a token itself. Open it to decode, verify and check it with the whole page; the encrypted token stays one click away.</p>
          )}
        </div>
      )}
    </div>
  )
}
