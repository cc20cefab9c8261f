import { useId, useState } from 'react'
import { keyTextUrl, verifyingEncodings, type SecretEncoding } from '../../core'
import { Panel } from '../../components/panel'
import { Button, InlineSelect } from '../../components/ui'
import { useLatest } from '../../hooks/use-latest'
import { useShownToken } from '../../session/shown-token'
import { useParsedKey } from '../../session/use-parsed-key'
import { useVerification, type VerificationView } from '../../session/use-verification'
import { useAppStore } from '../../store/app-store'
import { describeKeyInput, describeParsedKey } from './describe-key-input'
import { KeyDiscovery } from './key-discovery'

const encodings: readonly { value: SecretEncoding; label: string }[] = [
  { value: 'utf8', label: 'UTF-8' },
  { value: 'base64url', label: 'base64url' },
  { value: 'base64', label: 'base64' },
  { value: 'hex', label: 'hex' },
]

/** Algorithm families whose keys are never text secrets. */
const ASYMMETRIC_PREFIXES: readonly string[] = ['RS', 'PS', 'ES', 'Ed', 'ML-DSA']

const statusStyle: Readonly<Record<VerificationView['status'], string>> = {
  verified: 'border-emerald-500 bg-emerald-50 text-emerald-900 dark:border-emerald-500 dark:bg-emerald-950 dark:text-emerald-100',
  invalid: 'border-rose-500 bg-rose-50 text-rose-900 dark:border-rose-500 dark:bg-rose-950 dark:text-rose-100',
  'not-checked': 'border-slate-300 bg-slate-50 text-slate-800 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100',
  pending: 'border-slate-300 bg-slate-50 text-slate-800 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100',
}

/** The verification key, its detected format, and the signature verdict of the current token. */
export function SignaturePanel() {
  const keyText = useAppStore((s) => s.verificationKey)
  const typeKeyText = useAppStore((s) => s.typeVerificationKey)
  const encoding = useAppStore((s) => s.secretEncoding)
  const setEncoding = useAppStore((s) => s.setSecretEncoding)
  const setVerificationKey = useAppStore((s) => s.setVerificationKey)
  const parsed = useParsedKey(keyText, encoding)
  const checked = useVerification()
  // A URL in the key box is a place to fetch keys from, never an HMAC secret (the core says so in the verdict).
  const keyUrl = keyTextUrl(keyText)
  const verification = checked
  // The keys discovery put into the box, while the box still holds exactly them.
  const [fetched, setFetched] = useState<FetchedKey | null>(null)
  const current = fetched !== null && fetched.keyText === keyText ? fetched : undefined
  const origin = current?.origin
  const onFetched = (fetchedText: string, fetchedOrigin: string, keyUrl: string) => {
    setFetched({ keyText: fetchedText, origin: fetchedOrigin, keyUrl })
    setVerificationKey(fetchedText)
  }
  const decoded = useShownToken()
  const keyId = useId()
  // How text turns into bytes matters only for an HMAC secret: shown for HS* tokens, tokens without
  // a usable alg, and whenever the key box holds a secret (e.g. a confusion attempt on an RS256 token).
  const alg = decoded.alg
  const showEncoding =
    alg === undefined || alg.startsWith('HS') || !ASYMMETRIC_PREFIXES.some((p) => alg.startsWith(p))
      || (parsed.status === 'ok' && parsed.input.format === 'secret' && keyUrl === undefined)
  const infoId = useId()

  return (
    <Panel title="Verify signature">
      <div className="flex flex-col gap-2">
        <div
          role="status"
          aria-label="Signature"
          aria-busy={verification.status === 'pending'}
          className={`rounded border-l-4 px-3 py-2 text-sm font-medium [overflow-wrap:anywhere] ${statusStyle[verification.status]}`}
        >
          {verification.text}
          {origin !== undefined && verification.status !== 'pending' && <> <span className="block font-normal">{origin}</span></>}
        </div>
        {verification.status === 'invalid' && parsed.status === 'ok' && parsed.input.format === 'secret' && keyUrl === undefined && (
          <EncodingOffer keyText={keyText} encoding={encoding} onUse={setEncoding} />
        )}
        <label htmlFor={keyId} className="text-sm font-medium">Verification key</label>
        <textarea
          id={keyId}
          value={keyText}
          onChange={(e) => typeKeyText(e.target.value)}
          aria-describedby={infoId}
          spellCheck={false}
          autoComplete="off"
          rows={5}
          placeholder="HMAC secret, PEM public key or certificate, JWK or JWKS"
          className="w-full resize-y rounded border border-slate-300 bg-white p-2 font-mono text-xs break-all dark:border-slate-600 dark:bg-slate-950"
        />
        <KeyDiscovery decoded={decoded} keyText={keyText} onFetched={onFetched} />
        {current !== undefined && <AddFetchedKeys key={current.keyUrl} fetched={current} />}
        <div hidden={!showEncoding} className="flex flex-wrap items-center gap-2 text-sm">
          <InlineSelect label="Secret encoding" value={encoding} options={encodings} onChange={setEncoding} />
          <span className="text-xs text-slate-600 dark:text-slate-400">(how an HMAC secret&apos;s text turns into bytes)</span>
        </div>
        <div id={infoId} className="text-xs text-slate-700 dark:text-slate-300">
          {keyUrl !== undefined ? <p>Detected: a URL — not read as a secret.</p> : <KeyInfo parsed={parsed} />}
        </div>
      </div>
    </Panel>
  )
}

/** Keys that discovery put into the box, and where from. */
interface FetchedKey {
  readonly keyText: string
  readonly origin: string
  readonly keyUrl: string
}

/** Offers to keep the fetched keys in the key store (as `discovered` entries), and says what it did. */
function AddFetchedKeys({ fetched }: { readonly fetched: FetchedKey }) {
  const addFetchedKeys = useAppStore((s) => s.addFetchedKeys)
  const [said, setSaid] = useState<{ readonly tone: 'info' | 'error'; readonly text: string } | null>(null)
  const add = async () => {
    const added = await addFetchedKeys(fetched.keyText, fetched.keyUrl)
    if (!added.ok) setSaid({ tone: 'error', text: added.error.message })
    else setSaid({ tone: 'info', text: `Added to the key store: ${added.value.map((e) => `"${e.name}"`).join(', ')}.` })
  }
  return (
    <div className="flex flex-col items-start gap-1 text-sm">
      {said === null ? (
        <Button size="sm" onClick={() => void add()}>Add fetched keys to the key store</Button>
      ) : (
        <p role={said.tone === 'error' ? 'alert' : 'status'} className={said.tone === 'error' ? 'text-rose-700 dark:text-rose-300' : ''}>{said.text}</p>
      )}
    </div>
  )
}

/**
 * When an HMAC secret fails under the chosen encoding but another reading of the same text
 * verifies, says so and offers that reading. The verdict stays as it is until the user switches.
 */
function EncodingOffer({ keyText, encoding, onUse }: { readonly keyText: string; readonly encoding: SecretEncoding; readonly onUse: (e: SecretEncoding) => void }) {
  const decoded = useShownToken()
  const found = useLatest([decoded.token, keyText], () => verifyingEncodings(decoded, keyText))
  if (found.status !== 'done') return null
  const other = found.value.find((e) => e !== encoding)
  if (other === undefined) return null
  const label = labelOf(other)
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm text-amber-900 dark:text-amber-100">
      <p>This secret verifies the signature when read as {label}, not {labelOf(encoding)}.</p>
      <Button size="sm" onClick={() => onUse(other)}>Use {label}</Button>
    </div>
  )
}

function labelOf(encoding: SecretEncoding): string {
  return encodings.find((e) => e.value === encoding)?.label ?? encoding
}

function KeyInfo({ parsed }: { readonly parsed: ReturnType<typeof useParsedKey> }) {
  switch (parsed.status) {
    case 'empty':
      return <p>No key yet.</p>
    case 'pending':
      return <p>Reading the key…</p>
    case 'error':
      return <p className="text-rose-700 dark:text-rose-300">{parsed.error.message}</p>
    case 'ok': {
      const { input } = parsed
      return (
        <div className="flex flex-col gap-1">
          <p className="break-words">Detected: {describeKeyInput(input)}</p>
          {input.keys.length > 1 && (
            <ul className="list-disc pl-5">
              {input.keys.map((k, i) => (
                <li key={i} className="break-words">{describeParsedKey(k)}</li>
              ))}
            </ul>
          )}
          {input.notes.map((n, i) => (
            <p key={i} className="break-words text-amber-800 dark:text-amber-200">{n}</p>
          ))}
        </div>
      )
    }
  }
}
