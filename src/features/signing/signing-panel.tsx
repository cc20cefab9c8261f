import { useEffect, useId, useState } from 'react'
import { SIGNING_ALGORITHMS, type GenerateKeyOptions, type JwsAlgorithm, type SecretEncoding } from '../../core'
import { Panel } from '../../components/panel'
import { Button, InlineSelect } from '../../components/ui'
import { generateKeyInWorker } from '../../workers/keygen-client'
import { useDecodedToken } from '../../session/use-decoded-token'
import { useParsedKey } from '../../session/use-parsed-key'
import { useAppFields, useAppStore } from '../../store/app-store'
import { KeyExport } from './key-export'
import { isOwnSignature, resign, type ResignRequest, type SignOutcome } from './resign'

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

const isOffered = (alg: string | undefined): alg is JwsAlgorithm => alg !== undefined && (ALGORITHMS as readonly string[]).includes(alg)
const isRsa = (alg: JwsAlgorithm) => alg.startsWith('RS') || alg.startsWith('PS')


/**
 * Signs the current header and payload: algorithm, signing key (secret, PEM private key or private
 * JWK), key generation in a worker, public key export, and the thumbprint as `kid`.
 */
export function SigningPanel() {
  const decoded = useDecodedToken()
  const { algorithm, setAlgorithm, signingKey, setSigningKey, signingEncoding, setSigningEncoding } = useAppFields(
    'algorithm', 'setAlgorithm', 'signingKey', 'setSigningKey', 'signingEncoding', 'setSigningEncoding',
  )
  const parsed = useParsedKey(signingKey, signingEncoding)
  const [outcome, setOutcome] = useState<SignOutcome | null>(null)
  const [generating, setGenerating] = useState(false)
  const [rsaSize, setRsaSize] = useState<RsaSize>(2048)
  // Most visitors only read tokens: signing starts collapsed (edits still re-sign with the key given).
  const [collapsed, setCollapsed] = useState(true)
  const keyId = useId()
  const messageId = useId()

  // A token pasted or loaded from elsewhere brings its own algorithm: follow it, so pressing Sign
  // keeps the token's algorithm unless the user picks another one.
  const tokenAlg = decoded.alg
  const token = decoded.token
  useEffect(() => {
    if (isOwnSignature(token) || !isOffered(tokenAlg)) return
    if (useAppStore.getState().algorithm !== tokenAlg) useAppStore.getState().setAlgorithm(tokenAlg)
  }, [token, tokenAlg])

  const run = async (request: Partial<ResignRequest> = {}) => {
    const state = useAppStore.getState()
    const result = await resign({ alg: state.algorithm, keyText: state.signingKey, encoding: state.signingEncoding, ...request })
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
    await run({ alg, keyText: key.privateText, encoding: hmac ? 'base64url' : useAppStore.getState().signingEncoding })
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
    <Panel title="Signing" collapse={{ collapsed, onToggle: () => setCollapsed((c) => !c) }}>
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
        <div id={messageId} aria-live="polite" className="text-sm">
          {parsed.status === 'error' && signingKey.trim() !== '' && (
            <p className="text-rose-700 dark:text-rose-300">Signing key: {parsed.error.message}</p>
          )}
          {message?.kind === 'failed' && <p className="text-rose-700 dark:text-rose-300">Not signed: {message.message}</p>}
          {message?.kind === 'signed' && (
            <>
              <p className="text-emerald-800 dark:text-emerald-300">Signed with {message.alg}; the encoded token was updated.</p>
              {message.warnings.map((w, i) => (
                <p key={i} className="text-amber-800 dark:text-amber-200">Warning: {w}</p>
              ))}
            </>
          )}
        </div>
        {parsed.status === 'ok' && <KeyExport input={parsed.input} />}
      </div>
    </Panel>
  )
}
