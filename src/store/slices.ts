import type { AppState, SliceCreator } from './app-state'
import { createDecryptionSlice } from './decryption-slice'
import { createDeviceSlice } from './device-slice'
import { createDiscoverySlice } from './discovery-slice'
import { createKeysSlice } from './keys-slice'
import { createKeyStoreSlice } from './key-store-slice'
import { createLinkSlice } from './link-slice'
import { createPolicySlice } from './policy-slice'
import { createPracticeSlice } from './practice-slice'
import { createSessionSlice } from './session-slice'
import { createSettingsSlice } from './settings-slice'
import { createTeachingSlice } from './teaching-slice'
import { createTokenSlice } from './token-slice'

/** The whole state from its slices: the store uses it, and so do tests that need the real defaults. */
export const createAppState: SliceCreator<AppState> = (...a) => ({
  ...createTokenSlice(...a),
  ...createKeysSlice(...a),
  ...createPolicySlice(...a),
  ...createSettingsSlice(...a),
  ...createPracticeSlice(...a),
  ...createTeachingSlice(...a),
  ...createLinkSlice(...a),
  ...createSessionSlice(...a),
  ...createDeviceSlice(...a),
  ...createDecryptionSlice(...a),
  ...createKeyStoreSlice(...a),
  ...createDiscoverySlice(...a),
})
