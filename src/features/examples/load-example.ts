import { useAppStore } from '../../store/app-store'
import type { Example } from './example'
import { examples } from './examples-data'

/** Puts an example's token and keys into the store in one update. */
export function loadExample(example: Example): void {
  useAppStore.setState({
    token: example.token,
    extractionNotes: [],
    verificationKey: example.verificationKey,
    secretEncoding: example.secretEncoding,
    signingKey: example.signingKey,
    signingEncoding: example.signingEncoding,
    algorithm: example.algorithm,
  })
}

/** The example a first visit opens with (HS256). */
export function loadFirstExample(): void {
  const first = examples[0]
  if (first !== undefined) loadExample(first)
}
