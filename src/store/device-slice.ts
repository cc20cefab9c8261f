import type { DeviceSlice, SliceCreator } from './app-state'
import { forgetKeyStorePassphrase } from './key-store-slice'
import { clearPersistMemo } from './persisted'
import { clearTeachingMemo } from './teaching-slice'

export const createDeviceSlice: SliceCreator<DeviceSlice> = (set, get, api) => ({
  inputsGeneration: 0,
  forgetEverything: () => {
    const generation = get().inputsGeneration + 1
    set({ ...api.getInitialState(), inputsGeneration: generation }, true)
    clearPersistMemo()
    clearTeachingMemo()
    forgetKeyStorePassphrase()
    api.persist.clearStorage()
  },
})
