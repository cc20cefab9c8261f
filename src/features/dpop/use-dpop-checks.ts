import { useEffect, useState } from 'react'
import { checkDpopProof, type DpopCheck, type DpopCheckInput } from '../../core'

interface Settled {
  readonly key: string
  readonly checks: readonly DpopCheck[]
}

/**
 * Runs `checkDpopProof` (asynchronous: the signature goes through WebCrypto) whenever the proof or
 * the request changes. Results of earlier inputs that arrive late are dropped; `null` while the
 * current input is being checked or when there is no proof. A new `now` alone (the clock ticking)
 * keeps showing the previous verdicts until the new ones arrive, so the table does not flicker.
 */
export function useDpopChecks(proof: string, input: DpopCheckInput): readonly DpopCheck[] | null {
  const [settled, setSettled] = useState<Settled | null>(null)
  const key = JSON.stringify([proof, input.method, input.url, input.accessToken ?? null, input.maxAgeSeconds ?? null, input.nonce ?? null])
  const empty = proof.trim() === ''
  const { method, url, accessToken, now, maxAgeSeconds, nonce } = input

  useEffect(() => {
    if (empty) return
    let current = true
    const request: DpopCheckInput = {
      method,
      url,
      ...(accessToken !== undefined ? { accessToken } : {}),
      ...(now !== undefined ? { now } : {}),
      ...(maxAgeSeconds !== undefined ? { maxAgeSeconds } : {}),
      ...(nonce !== undefined ? { nonce } : {}),
    }
    void checkDpopProof(proof, request).then((checks) => {
      if (current) setSettled({ key, checks })
    })
    return () => {
      current = false
    }
  }, [key, empty, proof, method, url, accessToken, now, maxAgeSeconds, nonce])

  if (empty || settled === null || settled.key !== key) return null
  return settled.checks
}
