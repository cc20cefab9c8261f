import type { SettingsSlice, SliceCreator } from './app-state'

export type { Theme } from './app-state'

export const createSettingsSlice: SliceCreator<SettingsSlice> = (set) => ({
  theme: 'system',
  presentationMode: false,
  storageNotice: null,
  setTheme: (theme) => set({ theme }),
  setPresentationMode: (presentationMode) => set({ presentationMode }),
  setStorageNotice: (storageNotice) => set({ storageNotice }),
})
