import { useId, useMemo, useState } from 'react'
import { formatJsonValue, parseJwsJson, verifyDetachedPayload, verifyJwsJson, type JsonObject, type JwsJson, type JwsJsonSignature, type Result, type Verification } from '../../core'
import { Panel } from '../../components/panel'
import { Alert, Button, Field, codeControlClass } from '../../components/ui'
import { useLatest } from '../../hooks/use-latest'
import { useShownToken } from '../../session/shown-token'
import { useParsedKey, type ParsedKeyState } from '../../session/use-parsed-key'
import { verificationView, type VerificationView } from '../../session/use-verification'
import { useAppStore } from '../../store/app-store'

const statusStyle: Readonly<Record<VerificationView['status'], string>> = {
  verified: 'border-emerald-500 bg-emerald-50 text-emerald-900 dark:border-emerald-500 dark:bg-emerald-950 dark:text-emerald-100',
  invalid: 'border-rose-500 bg-rose-50 text-rose-900 dark:border-rose-500 dark:bg-rose-950 dark:text-rose-100',
  'not-checked': 'border-slate-300 bg-slate-50 text-slate-800 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100',
  pending: 'border-slate-300 bg-slate-50 text-slate-800 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100',
}

const PENDING: VerificationView = { status: 'pending', text: 'Signature not checked: verifying…' }

/**
 * What the compact views cannot show: a JWS in JSON serialization (RFC 7515 §7.2) pasted as the
 * token, with each signature's headers and verdict, or a compact token with a detached payload
 * (RFC 7515 Appendix F) and a box for that payload. Renders nothing for any other token, so it can
 * sit on the page unconditionally.
 */
export function JsonSerializationPanel() {
  const decoded = useShownToken()
  const token = decoded.token
  const jws = useMemo(() => parseJwsJson(token), [token])
  const parsedKey = useParsedKey(useAppStore((s) => s.verificationKey), useAppStore((s) => s.secretEncoding))
  if (!jws.ok && (jws.error.code === 'NOT_JSON' || jws.error.code === 'NOT_JWS_JSON')) {
    const detached = decoded.kind === 'jws' && decoded.header !== null && decoded.header.encoded !== '' && decoded.payload?.encoded === ''
    return detached ? <DetachedPayload token={token} parsedKey={parsedKey} /> : null
  }
  return <JsonSignatures jws={jws} parsedKey={parsedKey} />
}

function JsonSignatures({ jws, parsedKey }: { readonly jws: Result<JwsJson>; readonly parsedKey: ParsedKeyState }) {
  const headingId = useId()
  const keyInput = parsedKey.status === 'ok' ? parsedKey.input : null
  const value = jws.ok ? jws.value : null
  const latest = useLatest(value === null || parsedKey.status === 'pending' ? null : [value, keyInput], () => verifyJwsJson(value as JwsJson, keyInput))
  return (
    <section aria-labelledby={headingId}>
      <Panel title="JWS JSON serialization" headingId={headingId}>
        {value === null ? (
          <Alert tone="error">{jws.ok ? '' : `This JWS in JSON serialization cannot be checked: ${jws.error.message}`}</Alert>
        ) : (
          <div className="flex flex-col gap-3 text-sm">
            <p>
              {value.syntax === 'general'
                ? `General syntax (RFC 7515 §7.2.1) with ${value.signatures.length} signature${value.signatures.length === 1 ? '' : 's'} over one payload; each is checked on its own against the verification key.`
                : 'Flattened syntax (RFC 7515 §7.2.2): one signature, checked against the verification key.'}
            </p>
            <ol aria-label="Signatures" className="flex flex-col gap-3">
              {value.signatures.map((signature, i) => {
                const result = latest.status === 'done' ? latest.value[i] : undefined
                const view = result === undefined ? PENDING : verificationView(result, parsedKey)
                return <SignatureEntry key={signature.number} signature={signature} view={view} />
              })}
            </ol>
          </div>
        )}
      </Panel>
    </section>
  )
}

function SignatureEntry({ signature, view }: { readonly signature: JwsJsonSignature; readonly view: VerificationView }) {
  const setToken = useAppStore((s) => s.setToken)
  const name = `Signature ${signature.number}`
  return (
    <li className="flex flex-col gap-2 rounded border border-slate-200 p-2 dark:border-slate-700">
      <h3 className="font-semibold">{name}</h3>
      <Status name={name} view={view} />
      <HeaderView label="Protected header" header={signature.protectedHeader} absent={'none (no "protected" member)'} />
      <HeaderView label="Unprotected header" header={signature.unprotectedHeader} absent={'none (no "header" member)'} />
      {signature.compact !== undefined ? (
        <div>
          <Button size="sm" onClick={() => setToken(signature.compact as string)}>Use as compact token</Button>
        </div>
      ) : (
        <p className="text-xs text-slate-600 dark:text-slate-400">
          {signature.protectedText === undefined
            ? 'No compact form: the compact serialization needs a protected header.'
            : signature.unprotectedHeader !== undefined && Object.keys(signature.unprotectedHeader).length > 0
              ? 'No compact form: the compact serialization has no place for an unprotected header.'
              : 'No compact form: an unencoded payload ("b64": false) that contains \'.\' cannot travel in the compact serialization (RFC 7797 §5.2).'}
        </p>
      )}
    </li>
  )
}

function HeaderView({ label, header, absent }: { readonly label: string; readonly header: JsonObject | undefined; readonly absent: string }) {
  if (header === undefined) return <p className="text-xs"><span className="font-medium">{label}:</span> {absent}</p>
  return (
    <figure className="flex flex-col gap-1">
      <figcaption className="text-xs font-medium">{label}</figcaption>
      <pre className="overflow-x-auto rounded bg-slate-50 p-2 font-mono text-xs dark:bg-slate-950">{formatJsonValue(header)}</pre>
    </figure>
  )
}

function Status({ name, view }: { readonly name: string; readonly view: VerificationView }) {
  return (
    <div
      role="status"
      aria-label={name}
      aria-busy={view.status === 'pending'}
      className={`rounded border-l-4 px-3 py-2 text-sm font-medium [overflow-wrap:anywhere] ${statusStyle[view.status]}`}
    >
      {view.text}
    </div>
  )
}

function DetachedPayload({ token, parsedKey }: { readonly token: string; readonly parsedKey: ParsedKeyState }) {
  const headingId = useId()
  const [payload, setPayload] = useState('')
  const keyInput = parsedKey.status === 'ok' ? parsedKey.input : null
  const latest = useLatest(payload === '' || parsedKey.status === 'pending' ? null : [token, payload, keyInput], () => verifyDetachedPayload(token, payload, keyInput))
  const view = latest.status === 'done' ? verificationView(latest.value as Result<Verification>, parsedKey) : PENDING
  return (
    <section aria-labelledby={headingId}>
      <Panel title="Detached payload JWS" headingId={headingId}>
        <div className="flex flex-col gap-2 text-sm">
          <Field
            label="Detached payload"
            description="The token's payload part is empty: it was signed over a payload sent separately (RFC 7515 Appendix F). Paste that payload as it is (the text itself, not base64url) to check the signature over it."
          >
            {(control) => (
              <textarea
                {...control}
                value={payload}
                onChange={(e) => setPayload(e.target.value)}
                rows={4}
                spellCheck={false}
                autoComplete="off"
                className={codeControlClass}
              />
            )}
          </Field>
          {payload !== '' && <Status name="Signature over the detached payload" view={view} />}
        </div>
      </Panel>
    </section>
  )
}
