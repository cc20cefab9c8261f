import type { StateCreator } from 'zustand'
import type { AppState } from './app-store'

/** What a link (`#token=…&key=…`) brought, as the link reader hands it to the store. */
export interface OpenedLink {
  readonly token: string
  /** A key the link carried that is public key material (checked by parsing). */
  readonly key?: string
  /** Set when the link carried a key that was not used: says what was ignored and why. */
  readonly ignoredKey?: string
}

/** A message about the last link opened: `warning` when something was ignored, `info` otherwise. */
export interface LinkNotice {
  readonly severity: 'warning' | 'info'
  readonly text: string
}

/** The note shown when a link's public key became the verification key. */
export const LINK_KEY_APPLIED =
  'The verification key came from the link. "Signature verified" with it only shows that whoever made the link holds the matching private key; check that the key is the issuer\'s before trusting the token.'

/** The question asked when a link's public key differs from the key already in the box. */
export const LINK_KEY_QUESTION =
  'The link carries a public verification key that differs from yours. The key decides what "Signature verified" means, so a link never replaces it without asking.'

/**
 * What links may change. A link loads its token; its key only when the key is public key material
 * and the box is empty. A different key already in the box stays until the user chooses.
 */
export interface LinkSlice {
  linkNotice: LinkNotice | null
  /** A public key from a link that differs from the current key, waiting for the user's choice. */
  linkKeyOffer: string | null
  openLink: (link: OpenedLink) => void
  /** Uses the offered key as the verification key. */
  acceptLinkKey: () => void
  /** Keeps the current verification key and drops the offer. */
  keepOwnKey: () => void
  dismissLinkNotice: () => void
}

export const createLinkSlice: StateCreator<AppState, [], [], LinkSlice> = (set, get) => ({
  linkNotice: null,
  linkKeyOffer: null,
  openLink: ({ token, key, ignoredKey }) => {
    const patch: Partial<AppState> = { token, extractionNotes: [], signatureStale: false, linkKeyOffer: null, linkNotice: null }
    if (ignoredKey !== undefined) {
      patch.linkNotice = { severity: 'warning', text: ignoredKey }
    } else if (key !== undefined) {
      const current = get().verificationKey
      if (current.trim() === '') {
        patch.verificationKey = key
        patch.secretEncoding = 'utf8'
        patch.linkNotice = { severity: 'info', text: LINK_KEY_APPLIED }
      } else if (current !== key) {
        patch.linkKeyOffer = key
      }
    }
    set(patch)
  },
  acceptLinkKey: () => {
    const offer = get().linkKeyOffer
    if (offer === null) return
    set({ verificationKey: offer, secretEncoding: 'utf8', linkKeyOffer: null, linkNotice: { severity: 'info', text: LINK_KEY_APPLIED } })
  },
  keepOwnKey: () => set({ linkKeyOffer: null }),
  dismissLinkNotice: () => set({ linkNotice: null }),
})
