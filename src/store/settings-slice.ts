import type { StateCreator } from 'zustand'
import type { AppState } from './app-store'

export type Theme = 'system' | 'light' | 'dark'

/** View preferences and notices. */
export interface SettingsSlice {
  theme: Theme
  presentationMode: boolean
  /** Shown once when stored state could not be restored. */
  storageNotice: string | null
  setTheme: (theme: Theme) => void
  setPresentationMode: (on: boolean) => void
  setStorageNotice: (notice: string | null) => void
}

export const createSettingsSlice: StateCreator<AppState, [], [], SettingsSlice> = (set) => ({
  theme: 'system',
  presentationMode: false,
  storageNotice: null,
  setTheme: (theme) => set({ theme }),
  setPresentationMode: (presentationMode) => set({ presentationMode }),
  setStorageNotice: (storageNotice) => set({ storageNotice }),
})
