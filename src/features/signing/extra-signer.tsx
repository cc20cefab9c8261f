import { useId } from 'react'
import { SIGNING_ALGORITHMS, type JwsAlgorithm, type SecretEncoding } from '../../core'
import { Button, InlineSelect } from '../../components/ui'
import type { ExtraSigner } from './resign'

/** A further signature of the general JSON syntax as the form holds it. */
export interface ExtraSignerState extends ExtraSigner {
  /** Stable across removals of earlier signers, for React keys. */
  readonly id: number
  readonly generating: boolean
}

const ENCODINGS: readonly { value: SecretEncoding; label: string }[] = [
  { value: 'utf8', label: 'UTF-8' },
  { value: 'base64url', label: 'base64url' },
  { value: 'base64', label: 'base64' },
  { value: 'hex', label: 'hex' },
]

interface ExtraSignerProps {
  /** 2 for the second signature, and so on. */
  readonly number: number
  readonly signer: ExtraSignerState
  readonly onAlgorithm: (alg: JwsAlgorithm) => void
  readonly onKeyText: (text: string) => void
  readonly onEncoding: (encoding: SecretEncoding) => void
  readonly onGenerate: () => void
  readonly onRemove: () => void
}

/**
 * One more signature of a JWS in JSON serialization (general syntax): its own algorithm and key,
 * pasted or generated. Named "Signature N" as a group, so its `Algorithm` and `Signing key` are
 * found inside it and never mistaken for those of the first signature.
 */
export function ExtraSignerFields({ number, signer, onAlgorithm, onKeyText, onEncoding, onGenerate, onRemove }: ExtraSignerProps) {
  const keyId = useId()
  const name = `Signature ${number}`
  return (
    <fieldset className="flex flex-col gap-2 rounded border border-slate-200 p-2 dark:border-slate-700">
      <legend className="px-1 text-sm font-semibold">{name}</legend>
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <InlineSelect label="Algorithm" labelClassName="font-medium" value={signer.alg} options={SIGNING_ALGORITHMS} onChange={onAlgorithm} />
        <Button onClick={onGenerate} disabled={signer.generating} aria-busy={signer.generating}>
          {`Generate key for signature ${number}`}
        </Button>
        <span role="status" aria-label={`Key generation for signature ${number}`} className="text-sm text-slate-600 dark:text-slate-300">
          {signer.generating ? 'Generating…' : ''}
        </span>
      </div>
      <label htmlFor={keyId} className="text-sm font-medium">Signing key</label>
      <textarea
        id={keyId}
        value={signer.keyText}
        onChange={(e) => onKeyText(e.target.value)}
        spellCheck={false}
        autoComplete="off"
        rows={4}
        placeholder="HMAC secret, PEM private key or private JWK"
        className="w-full resize-y rounded border border-slate-300 bg-white p-2 font-mono text-xs break-all dark:border-slate-600 dark:bg-slate-950"
      />
      <div className="flex flex-wrap items-center gap-2 text-sm">
        {signer.alg.startsWith('HS') && (
          <InlineSelect label="Signing secret encoding" value={signer.encoding} options={ENCODINGS} onChange={onEncoding} />
        )}
        <Button onClick={onRemove}>{`Remove signature ${number}`}</Button>
      </div>
    </fieldset>
  )
}
