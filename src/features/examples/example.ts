import type { JwsAlgorithm, SecretEncoding } from '../../core'

/**
 * A ready-made token with the keys that verify and re-sign it. The keys of the bundled examples are
 * demo keys published with this project: anyone can read them, so they protect nothing.
 */
export interface Example {
  readonly id: string
  /** Shown in the Examples menu. */
  readonly label: string
  readonly token: string
  readonly algorithm: JwsAlgorithm
  /** Public PEM key or HMAC secret text that verifies `token`. */
  readonly verificationKey: string
  readonly secretEncoding: SecretEncoding
  /** Private PEM key or HMAC secret text that signs like `token` was signed. */
  readonly signingKey: string
  readonly signingEncoding: SecretEncoding
}

/** One entry of the Examples menu: what it shows, and how to get the example's data. */
export interface ExampleEntry {
  readonly id: string
  readonly label: string
  /** The example itself; for every example but the opening one this fetches a chunk of its own. */
  readonly load: () => Promise<Example>
}
