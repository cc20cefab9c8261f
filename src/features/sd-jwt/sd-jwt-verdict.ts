import type { VerdictKind } from '../../components/ui'

/** What the verdict line needs of one check row (the core's `SdJwtCheck` has these). */
export interface CheckRow {
  readonly id: string
  readonly verdict: 'pass' | 'fail' | 'warn' | 'skip'
  readonly title: string
}

/** What the verdict line needs of a verification (the core's `SdJwtVerification` has these). */
export interface VerdictInput {
  readonly checks: readonly CheckRow[]
  readonly accepted: boolean
  readonly disclosed: number
  readonly keyBound: boolean
}

/**
 * The `SD-JWT verdict` line: it begins with `SD-JWT accepted` or `SD-JWT not accepted`, then says
 * why, naming the failing checks, or the skipped issuer signature or key binding that keep a
 * presentation from being accepted.
 */
export function sdJwtVerdictText({ checks, accepted, disclosed, keyBound }: VerdictInput): string {
  const claims = `${disclosed} disclosed claim${disclosed === 1 ? '' : 's'}`
  if (accepted) {
    return keyBound
      ? `SD-JWT accepted: issuer signature, disclosures and key binding check out (${claims}).`
      : `SD-JWT accepted without key binding: issuer signature and disclosures check out (${claims}); whoever holds this text can present it.`
  }
  const failed = checks.filter((c) => c.verdict === 'fail')
  if (failed.length > 0) {
    const shown = failed.slice(0, 3).map((c) => c.title).join('; ')
    const more = failed.length > 3 ? `; and ${failed.length - 3} more` : ''
    return `SD-JWT not accepted: ${failed.length} check${failed.length === 1 ? '' : 's'} failed: ${shown}${more}.`
  }
  const signature = checks.find((c) => c.id === 'issuer-signature')
  if (signature === undefined || signature.verdict !== 'pass') return 'SD-JWT not accepted: the issuer signature is not checked yet. Paste the issuer’s public key as the Verification key.'
  const kb = checks.find((c) => c.id === 'kb-signature')
  if (kb !== undefined && kb.verdict !== 'pass') return 'SD-JWT not accepted: the key binding JWT’s signature is not checked. Paste the holder’s key in Holder key (the issuer JWT names it by cnf.kid or cnf.jkt).'
  return 'SD-JWT not accepted: a required check did not pass (see the rows below).'
}

/** A row's verdict in the kit's words: `warn` is shown as a pass-with-a-note of its own. */
export function checkVerdict(verdict: CheckRow['verdict']): { readonly kind: VerdictKind; readonly words?: Partial<Record<VerdictKind, string>> } {
  switch (verdict) {
    case 'pass':
      return { kind: 'pass' }
    case 'fail':
      return { kind: 'fail' }
    case 'skip':
      return { kind: 'skip' }
    case 'warn':
      return { kind: 'pending', words: { pending: 'Warning' } }
  }
}
