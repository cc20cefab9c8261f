/**
 * The holder's builder (RFC 9901 §7.2): keep the chosen disclosures, check that each can be placed,
 * and bind the presentation with a Key Binding JWT (§4.3).
 */
import { algorithmsForKey } from '../keys'
import { err, ok, type Result } from '../result'
import { signToken } from '../token/sign'
import type { JwsAlgorithm } from '../types'
import { processParts, sdDigest, SD_HASHES } from './process'
import { splitSdJwt } from './split'
import type { Disclosure, SdJwtErrorCode, SdJwtParts, SdJwtPresentInput } from './types'
import { sdHashInput } from './verify'

/** How a disclosure is named in messages: `disclosure 3 (street_address)`. */
function label(d: Disclosure): string {
  return `disclosure ${d.index + 1} (${d.content.kind === 'property' ? d.content.name : `element ${d.placedAt ?? ''}`})`
}

/**
 * The disclosure each disclosure sits inside (its digest is in that one's value), by position; null
 * for one whose digest is in the issuer-signed payload itself.
 */
export function parentDisclosures(disclosures: readonly Disclosure[]): Map<number, number | null> {
  const byPlace = new Map<string, number>()
  for (const d of disclosures) if (d.placedAt !== null) byPlace.set(d.placedAt, d.index)
  const parents = new Map<number, number | null>()
  for (const d of disclosures) {
    let at = d.referencedAt
    let parent: number | null = null
    // The nearest disclosed value on the way up from where the digest sits.
    while (at !== null && at !== '') {
      const found = byPlace.get(at)
      if (found !== undefined) {
        parent = found
        break
      }
      at = at.slice(0, at.lastIndexOf('/'))
    }
    parents.set(d.index, parent)
  }
  return parents
}

/**
 * Presents an SD-JWT (RFC 9901 §7.2): keeps the disclosures at `include` (positions in the text; an
 * existing KB-JWT is dropped), refuses a disclosure nested in one that is left out (the verifier could
 * not place it), and with `holderKey` appends a KB-JWT (`typ: kb+jwt`; `aud`, `nonce`, `iat`, and
 * `sd_hash` over the presentation up to its last `~`, §4.3.1) signed with the first algorithm the key
 * fits. Without `holderKey` the text ends with `~`. JSON-serialized input gives a compact result.
 * Never throws.
 */
export async function presentSdJwt(input: SdJwtPresentInput): Promise<Result<string, SdJwtErrorCode>> {
  try {
    return await present(input)
  } catch (cause) {
    return err('INTERNAL_ERROR', `The presentation could not be made because of an internal error (${cause instanceof Error ? cause.message : String(cause)}). Please report it.`)
  }
}

async function present(input: SdJwtPresentInput): Promise<Result<string, SdJwtErrorCode>> {
  const split = splitSdJwt(input.sdJwt)
  if (!split.ok) return split
  const processed = await processParts(split.value)
  if (!processed.ok) return processed
  const p = processed.value
  const hash = SD_HASHES[p.sdAlg]
  if (hash === undefined) return err('INVALID_INPUT', `The SD-JWT's "_sd_alg" (${p.sdAlg}) is not computed here, so its disclosures cannot be matched to present them.`)
  const total = split.value.disclosures.length
  const include = new Set<number>()
  for (const i of input.include) {
    if (!Number.isInteger(i) || i < 0 || i >= total) return err('INVALID_INPUT', `There is no disclosure ${i + 1}: the SD-JWT has ${total}.`)
    include.add(i)
  }
  const byIndex = new Map(p.disclosures.map((d) => [d.index, d]))
  for (const i of include) {
    const d = byIndex.get(i)
    if (d === undefined) return err('INVALID_INPUT', `Disclosure ${i + 1} is not well-formed, so it cannot be presented.`)
    if (d.placedAt === null) return err('INVALID_INPUT', `${capitalize(label(d))} matches no digest of the SD-JWT, so a verifier would reject it: leave it out.`)
  }
  const parents = parentDisclosures(p.disclosures)
  for (const i of [...include].sort((a, b) => a - b)) {
    const parent = parents.get(i)
    if (parent !== null && parent !== undefined && !include.has(parent)) {
      const d = byIndex.get(i) as Disclosure
      const outer = byIndex.get(parent) as Disclosure
      return err('PARENT_NOT_INCLUDED', `${capitalize(label(d))} sits inside ${label(outer)}: present ${label(outer)} too, or the verifier cannot place it (RFC 9901 §7.2 step 2).`)
    }
  }
  const parts: SdJwtParts = {
    form: 'sd-jwt',
    issuerJwt: split.value.issuerJwt,
    disclosures: split.value.disclosures.filter((_, i) => include.has(i)),
    kbJwt: null,
  }
  const sdJwt = sdHashInput(parts)
  const key = input.holderKey
  if (key === undefined) return ok(sdJwt)
  if (key.kind !== 'private') return err('INVALID_INPUT', `A Key Binding JWT is signed with the holder's private key, but the key given is ${key.kind === 'secret' ? 'a secret' : 'a public key'}. Paste the private key whose public key is in "cnf".`)
  if (input.aud === undefined || input.aud === '' || input.nonce === undefined || input.nonce === '') {
    return err('INVALID_INPUT', 'A Key Binding JWT needs the verifier\'s "aud" and the "nonce" it sent (RFC 9901 §4.3): enter both.')
  }
  const alg = (key.alg ?? algorithmsForKey(key)[0]) as JwsAlgorithm | undefined
  if (alg === undefined) return err('INVALID_INPUT', 'No JWS algorithm fits the holder key, so it cannot sign a Key Binding JWT.')
  const iat = input.iat ?? Math.floor(Date.now() / 1000)
  const payload = JSON.stringify({ iat, aud: input.aud, nonce: input.nonce, sd_hash: await sdDigest(sdJwt, hash) })
  const signed = await signToken({ header: JSON.stringify({ alg, typ: 'kb+jwt' }), payload, alg, key })
  if (!signed.ok) return err('SIGN_FAILED', `The Key Binding JWT could not be signed: ${signed.error.message}`)
  return ok(sdJwt + signed.value.token)
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
