import { lazy, Suspense } from 'react'
import { isJsonObject } from '../../core'
import { useShownToken } from '../../session/shown-token'

const OidcHashesPanel = lazy(() => import('./oidc-hashes-panel').then((m) => ({ default: m.OidcHashesPanel })))

const CLAIMS = ['at_hash', 'c_hash', 's_hash'] as const

/** The OpenID Connect hashes region where the payload has at_hash, c_hash or s_hash; nothing otherwise. */
export function OidcHashesSlot() {
  const decoded = useShownToken()
  const payload = decoded.payload?.value
  if (payload === undefined || !isJsonObject(payload) || !CLAIMS.some((c) => Object.hasOwn(payload, c))) return null
  return (
    <Suspense fallback={null}>
      <OidcHashesPanel payload={payload} alg={decoded.alg} />
    </Suspense>
  )
}
