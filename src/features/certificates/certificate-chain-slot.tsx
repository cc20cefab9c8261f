import { lazy, Suspense } from 'react'
import { useShownToken } from '../../session/shown-token'
import { useParsedKey } from '../../session/use-parsed-key'
import { useAppStore } from '../../store/app-store'
import { findX5c } from './find-x5c'

// Only a token or key with x5c needs it: the chain checker and its view are a chunk of their own.
const CertificateChainPanel = lazy(() => import('./certificate-chain-panel').then((m) => ({ default: m.CertificateChainPanel })))

/** The Certificate chain region where the token header, its jwk or the verification key has `x5c`; nothing otherwise. */
export function CertificateChainSlot() {
  const decoded = useShownToken()
  const keyText = useAppStore((s) => s.verificationKey)
  const encoding = useAppStore((s) => s.secretEncoding)
  const parsed = useParsedKey(keyText, encoding)
  const keys = parsed.status === 'ok' ? parsed.input.keys : []
  const found = findX5c(decoded.header?.value, keys)
  if (found === undefined) return null
  const thumbprints = keys.filter((k) => k.kind !== 'secret').map((k) => k.thumbprint)
  return (
    <Suspense fallback={<p className="rounded-md border border-slate-200 px-3 py-2 text-sm text-slate-600 dark:border-slate-800 dark:text-slate-300">Loading the certificate chain…</p>}>
      <CertificateChainPanel found={found} keyThumbprints={thumbprints} />
    </Suspense>
  )
}
