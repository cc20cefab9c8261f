import { useId, useState } from 'react'
import { markAes192, useAes192Support } from './use-aes192'
import type { JweModule, JweSerialization, SecretEncoding } from '../../core'
import { Alert, Button, InlineSelect } from '../../components/ui'
import { useAppStore } from '../../store/app-store'
import { SECRET_ENCODING_OPTIONS, takesSharedSecret } from './secret-encodings'
import { useJweModule } from './use-jwe-module'

const UNLOADED =
  'The encryption code could not be loaded: it did not arrive (offline before the app was stored for offline use?). The token and keys on the page are unchanged. Connect to the network and open Encrypt again.'

const SERIALIZATIONS: readonly { readonly value: JweSerialization; readonly label: string }[] = [
  { value: 'compact', label: 'Compact' },
  { value: 'flattened', label: 'JSON (flattened)' },
  { value: 'general', label: 'JSON (general)' },
]

/** The encryption form, once the JWE engine has arrived. */
export function EncryptPanel() {
  const loaded = useJweModule()
  if (loaded.status === 'loading') return <p className="text-sm text-slate-600 dark:text-slate-300">Loading the encryption form…</p>
  if (loaded.status === 'failed') return <Alert tone="error">{UNLOADED}</Alert>
  return <EncryptForm jwe={loaded.jwe} />
}

/** What happened at the last press of `Encrypt the token`. */
type Outcome = { readonly kind: 'done'; readonly text: string } | { readonly kind: 'error'; readonly text: string }

/** A key pair made here: the private part opens what the public part encrypted. */
interface Generated {
  readonly recipient: string
  readonly decryption: string
  readonly encoding: SecretEncoding
}

/**
 * Wraps the current token (a nested JWT, `cty: "JWT"`) or whatever text is in the token box into a
 * JWE for the recipient's key; the JWE then becomes the token. A shared key or password, or a key
 * generated here, also goes into `Decryption key`, so the result can be opened at once.
 */
function EncryptForm({ jwe }: { readonly jwe: JweModule }) {
  const token = useAppStore((s) => s.token)
  const alg = useAppStore((s) => s.encryptionAlg)
  const enc = useAppStore((s) => s.encryptionEnc)
  const setChoice = useAppStore((s) => s.setEncryptionChoice)
  const recipientKey = useAppStore((s) => s.recipientKey)
  const setRecipientKey = useAppStore((s) => s.setRecipientKey)
  const encoding = useAppStore((s) => s.recipientEncoding)
  const setEncoding = useAppStore((s) => s.setRecipientEncoding)
  const takeEncryptedToken = useAppStore((s) => s.takeEncryptedToken)
  const [serialization, setSerialization] = useState<JweSerialization>('compact')
  const [busy, setBusy] = useState(false)
  const [outcome, setOutcome] = useState<Outcome | null>(null)
  const [generated, setGenerated] = useState<Generated | null>(null)
  const aes192 = useAes192Support()
  const keyId = useId()
  const hintId = useId()
  const shared = takesSharedSecret(alg)
  const password = alg.startsWith('PBES2')

  const encrypt = async () => {
    setBusy(true)
    const result = await jwe.encryptJwe({ plaintext: token, alg, enc, keyText: recipientKey, encoding, serialization })
    setBusy(false)
    if (!result.ok) {
      setOutcome({ kind: 'error', text: result.error.message })
      return
    }
    // The same secret opens what it sealed; a generated pair's private key opens what its public key sealed.
    const opener = generated !== null && generated.recipient === recipientKey
      ? { text: generated.decryption, encoding: generated.encoding }
      : shared || password ? { text: recipientKey, encoding: password ? 'utf8' as const : encoding } : undefined
    takeEncryptedToken(result.value.token, opener)
    setOutcome({
      kind: 'done',
      text: `Encrypted for ${result.value.keyDescription} with ${alg} and ${enc}: the JWE is now the encoded token.${opener === undefined ? ' To open it, paste the recipient\'s private key into Decryption key.' : ' Its key is in Decryption key.'}`,
    })
  }

  // A password is typed, never generated.
  const generate = password ? undefined : async () => {
    setBusy(true)
    // A `dir` key is sized for the chosen content encryption.
    const made = await jwe.generateEncryptionKey(alg, { enc: jwe.CONTENT_ENCRYPTION_ALGORITHMS.find((e) => e === enc) })
    setBusy(false)
    if (!made.ok) {
      setOutcome({ kind: 'error', text: made.error.message })
      return
    }
    const { publicText, privateText } = made.value
    // A shared key is base64url text; a key pair's public PEM encrypts and its private PEM decrypts.
    const pair = publicText === undefined
      ? { recipient: privateText, decryption: privateText, encoding: 'base64url' as const }
      : { recipient: publicText, decryption: privateText, encoding: 'utf8' as const }
    setGenerated(pair)
    setRecipientKey(pair.recipient, pair.encoding)
    setOutcome({ kind: 'done', text: `Generated ${made.value.kty === 'oct' ? `a ${made.value.bits}-bit shared key` : `a ${made.value.kty} key pair (${made.value.crv ?? `${made.value.bits} bits`})`} for ${alg}, kid ${made.value.kid}: ${publicText === undefined ? 'the key' : 'the public key'} is in Recipient key; encrypting puts ${publicText === undefined ? 'it' : 'the private key'} into Decryption key.` })
  }

  return (
    <div className="flex flex-col gap-3">
      <p className="text-sm text-slate-700 dark:text-slate-200">
        Encrypts the text in Encoded token for a recipient. A signed token becomes a nested JWT (signed, then encrypted; the header says <code>&quot;cty&quot;: &quot;JWT&quot;</code>).
      </p>
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
        <InlineSelect label="Key management algorithm" value={alg} options={markAes192(jwe.KEY_MANAGEMENT_ALGORITHMS, aes192)} onChange={(a) => setChoice({ alg: a })} labelClassName="font-medium" />
        <InlineSelect label="Content encryption" value={enc} options={markAes192(jwe.CONTENT_ENCRYPTION_ALGORITHMS, aes192)} onChange={(e) => setChoice({ enc: e })} labelClassName="font-medium" />
        <InlineSelect label="JWE serialization" value={serialization} options={SERIALIZATIONS} onChange={setSerialization} />
      </div>
      {aes192 === false && (alg.includes('192') || enc.includes('192')) && (
        <p className="text-sm text-amber-800 dark:text-amber-200">
          This browser&apos;s WebCrypto has no 192-bit AES (Chromium refuses such keys), so {alg.includes('192') ? alg : enc} cannot run here: choose a 128- or 256-bit one, or use Firefox or Safari.
        </p>
      )}
      <label htmlFor={keyId} className="text-sm font-medium">Recipient key</label>
      <textarea
        id={keyId}
        value={recipientKey}
        onChange={(e) => setRecipientKey(e.target.value)}
        aria-describedby={hintId}
        spellCheck={false}
        autoComplete="off"
        rows={4}
        placeholder={password ? 'The password both sides know' : shared ? 'The shared key both sides know' : 'The recipient\'s public key: PEM, JWK or JWKS'}
        className="w-full resize-y rounded border border-slate-300 bg-white p-2 font-mono text-xs break-all dark:border-slate-600 dark:bg-slate-950"
      />
      <p id={hintId} className="text-xs text-slate-600 dark:text-slate-400">
        {password ? 'A password, used as UTF-8 text.' : shared ? 'A shared key of exactly the size the algorithm needs, in the encoding chosen below (or an "oct" JWK).' : 'A public key (a private key or certificate gives its public key). Never stored.'}
      </p>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <div hidden={!shared} className="contents">
          <InlineSelect label="Recipient key encoding" value={encoding} options={SECRET_ENCODING_OPTIONS} onChange={setEncoding} />
        </div>
        <Button variant="primary" disabled={busy || token.trim() === '' || recipientKey.trim() === ''} onClick={() => void encrypt()}>Encrypt the token</Button>
        {generate !== undefined && <Button disabled={busy} onClick={() => void generate()}>Generate encryption key</Button>}
      </div>
      {outcome !== null && (
        <Alert tone={outcome.kind === 'error' ? 'error' : 'info'} role={outcome.kind === 'error' ? 'alert' : 'status'}>{outcome.text}</Alert>
      )}
    </div>
  )
}
