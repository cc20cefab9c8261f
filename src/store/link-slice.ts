import type { AppState, LinkSlice, SliceCreator } from './app-state'
import { replacedToken } from './session-slice'

/** The note shown when a link's public key became the verification key. */
export const LINK_KEY_APPLIED =
  'The verification key came from the link. "Signature verified" with it only shows that whoever made the link holds the matching private key; check that the key is the issuer\'s before trusting the token.'

/** The question asked when a link's public key differs from the key already in the box. */
export const LINK_KEY_QUESTION =
  'The link carries a public verification key that differs from yours. The key decides what "Signature verified" means, so a link never replaces it without asking.'

export const createLinkSlice: SliceCreator<LinkSlice> = (set, get) => ({
  linkNotice: null,
  linkKeyOffer: null,
  openLink: ({ token, key, ignoredKey }) => {
    const patch: Partial<AppState> = { ...replacedToken(token), linkKeyOffer: null, linkNotice: null }
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
