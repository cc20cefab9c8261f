import type { DecryptionSlice, SliceCreator } from './app-state'
import { replacedToken } from './session-slice'

export const createDecryptionSlice: SliceCreator<DecryptionSlice> = (set, get) => ({
  decryptionKey: '',
  decryptionEncoding: 'utf8',
  envelope: null,
  recipientKey: '',
  recipientEncoding: 'utf8',
  encryptionAlg: 'RSA-OAEP-256',
  encryptionEnc: 'A256GCM',
  setDecryptionKey: (decryptionKey) => set({ decryptionKey }),
  setDecryptionEncoding: (decryptionEncoding) => set({ decryptionEncoding }),
  openInnerToken: (inner) => {
    const { token, decryptionKey, decryptionEncoding } = get()
    set({ ...replacedToken(inner), pastedTokens: [], envelope: { token, decryptionKey, decryptionEncoding } })
  },
  leaveEnvelope: () => {
    const envelope = get().envelope
    if (envelope === null) return
    // replacedToken drops the envelope along with the inner token it described.
    set({ ...replacedToken(envelope.token), pastedTokens: [], decryptionKey: envelope.decryptionKey, decryptionEncoding: envelope.decryptionEncoding })
  },
  setRecipientKey: (recipientKey, recipientEncoding) =>
    set(recipientEncoding === undefined ? { recipientKey } : { recipientKey, recipientEncoding }),
  setRecipientEncoding: (recipientEncoding) => set({ recipientEncoding }),
  setEncryptionChoice: ({ alg, enc }) =>
    set((s) => ({ encryptionAlg: alg ?? s.encryptionAlg, encryptionEnc: enc ?? s.encryptionEnc })),
  takeEncryptedToken: (jwe, key) =>
    set({ ...replacedToken(jwe), pastedTokens: [], ...(key === undefined ? {} : { decryptionKey: key.text, decryptionEncoding: key.encoding }) }),
})
