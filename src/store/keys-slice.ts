import type { KeysSlice, SliceCreator } from './app-state'

export const createKeysSlice: SliceCreator<KeysSlice> = (set) => ({
  verificationKey: '',
  secretEncoding: 'utf8',
  secretEncodingPicked: false,
  signingKey: '',
  signingEncoding: 'utf8',
  algorithm: 'HS256',
  rememberSecrets: false,
  setVerificationKey: (verificationKey, secretEncoding) =>
    set(secretEncoding === undefined ? { verificationKey } : { verificationKey, secretEncoding }),
  typeVerificationKey: (verificationKey) =>
    set((s) => (s.secretEncodingPicked ? { verificationKey } : { verificationKey, secretEncoding: 'utf8' })),
  setSecretEncoding: (secretEncoding) => set({ secretEncoding, secretEncodingPicked: true }),
  setSigningKey: (signingKey) => set({ signingKey }),
  setSigningEncoding: (signingEncoding) => set({ signingEncoding }),
  setAlgorithm: (algorithm) => set({ algorithm }),
  setRememberSecrets: (rememberSecrets) => set({ rememberSecrets }),
})
