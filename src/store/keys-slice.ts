import type { StateCreator } from 'zustand'
import type { JwsAlgorithm, SecretEncoding } from '../core'
import type { AppState } from './app-store'

/** Verification and signing inputs. Secrets and private keys are persisted only with `rememberSecrets`. */
export interface KeysSlice {
  verificationKey: string
  secretEncoding: SecretEncoding
  signingKey: string
  /** Encoding of an HMAC signing secret (generated secrets are base64url). */
  signingEncoding: SecretEncoding
  algorithm: JwsAlgorithm
  /**
   * Opt-in ("Remember tokens and secrets on this device"): keep live tokens, secrets and private keys
   * in this browser's storage. The name predates tokens being covered; it stays for stored state.
   */
  rememberSecrets: boolean
  setVerificationKey: (text: string) => void
  setSecretEncoding: (encoding: SecretEncoding) => void
  setSigningKey: (text: string) => void
  setSigningEncoding: (encoding: SecretEncoding) => void
  setAlgorithm: (alg: JwsAlgorithm) => void
  setRememberSecrets: (on: boolean) => void
}

export const createKeysSlice: StateCreator<AppState, [], [], KeysSlice> = (set) => ({
  verificationKey: '',
  secretEncoding: 'utf8',
  signingKey: '',
  signingEncoding: 'utf8',
  algorithm: 'HS256',
  rememberSecrets: false,
  setVerificationKey: (verificationKey) => set({ verificationKey }),
  setSecretEncoding: (secretEncoding) => set({ secretEncoding }),
  setSigningKey: (signingKey) => set({ signingKey }),
  setSigningEncoding: (signingEncoding) => set({ signingEncoding }),
  setAlgorithm: (algorithm) => set({ algorithm }),
  setRememberSecrets: (rememberSecrets) => set({ rememberSecrets }),
})
