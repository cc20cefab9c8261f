import { useMemo, useState } from 'react'
import { generateSigningKey, loadSdJwt, parseKey, SIGNING_ALGORITHMS, type JsonValue, type JwsAlgorithm, type SecretEncoding, type SigningAlgorithm } from '../../core'
import { Alert, Button, Field, InlineSelect, TextField, controlClass } from '../../components/ui'
import { useBusyTask } from '../../hooks/use-busy-task'
import { useAppStore } from '../../store/app-store'
import { chosenPointers, claimTree } from './claim-tree'
import { PresentForm } from './present-form'

const SD_ALGS = ['sha-256', 'sha-384', 'sha-512'] as const
type SdAlg = (typeof SD_ALGS)[number]

/** Holder keys the builder generates: the common wallet curves. */
const HOLDER_ALGS = ['ES256', 'ES384', 'EdDSA'] as const satisfies readonly JwsAlgorithm[]
type HolderAlg = (typeof HOLDER_ALGS)[number]


const EXAMPLE_PAYLOAD = `{
  "iss": "https://issuer.example.com",
  "iat": 1767225600,
  "sub": "user_42",
  "given_name": "Erika",
  "family_name": "Mustermann",
  "email": "erika@example.com",
  "birthdate": "1963-08-12",
  "address": {
    "street_address": "Heidestraße 17",
    "locality": "Köln",
    "country": "DE"
  },
  "nationalities": ["DE", "FR"]
}`

const UNLOADED = 'The SD-JWT code could not be loaded (offline before the app was stored for offline use?). Connect to the network and try again.'

/**
 * The issuer's builder (payload, which claims are selectively disclosable, decoys, `_sd_alg`, the
 * holder's key for `cnf.jwk`, the issuer's key) and, below it, the holder's presentation builder.
 * Private keys live in this component only: never in the store, never in a link.
 */
export function IssuePanel() {
  const setToken = useAppStore((s) => s.setToken)
  const setVerificationKey = useAppStore((s) => s.setVerificationKey)
  const [payload, setPayload] = useState(EXAMPLE_PAYLOAD)
  const [checked, setChecked] = useState<ReadonlySet<string>>(new Set())
  const [decoys, setDecoys] = useState('0')
  const [sdAlg, setSdAlg] = useState<SdAlg>('sha-256')
  const [typ, setTyp] = useState('example+sd-jwt')
  const [holderAlg, setHolderAlg] = useState<HolderAlg>('ES256')
  const [holderPublic, setHolderPublic] = useState('')
  const [holderPrivate, setHolderPrivate] = useState('')
  const [issuerAlg, setIssuerAlg] = useState<SigningAlgorithm>('ES256')
  const [issuerKey, setIssuerKey] = useState('')
  const [issuerEncoding, setIssuerEncoding] = useState<SecretEncoding>('utf8')
  const { busy, problem, setProblem, run } = useBusyTask()
  const tree = useMemo(() => claimTree(payload), [payload])

  const onGenerateHolder = () => run(async () => {
    const made = await generateSigningKey(holderAlg)
    if (!made.ok) return setProblem(made.error.message)
    setHolderPublic(JSON.stringify(made.value.publicJwk, null, 2))
    setHolderPrivate(made.value.privateText)
  })

  const onGenerateIssuer = () => run(async () => {
    const made = await generateSigningKey(issuerAlg)
    if (!made.ok) return setProblem(made.error.message)
    setIssuerKey(made.value.privateText)
    setIssuerEncoding(made.value.encoding)
    // So the SD-JWT this issues verifies on the page right away.
    setVerificationKey(made.value.publicText, made.value.encoding)
  })

  const onIssue = () => run(async () => {
    if (!tree.ok) return setProblem(tree.message)
    const decoyCount = Number(decoys.trim() === '' ? '0' : decoys)
    // The engine bounds the count; here only what is not a count at all.
    if (!Number.isInteger(decoyCount) || decoyCount < 0) return setProblem('Decoys must be a whole number, 0 or more.')
    if (issuerKey.trim() === '') return setProblem('Add the issuer key: generate one, or paste a private key (PEM or JWK) or an HMAC secret.')
    const parsedIssuer = await parseKey(issuerKey, { encoding: issuerEncoding })
    if (!parsedIssuer.ok) return setProblem(`Issuer key: ${parsedIssuer.error.message}`)
    const signer = parsedIssuer.value.keys.find((k) => k.kind !== 'public')
    if (signer === undefined) return setProblem('Issuer key: this is a public key; signing needs the private key (or the HMAC secret).')
    let holderPublicJwk: { readonly [name: string]: JsonValue } | undefined
    if (holderPublic.trim() !== '') {
      const parsedHolder = await parseKey(holderPublic, { encoding: 'utf8' })
      if (!parsedHolder.ok) return setProblem(`Holder public key: ${parsedHolder.error.message}`)
      const jwk = parsedHolder.value.keys[0]?.publicJwk
      if (jwk === undefined) return setProblem('Holder public key: a shared secret cannot go into cnf; paste the holder’s public key (JWK or PEM).')
      holderPublicJwk = jwk as { readonly [name: string]: JsonValue }
    }
    let sd: Awaited<ReturnType<typeof loadSdJwt>>
    try {
      sd = await loadSdJwt()
    } catch {
      return setProblem(UNLOADED)
    }
    const issued = await sd.issueSdJwt({
      payloadJson: payload,
      disclosable: chosenPointers(tree.nodes, checked),
      decoys: decoyCount,
      sdAlg,
      headerJson: JSON.stringify({ alg: issuerAlg, typ }),
      issuerKey: signer,
      ...(holderPublicJwk !== undefined ? { holderPublicJwk } : {}),
    })
    if (!issued.ok) return setProblem(issued.error.message)
    setToken(issued.value.sdJwt)
  })

  const toggle = (pointer: string, on: boolean) => {
    const next = new Set(checked)
    if (on) next.add(pointer)
    else next.delete(pointer)
    setChecked(next)
  }

  return (
    <div className="flex flex-col gap-4 text-sm">
      <p className="text-slate-700 dark:text-slate-200">
        As the issuer, sign a payload whose chosen claims are replaced by digests; each comes with a disclosure the holder may reveal or keep. Salts come from the browser&apos;s random generator. Keys stay in this tab and are never stored.
      </p>
      <TextField label="SD-JWT payload" value={payload} rows={10} onChange={setPayload} />
      <fieldset className="flex flex-col gap-1 rounded-md border border-slate-200 p-2 dark:border-slate-700">
        <legend className="px-1 font-medium">Selectively disclosable claims</legend>
        {!tree.ok ? (
          <Alert tone="error">{tree.message}</Alert>
        ) : (
          <>
            {tree.nodes.map((n) => (
              <label key={n.pointer} className="flex items-start gap-2" style={{ paddingLeft: `${Math.min(n.depth, 8) * 1.25}rem` }}>
                <input type="checkbox" className="mt-1" checked={checked.has(n.pointer)} onChange={(e) => toggle(n.pointer, e.target.checked)} />
                <span>
                  <span className="font-mono">{n.pointer}</span>
                  {n.note !== null && <span className="block text-xs text-amber-800 dark:text-amber-300">{n.note}</span>}
                </span>
              </label>
            ))}
            {tree.truncated && <p className="text-xs text-slate-600 dark:text-slate-400">Only the first claims are listed; a payload this large is better built in code.</p>}
            <p className="text-xs text-slate-600 dark:text-slate-400">A checked claim inside a checked claim becomes a recursive disclosure: the holder must reveal the outer one to reveal it.</p>
          </>
        )}
      </fieldset>
      <div className="flex flex-wrap items-end gap-x-4 gap-y-2">
        <TextField label="Decoys" type="number" min={0} step={1} value={decoys} onChange={setDecoys} description="extra digests per _sd array (RFC 9901 §4.2.5)" className="w-40" />
        <InlineSelect label="_sd_alg" labelClassName="font-medium" value={sdAlg} options={SD_ALGS} onChange={setSdAlg} />
        <TextField label="Issuer JWT typ" code value={typ} spellCheck={false} onChange={setTyp} className="w-48" />
      </div>
      <fieldset className="flex flex-col gap-2 rounded-md border border-slate-200 p-2 dark:border-slate-700">
        <legend className="px-1 font-medium">Holder key (cnf.jwk)</legend>
        <div className="flex flex-wrap items-center gap-2">
          <InlineSelect label="Holder key algorithm" value={holderAlg} options={HOLDER_ALGS} onChange={setHolderAlg} />
          <Button onClick={() => void onGenerateHolder()} disabled={busy}>Generate holder key</Button>
        </div>
        <TextField label="Holder public key" value={holderPublic} rows={4} placeholder="The holder's public JWK (or PEM); empty: no cnf, so no key binding is possible" onChange={setHolderPublic} />
      </fieldset>
      <fieldset className="flex flex-col gap-2 rounded-md border border-slate-200 p-2 dark:border-slate-700">
        <legend className="px-1 font-medium">Issuer key</legend>
        <div className="flex flex-wrap items-center gap-2">
          <Field label="Issuer algorithm" labelClassName="text-sm">
            {(control) => (
              <select {...control} value={issuerAlg} onChange={(e) => setIssuerAlg(e.target.value as SigningAlgorithm)} className={controlClass}>
                {SIGNING_ALGORITHMS.map((a) => <option key={a} value={a}>{a}</option>)}
              </select>
            )}
          </Field>
          <Button onClick={() => void onGenerateIssuer()} disabled={busy} className="self-end">Generate issuer key</Button>
        </div>
        <TextField
          label="Issuer signing key"
          value={issuerKey}
          rows={4}
          placeholder="The issuer's private key (PEM or JWK), or an HMAC secret"
          description="Generating one also puts its public key into the Verification key, so the result verifies here."
          onChange={(v) => {
            setIssuerKey(v)
            setIssuerEncoding('utf8')
          }}
        />
      </fieldset>
      <div className="flex flex-wrap items-center gap-2">
        <Button variant="primary" onClick={() => void onIssue()} disabled={busy}>Issue SD-JWT</Button>
        <span className="text-xs text-slate-600 dark:text-slate-400">The SD-JWT (every disclosure included) goes into the Encoded token.</span>
      </div>
      {problem !== null && <Alert tone="error">{problem}</Alert>}
      <PresentForm holderPrivate={holderPrivate} onHolderPrivate={setHolderPrivate} />
    </div>
  )
}
