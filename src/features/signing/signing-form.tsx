import { useId, useRef, useState } from 'react'
import { MAX_JWS_SIGNATURES, SIGNING_ALGORITHMS, type GenerateKeyOptions, type JWK, type JwsAlgorithm, type ParsedKey, type SecretEncoding } from '../../core'
import { Button, InlineSelect } from '../../components/ui'
import { generateKeyInWorker } from '../../workers/keygen-client'
import { parseKeyCached, useParsedKey } from '../../session/use-parsed-key'
import { useAppFields, useAppStore } from '../../store/app-store'
import { KeyExport } from './key-export'
import { ExtraSignerFields, type ExtraSignerState } from './extra-signer'
import { resign, type ResignRequest, type Serialization, type SignOutcome } from './resign'

/** The algorithms offered, in menu order: the core's algorithm table, then the unsecured `none`. */
const ALGORITHMS: readonly JwsAlgorithm[] = [...SIGNING_ALGORITHMS, 'none']

const encodings: readonly { value: SecretEncoding; label: string }[] = [
  { value: 'utf8', label: 'UTF-8' },
  { value: 'base64url', label: 'base64url' },
  { value: 'base64', label: 'base64' },
  { value: 'hex', label: 'hex' },
]

type RsaSize = NonNullable<GenerateKeyOptions['modulusLength']>
const RSA_SIZES: readonly RsaSize[] = [2048, 3072, 4096]

const isRsa = (alg: JwsAlgorithm) => alg.startsWith('RS') || alg.startsWith('PS')

const SERIALIZATIONS: readonly { value: Serialization; label: string }[] = [
  { value: 'compact', label: 'Compact' },
  { value: 'flattened', label: 'JSON (flattened)' },
  { value: 'general', label: 'JSON (general)' },
]

/** The verification key's keys as public JWKs (secrets as they are: HMAC verifies with the secret). */
function verifyingJwk(key: ParsedKey): JWK | undefined {
  return key.kty === 'oct' ? key.jwk : key.publicJwk
}

/** "HS256", "HS256 and ES256", "HS256, RS256 and ES256". */
function listed(algs: readonly string[]): string {
  return algs.length <= 1 ? algs.join('') : `${algs.slice(0, -1).join(', ')} and ${algs[algs.length - 1]}`
}

function signedMessage(outcome: Extract<SignOutcome, { kind: 'signed' }>): string {
  const algs = listed(outcome.algs)
  if (outcome.serialization === 'compact') return `Signed with ${algs}; the encoded token was updated.`
  return `Signed with ${algs} as a JWS in JSON serialization (${outcome.serialization} syntax); the encoded token was updated.`
}


/**
 * The body of the Signing panel: algorithm, signing key (secret, PEM private key or private JWK), key
 * generation in a worker, public key export, the thumbprint as `kid`, and the serialization with its
 * further signatures. Loaded when the panel is first opened.
 */
export function SigningForm() {
  const { algorithm, setAlgorithm, signingKey, setSigningKey, signingEncoding, setSigningEncoding } = useAppFields(
    'algorithm', 'setAlgorithm', 'signingKey', 'setSigningKey', 'signingEncoding', 'setSigningEncoding',
  )
  const parsed = useParsedKey(signingKey, signingEncoding)
  const [outcome, setOutcome] = useState<SignOutcome | null>(null)
  const [generating, setGenerating] = useState(false)
  const [rsaSize, setRsaSize] = useState<RsaSize>(2048)
  // The form of the output and the further signers are choices of this form, like the RSA size;
  // the signed token itself goes to the store. The ref lets a late callback read the newest form.
  const [serialization, setSerialization] = useState<Serialization>('compact')
  const [extras, setExtras] = useState<readonly ExtraSignerState[]>([])
  const form = useRef<{ serialization: Serialization; extras: readonly ExtraSignerState[] }>({ serialization, extras })
  const nextExtraId = useRef(1)
  const keyId = useId()
  const messageId = useId()

  const updateForm = (next: { serialization?: Serialization; extras?: readonly ExtraSignerState[] }) => {
    form.current = { ...form.current, ...next }
    if (next.serialization !== undefined) setSerialization(next.serialization)
    if (next.extras !== undefined) setExtras(next.extras)
  }
  const updateExtra = (id: number, change: Partial<ExtraSignerState>) =>
    updateForm({ extras: form.current.extras.map((e) => (e.id === id ? { ...e, ...change } : e)) })

  const run = async (request: Partial<ResignRequest> = {}) => {
    const state = useAppStore.getState()
    const { serialization: chosen, extras: further } = form.current
    const result = await resign({
      alg: state.algorithm,
      keyText: state.signingKey,
      encoding: state.signingEncoding,
      serialization: chosen,
      extraSigners: further.map(({ alg, keyText, encoding }) => ({ alg, keyText, encoding })),
      ...request,
    })
    if (result.kind !== 'superseded') setOutcome(result)
  }

  const generate = async () => {
    const alg = useAppStore.getState().algorithm
    if (alg === 'none') {
      setOutcome({ kind: 'failed', message: "An unsecured token (alg 'none') uses no key." })
      return
    }
    setGenerating(true)
    const result = await generateKeyInWorker(alg, isRsa(alg) ? { modulusLength: rsaSize } : {})
    setGenerating(false)
    if (!result.ok) {
      setOutcome({ kind: 'failed', message: result.error.message })
      return
    }
    const key = result.value
    // Generated HMAC secrets are base64url text of random bytes: both boxes must read them that way.
    const hmac = alg.startsWith('HS')
    useAppStore.getState().setKeyPair({ signingKey: key.privateText, verificationKey: key.publicText, ...(hmac ? { encoding: 'base64url' } : {}) })
    // The further signatures keep their verdicts: their public keys join the new one in a JWKS.
    const further = form.current.serialization === 'general' ? await extraVerifyingKeys() : []
    if (further.length > 0) useAppStore.getState().setVerificationKey(JSON.stringify({ keys: [key.publicJwk, ...further] }, null, 2))
    await run({ alg, keyText: key.privateText, encoding: hmac ? 'base64url' : useAppStore.getState().signingEncoding })
  }

  const generateExtra = async (id: number) => {
    const signer = form.current.extras.find((e) => e.id === id)
    if (signer === undefined) return
    const alg = signer.alg
    updateExtra(id, { generating: true })
    const result = await generateKeyInWorker(alg, isRsa(alg) ? { modulusLength: 2048 } : {})
    if (!result.ok) {
      updateExtra(id, { generating: false })
      setOutcome({ kind: 'failed', message: result.error.message })
      return
    }
    const key = result.value
    updateExtra(id, { generating: false, keyText: key.privateText, encoding: alg.startsWith('HS') ? 'base64url' : 'utf8' })
    await addVerifyingKey(key.publicJwk)
    await run()
  }

  const extraVerifyingKeys = async (): Promise<JWK[]> => {
    const out: JWK[] = []
    for (const extra of form.current.extras) {
      if (extra.keyText.trim() === '') continue
      const parsed = await parseKeyCached(extra.keyText, extra.encoding)
      const first = parsed.ok ? parsed.value.keys[0] : undefined
      const jwk = first === undefined ? undefined : verifyingJwk(first)
      if (jwk !== undefined) out.push(jwk)
    }
    return out
  }

  // The verification key becomes a JWKS of the keys it held and the new public key, so every
  // signature of the JSON serialization can be checked at once.
  const addVerifyingKey = async (jwk: JWK) => {
    const { verificationKey, secretEncoding } = useAppStore.getState()
    let held: JWK[] = []
    if (verificationKey.trim() !== '') {
      const parsed = await parseKeyCached(verificationKey, secretEncoding)
      if (parsed.ok) held = parsed.value.keys.map(verifyingJwk).filter((k): k is JWK => k !== undefined)
    }
    useAppStore.getState().setVerificationKey(JSON.stringify({ keys: [...held, jwk] }, null, 2))
  }

  const chooseSerialization = (next: Serialization) => {
    updateForm({ serialization: next })
    void run()
  }
  const addSignature = () => {
    const id = nextExtraId.current++
    updateForm({ extras: [...form.current.extras, { id, alg: 'ES256', keyText: '', encoding: 'utf8', generating: false }] })
  }
  const removeSignature = (id: number) => {
    updateForm({ extras: form.current.extras.filter((e) => e.id !== id) })
    void run()
  }

  // A new algorithm or encoding re-signs at once, like an edit of the key.
  const chooseAlgorithm = (alg: JwsAlgorithm) => {
    setAlgorithm(alg)
    void run({ alg })
  }
  const chooseEncoding = (encoding: SecretEncoding) => {
    setSigningEncoding(encoding)
    void run({ encoding })
  }

  const keyReady = parsed.status === 'ok'
  const message = generating ? null : outcome

  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <InlineSelect
          label="Algorithm"
          labelClassName="font-medium"
          value={algorithm}
          options={ALGORITHMS}
          onChange={chooseAlgorithm}
        />
        {isRsa(algorithm) && <InlineSelect label="RSA key size" value={rsaSize} options={RSA_SIZES} onChange={setRsaSize} />}
        <InlineSelect label="Serialization" value={serialization} options={SERIALIZATIONS} onChange={chooseSerialization} />
        <Button onClick={() => void generate()} disabled={generating || algorithm === 'none'} aria-busy={generating}>
          Generate key
        </Button>
        <span role="status" aria-label="Key generation" className="text-sm text-slate-600 dark:text-slate-300">
          {generating ? 'Generating…' : ''}
        </span>
      </div>
      <label htmlFor={keyId} className="text-sm font-medium">Signing key</label>
      <textarea
        id={keyId}
        value={signingKey}
        onChange={(e) => {
          setSigningKey(e.target.value)
          void run({ keyText: e.target.value })
        }}
        aria-describedby={messageId}
        spellCheck={false}
        autoComplete="off"
        rows={5}
        placeholder={algorithm === 'none' ? "alg 'none' uses no key" : 'HMAC secret, PEM private key or private JWK'}
        className="w-full resize-y rounded border border-slate-300 bg-white p-2 font-mono text-xs break-all dark:border-slate-600 dark:bg-slate-950"
      />
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <InlineSelect
          label="Signing secret encoding"
          value={signingEncoding}
          options={encodings}
          onChange={chooseEncoding}
        />
        <Button onClick={() => void run()}>Sign</Button>
        <Button onClick={() => void run({ thumbprintAsKid: true })} disabled={!keyReady || algorithm === 'none'}>
          Use thumbprint as kid
        </Button>
      </div>
      {serialization === 'general' && (
        <div className="flex flex-col gap-2">
          {extras.map((signer, i) => (
            <ExtraSignerFields
              key={signer.id}
              number={i + 2}
              signer={signer}
              onAlgorithm={(alg) => {
                updateExtra(signer.id, { alg })
                void run()
              }}
              onKeyText={(keyText) => {
                updateExtra(signer.id, { keyText })
                void run()
              }}
              onEncoding={(encoding) => {
                updateExtra(signer.id, { encoding })
                void run()
              }}
              onGenerate={() => void generateExtra(signer.id)}
              onRemove={() => removeSignature(signer.id)}
            />
          ))}
          <div>
            <Button onClick={addSignature} disabled={extras.length + 1 >= MAX_JWS_SIGNATURES}>Add signature</Button>
          </div>
        </div>
      )}
      <div id={messageId} aria-live="polite" className="text-sm">
        {parsed.status === 'error' && signingKey.trim() !== '' && (
          <p className="text-rose-700 dark:text-rose-300">Signing key: {parsed.error.message}</p>
        )}
        {message?.kind === 'failed' && <p className="text-rose-700 dark:text-rose-300">Not signed: {message.message}</p>}
        {message?.kind === 'signed' && (
          <>
            <p className="text-emerald-800 dark:text-emerald-300">{signedMessage(message)}</p>
            {message.warnings.map((w, i) => (
              <p key={i} className="text-amber-800 dark:text-amber-200">Warning: {w}</p>
            ))}
          </>
        )}
      </div>
      {parsed.status === 'ok' && <KeyExport input={parsed.input} />}
    </div>
  )
}
