import type { JsonValue } from '../types'

/** Why a token looks like a live credential, for the reminder shown to the user. */
export interface LiveCredentialHint {
  readonly issuerHost: string
  /** Seconds until `exp`, or null when the token has no expiry at all. */
  readonly expiresInSeconds: number | null
}

// Hosts reserved for documentation and testing (RFC 2606, RFC 6761) never issue real credentials.
const reservedSuffixes = ['.example', '.test', '.invalid', '.localhost', '.local', '.internal']
const reservedHosts = new Set(['example.com', 'example.org', 'example.net', 'localhost', 'server.example.com'])

function issuerHost(iss: string): string | null {
  if (!/^https:\/\//i.test(iss)) return null
  let host: string
  try {
    host = new URL(iss).hostname.toLowerCase()
  } catch {
    return null
  }
  if (host === '' || reservedHosts.has(host)) return null
  if (host.endsWith('.example.com') || host.endsWith('.example.org') || host.endsWith('.example.net')) return null
  if (reservedSuffixes.some((s) => host.endsWith(s))) return null
  if (/^[\d.]+$/.test(host) || host.includes(':')) return null
  if (!host.includes('.')) return null
  return host
}

/**
 * Says whether a payload looks like a real, still-usable bearer credential: issued by an `https` issuer
 * on a real-looking host (not a reserved example or test domain) and not expired at `now` (seconds).
 * Returns null otherwise. The check is a heuristic meant to remind users that pasting a live token
 * anywhere is risky — JWT Lab itself never sends it anywhere.
 */
export function liveCredentialHint(payload: JsonValue | undefined, now: number): LiveCredentialHint | null {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return null
  const iss = payload.iss
  if (typeof iss !== 'string') return null
  const host = issuerHost(iss)
  if (host === null) return null
  const exp = payload.exp
  if (exp === undefined) return { issuerHost: host, expiresInSeconds: null }
  if (typeof exp !== 'number' || !Number.isFinite(exp)) return null
  // Millisecond timestamps are a common mistake; compare in seconds either way.
  const expSeconds = exp > 1e11 ? exp / 1000 : exp
  if (expSeconds <= now) return null
  return { issuerHost: host, expiresInSeconds: Math.round(expSeconds - now) }
}
