import type { SettingsSlice, SliceCreator } from './app-state'

export type { Theme } from './app-state'

export const createSettingsSlice: SliceCreator<SettingsSlice> = (set) => ({
  theme: 'system',
  presentationMode: false,
  plainEditors: false,
  storageNotice: null,
  setTheme: (theme) => set({ theme }),
  setPresentationMode: (presentationMode) => set({ presentationMode }),
  setPlainEditors: (plainEditors) => set({ plainEditors }),
  setStorageNotice: (storageNotice) => set({ storageNotice }),
})
