import { isJsonObject, type JsonValue, type ParsedKey } from '../../core'

/** Where an `x5c` chain was found, with the thumbprint members beside it. */
export interface FoundChain {
  readonly where: string
  readonly x5c: unknown
  readonly x5t?: unknown
  readonly x5tS256?: unknown
}

function fromObject(where: string, value: Readonly<Record<string, unknown>>): FoundChain | undefined {
  if (!('x5c' in value)) return undefined
  return {
    where,
    x5c: value.x5c,
    ...('x5t' in value ? { x5t: value.x5t } : {}),
    ...('x5t#S256' in value ? { x5tS256: value['x5t#S256'] } : {}),
  }
}

/**
 * The `x5c` chain to show: the token header's own, else that of the header's `jwk`, else that of
 * the first verification key (a JWK) that has one.
 */
export function findX5c(header: JsonValue | undefined, keys: readonly ParsedKey[]): FoundChain | undefined {
  if (header !== undefined && isJsonObject(header)) {
    const own = fromObject('the token header', header as Readonly<Record<string, unknown>>)
    if (own !== undefined) return own
    const jwk = (header as Readonly<Record<string, unknown>>).jwk
    if (typeof jwk === 'object' && jwk !== null && !Array.isArray(jwk)) {
      const embedded = fromObject('the header\'s jwk', jwk as Readonly<Record<string, unknown>>)
      if (embedded !== undefined) return embedded
    }
  }
  for (const key of keys) {
    const found = fromObject('the verification key', key.jwk as unknown as Readonly<Record<string, unknown>>)
    if (found !== undefined) return found
  }
  return undefined
}
