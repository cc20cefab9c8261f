import type { CheckVerdict } from '../types'
import type { Base64Group } from './base64-groups'

/** Identifies a walkthrough step, so the UI can pick icons or anchor links. */
export type ExplainStepId =
  | 'header-json'
  | 'header-bytes'
  | 'header-base64url'
  | 'payload-json'
  | 'payload-bytes'
  | 'payload-base64url'
  | 'signing-input'
  | 'signature-computation'
  | 'signature-bytes'
  | 'signature-base64url'
  | 'token'
  | 'recompute'
  | 'jwe-parts'
  | 'jwe-cek'
  | 'jwe-aad'
  | 'sd-jwt-parts'
  | 'sd-jwt-disclosure'
  | 'sd-jwt-digest'
  | 'sd-jwt-more'
  | 'sd-jwt-sd-hash'

/** One labelled value of a step, already formatted for display. */
export interface ExplainValue {
  readonly label: string
  readonly value: string
  /** Show in a monospace font (hex, base64url, JSON, bits). */
  readonly mono?: boolean
}

/** One step of the walkthrough: plain data, every value pre-computed. */
export interface ExplainStep {
  readonly id: ExplainStepId
  readonly title: string
  /** What happens in this step and why, in a teaching tone. */
  readonly explanation: string
  readonly values: readonly ExplainValue[]
  /** For base64url steps: how each 3-byte group becomes 4 characters (capped; see `groupsOmitted`). */
  readonly groups?: readonly Base64Group[]
  /** For base64url steps: how many groups were left out of `groups` (before the final one). */
  readonly groupsOmitted?: number
  /** For the recompute step: `pass` when the signature was reproduced or verified, `fail` when not, `skip` when it could not be checked. */
  readonly verdict?: CheckVerdict
}
