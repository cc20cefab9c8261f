import { useAppStore } from '../../store/app-store'
import type { Example } from './example'
import { examples } from './examples-data'

/**
 * Puts an example's token and keys into the store in one update. The store marks the token as an
 * example: demo data may be kept on this device even when it looks like a live credential.
 */
export function loadExample(example: Example): void {
  useAppStore.getState().loadSession({ ...example, origin: 'example' })
}

/** The example a first visit opens with (HS256). */
export function loadFirstExample(): void {
  const first = examples[0]
  if (first !== undefined) loadExample(first)
}
