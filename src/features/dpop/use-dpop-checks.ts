import { checkDpopProof, type DpopCheck, type DpopCheckInput } from '../../core'
import { useLatest } from '../../hooks/use-latest'

/**
 * Runs `checkDpopProof` (asynchronous: the signature goes through WebCrypto) whenever the proof, the
 * request or `now` changes. Results of earlier inputs that arrive late are dropped; `null` while the
 * current input is being checked or when there is no proof. A new `now` alone (the clock ticking)
 * keeps showing the previous verdicts until the new ones arrive, so the table does not flicker.
 */
export function useDpopChecks(proof: string, input: DpopCheckInput): readonly DpopCheck[] | null {
  const { method, url, accessToken, now, maxAgeSeconds, nonce } = input
  const request = JSON.stringify([proof, method, url, accessToken ?? null, maxAgeSeconds ?? null, nonce ?? null])
  const empty = proof.trim() === ''
  const latest = useLatest(empty ? null : [request, now], () =>
    checkDpopProof(proof, {
      method,
      url,
      ...(accessToken !== undefined ? { accessToken } : {}),
      ...(now !== undefined ? { now } : {}),
      ...(maxAgeSeconds !== undefined ? { maxAgeSeconds } : {}),
      ...(nonce !== undefined ? { nonce } : {}),
    }),
  )

  if (latest.status === 'done') return latest.value
  if (latest.status === 'pending' && latest.previous?.key[0] === request) return latest.previous.value
  return null
}
