import { formatJsonValue, type Result, type SdJwtVerification } from '../../core'
import { Alert, ValueList } from '../../components/ui'
import { DisclosuresTable, UndisclosedDigests } from './disclosures-table'
import { PayloadComparison } from './payload-comparison'
import { SdJwtChecks } from './sd-jwt-checks'
import { sdJwtVerdictText } from './sd-jwt-verdict'

/** What a verification attempt came to: the core's answer, or the engine's code failing to load. */
export type Attempt =
  | {
      readonly kind: 'done'
      readonly result: Result<SdJwtVerification>
      /** The disclosure each disclosure sits in (the engine's `parentDisclosures`). */
      readonly parents: ReadonlyMap<number, number | null>
    }
  | { readonly kind: 'unloaded' }

const UNLOADED =
  'The SD-JWT code could not be loaded: it did not arrive (offline before the app was stored for offline use?). The token and keys on the page are unchanged. Connect to the network and edit the token to try again.'

/** The verdict line, then the checks, the disclosures, the digests nothing discloses and the payloads side by side. */
export function SdJwtOutcome({ attempt }: { readonly attempt: Attempt | undefined }) {
  if (attempt === undefined) return <p role="status" aria-label="SD-JWT verdict" className="font-medium">Checking the SD-JWT…</p>
  if (attempt.kind === 'unloaded') return <Alert tone="error">{UNLOADED}</Alert>
  const { result } = attempt
  if (!result.ok) {
    return (
      <p role="status" aria-label="SD-JWT verdict" className="rounded border-l-4 border-rose-500 bg-rose-50 px-3 py-2 font-medium text-rose-900 dark:bg-rose-950 dark:text-rose-100">
        {`SD-JWT not accepted: ${result.error.message}`}
      </p>
    )
  }
  const v = result.value
  const { processed } = v
  const disclosed = processed.disclosures.filter((d) => d.placedAt !== null).length
  const text = sdJwtVerdictText({ checks: v.checks, accepted: v.accepted, disclosed, keyBound: processed.parts.kbJwt !== null })
  return (
    <div className="flex min-w-0 flex-col gap-3">
      <p
        role="status"
        aria-label="SD-JWT verdict"
        className={`rounded border-l-4 px-3 py-2 font-medium [overflow-wrap:anywhere] ${v.accepted ? 'border-emerald-500 bg-emerald-50 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100' : 'border-rose-500 bg-rose-50 text-rose-900 dark:bg-rose-950 dark:text-rose-100'}`}
      >
        {text}
      </p>
      <ValueList values={[{ label: '_sd_alg', value: processed.sdAlg, mono: true }, { label: 'Issuer JWT header', value: formatJsonValue(processed.header), mono: true }]} />
      <SdJwtChecks checks={v.checks} />
      <DisclosuresTable disclosures={processed.disclosures} parents={attempt.parents} sdAlg={processed.sdAlg} />
      <UndisclosedDigests undisclosed={processed.undisclosed} />
      <PayloadComparison processed={processed} />
    </div>
  )
}
