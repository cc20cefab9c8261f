import { algorithmSpec, type KeyInput, type ParsedKey } from '../../core'

/**
 * The key the walkthrough checks the signature with. A secret or private signing key that fits the
 * token's algorithm comes first, because it lets deterministic signatures be recomputed byte for
 * byte; otherwise a verification key (by `kid`, then by type), and failing that whatever was given,
 * so the walkthrough can say why it does not fit.
 */
export function pickExplainKey(
  alg: string | undefined,
  kid: string | undefined,
  signing: KeyInput | null,
  verification: KeyInput | null,
): ParsedKey | null {
  const kty = alg === undefined ? undefined : algorithmSpec(alg)?.kty
  const fits = (k: ParsedKey) => kty === undefined || k.kty === kty
  const signer = signing?.keys[0]
  if (signer !== undefined && signer.kind !== 'public' && fits(signer)) return signer
  const keys = verification?.keys ?? []
  return (
    keys.find((k) => kid !== undefined && k.kid === kid && fits(k)) ??
    keys.find(fits) ??
    keys[0] ??
    signer ??
    null
  )
}
