import type { StateCreator } from 'zustand'
import type { JwsAlgorithm, SecretEncoding } from '../core'
import type { AppState } from './app-store'
import { clearPersistMemo } from './persisted'

/** The inputs a built-in example sets. */
export interface ExampleInputs {
  readonly token: string
  readonly verificationKey: string
  readonly secretEncoding: SecretEncoding
  readonly signingKey: string
  readonly signingEncoding: SecretEncoding
  readonly algorithm: JwsAlgorithm
}

/** What is on this device: loading the examples, and forgetting everything. */
export interface DeviceSlice {
  /**
   * Counts "Forget everything" runs. The app keys its views on it, so local state of every view
   * (drafts, crafted tokens, pasted proofs) is dropped along with the store's inputs.
   */
  inputsGeneration: number
  /** Puts an example's token and keys into the store in one update; its token may be stored. */
  applyExample: (example: ExampleInputs) => void
  /**
   * Resets every field to its default (inputs, keys, policy, practice progress, settings) and
   * removes the stored entry. The reset is written first and the entry removed after, so the
   * persist middleware cannot write the old state back.
   */
  forgetEverything: () => void
}

export const createDeviceSlice: StateCreator<AppState, [['zustand/persist', unknown]], [], DeviceSlice> = (set, get, api) => ({
  inputsGeneration: 0,
  applyExample: (example) =>
    set({
      token: example.token,
      exampleToken: example.token,
      extractionNotes: [],
      signatureStale: false,
      verificationKey: example.verificationKey,
      secretEncoding: example.secretEncoding,
      signingKey: example.signingKey,
      signingEncoding: example.signingEncoding,
      algorithm: example.algorithm,
    }),
  forgetEverything: () => {
    const generation = get().inputsGeneration + 1
    set({ ...api.getInitialState(), inputsGeneration: generation }, true)
    clearPersistMemo()
    api.persist.clearStorage()
  },
})
