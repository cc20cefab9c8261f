import { useId, useState } from 'react'
import { loadSdJwt } from '../../core'
import { Panel } from '../../components/panel'
import { Alert, TextField } from '../../components/ui'
import { useLatest } from '../../hooks/use-latest'
import { useShownToken } from '../../session/shown-token'
import { useNow } from '../../session/use-now'
import { useParsedKey } from '../../session/use-parsed-key'
import { useAppStore } from '../../store/app-store'
import { pickHolderKey } from './holder-key'
import { SdJwtOutcome, type Attempt } from './sd-jwt-outcome'
import { SdJwtSummary } from './sd-jwt-summary'

/**
 * The SD-JWT region: which form the text has, its disclosures and where each plugs in, the digests
 * nothing discloses, the processed payload beside the issuer-signed one, and every check with its
 * section, judged with the Verification key (issuer), the holder key and the expected `aud`/`nonce`.
 */
export function SdJwtPanel() {
  const decoded = useShownToken()
  const text = decoded.token
  const issuer = useParsedKey(useAppStore((s) => s.verificationKey), useAppStore((s) => s.secretEncoding))
  // Memory only: a holder's key and the verifier's expectations are never stored or linked.
  const [holderText, setHolderText] = useState('')
  const [aud, setAud] = useState('')
  const [nonce, setNonce] = useState('')
  const holder = useParsedKey(holderText, 'utf8')
  // The policy panel's time override freezes this; otherwise a KB-JWT's age is judged every 10 s.
  const now = useNow(10_000)
  const headingId = useId()

  const issuerKeys = issuer.status === 'ok' ? issuer.input : null
  const holderKey = holder.status === 'ok' ? pickHolderKey(holder.input.keys, decoded.payload?.value) : null
  const waitingForKey = issuer.status === 'pending' || holder.status === 'pending'
  const attempt = useLatest<Attempt>(text.trim() === '' || waitingForKey ? null : [text, issuerKeys, holderKey, aud, nonce, now], async () => {
    let module: Awaited<ReturnType<typeof loadSdJwt>>
    try {
      module = await loadSdJwt()
    } catch {
      return { kind: 'unloaded' }
    }
    const keyBinding = { now, ...(aud.trim() !== '' ? { aud: aud.trim() } : {}), ...(nonce.trim() !== '' ? { nonce: nonce.trim() } : {}) }
    const result = await module.verifySdJwt(text, { issuerKeys, holderKey, keyBinding })
    return { kind: 'done', result, parents: result.ok ? module.parentDisclosures(result.value.processed.disclosures) : new Map() }
  })
  // While a new run is pending (a key typed, the clock ticked), keep showing the last answer for this text.
  const shown = attempt.status === 'done' ? attempt.value : attempt.status === 'pending' && attempt.previous?.key[0] === text ? attempt.previous.value : undefined

  return (
    <section aria-labelledby={headingId} className="min-w-0">
      <Panel title="SD-JWT" headingId={headingId}>
        <div className="flex flex-col gap-3 text-sm">
          <p className="text-slate-700 dark:text-slate-200">
            An SD-JWT (RFC 9901): the issuer signs digests of claims; the holder reveals some of them as disclosures, and may prove with a key binding JWT that the presentation is theirs. The issuer&apos;s key is the Verification key above.
          </p>
          <KeyBindingInputs aud={aud} nonce={nonce} holderText={holderText} onAud={setAud} onNonce={setNonce} onHolder={setHolderText} holderProblem={holder.status === 'error' ? holder.error.message : null} />
          {decoded.sdJwt !== undefined && <SdJwtSummary parts={decoded.sdJwt} />}
          <SdJwtOutcome attempt={shown} />
        </div>
      </Panel>
    </section>
  )
}

interface KeyBindingInputsProps {
  readonly aud: string
  readonly nonce: string
  readonly holderText: string
  readonly holderProblem: string | null
  readonly onAud: (v: string) => void
  readonly onNonce: (v: string) => void
  readonly onHolder: (v: string) => void
}

function KeyBindingInputs({ aud, nonce, holderText, holderProblem, onAud, onNonce, onHolder }: KeyBindingInputsProps) {
  return (
    <fieldset className="flex flex-col gap-2 rounded-md border border-slate-200 p-2 dark:border-slate-700">
      <legend className="px-1 font-medium">Key binding (RFC 9901 §7.3)</legend>
      <div className="grid gap-2 sm:grid-cols-2">
        <TextField label="Key binding audience" code value={aud} spellCheck={false} placeholder="the verifier, e.g. https://verifier.example.org" onChange={onAud} />
        <TextField label="Key binding nonce" code value={nonce} spellCheck={false} placeholder="the nonce the verifier sent" onChange={onNonce} />
      </div>
      <TextField
        label="Holder key"
        value={holderText}
        rows={3}
        placeholder="Only when the issuer JWT names the holder key by cnf.kid or cnf.jkt: the holder's public key (PEM, JWK or JWKS)"
        description="With cnf.jwk the key is in the issuer JWT and this box is not needed. Never stored."
        onChange={onHolder}
      />
      {holderProblem !== null && <Alert tone="error">{`Holder key: ${holderProblem}`}</Alert>}
    </fieldset>
  )
}
