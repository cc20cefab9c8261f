import { createStore } from 'zustand'
import { persist, type PersistStorage, type StorageValue } from 'zustand/middleware'
import { useShallow } from 'zustand/react/shallow'
import type { AppState } from './app-state'
import { STORAGE_KEY, STORAGE_VERSION, droppedFields, partializeState, restoredState, sanitizePersisted, type PersistedState } from './persisted'
import { bindStore } from './bind-store'
import { createAppState } from './slices'

let restoreProblem: string | null = null
/** Whether the first read found no stored entry; null until storage was read. */
let nothingStored: boolean | null = null

/**
 * True when this browser had no stored state when the page opened (a first visit). A blocked or
 * unreadable storage is not a first visit: the user is told about it instead of shown an example.
 */
export function isFirstVisit(): boolean {
  return nothingStored === true && restoreProblem === null
}

/**
 * Stored fields that describe the device rather than a visit: the editor kind may be set before the
 * app first runs (a kiosk or a screen-reader setup, or a test run that spares the code editor), and
 * such an entry still opens with the example like any first visit.
 */
const DEVICE_PREFERENCES: readonly string[] = ['plainEditors']

function holdsOnlyDevicePreferences(state: unknown): boolean {
  if (typeof state !== 'object' || state === null || Array.isArray(state)) return false
  const names = Object.keys(state)
  return names.length > 0 && names.every((k) => DEVICE_PREFERENCES.includes(k))
}

/**
 * localStorage access that never throws: unreadable JSON or a blocked storage falls back to defaults
 * and leaves a notice for the user instead of stopping the app.
 */
const safeStorage: PersistStorage<PersistedState> = {
  getItem: (name) => {
    let text: string | null
    try {
      text = localStorage.getItem(name)
    } catch {
      restoreProblem = 'This browser blocks local storage, so nothing will be remembered after a reload.'
      nothingStored ??= false
      return null
    }
    if (text === null) {
      nothingStored ??= true
      return null
    }
    try {
      const parsed = JSON.parse(text) as StorageValue<unknown>
      if (typeof parsed !== 'object' || parsed === null || !('state' in parsed)) throw new Error('not a stored state')
      nothingStored ??= holdsOnlyDevicePreferences(parsed.state)
      const state = sanitizePersisted(parsed.state)
      // Well-formed JSON can still hold fields of the wrong type; those are dropped, and the user is told.
      if (droppedFields(parsed.state, state).length > 0) {
        restoreProblem = 'Some saved settings were unreadable and have been reset to defaults.'
      }
      return { state, version: typeof parsed.version === 'number' ? parsed.version : 0 }
    } catch {
      nothingStored ??= false
      restoreProblem = 'Saved settings were unreadable and have been reset to defaults.'
      try {
        localStorage.removeItem(name)
      } catch {
        // Storage may be read-only; the defaults are used either way.
      }
      return null
    }
  },
  setItem: (name, value) => {
    try {
      localStorage.setItem(name, JSON.stringify(value))
    } catch {
      // Quota exceeded or storage blocked: keeping the app working matters more than remembering.
    }
  },
  removeItem: (name) => {
    try {
      localStorage.removeItem(name)
    } catch {
      // See setItem.
    }
  },
}

export const useAppStore = bindStore(createStore<AppState>()(
  persist(
    createAppState,
    {
      name: STORAGE_KEY,
      version: STORAGE_VERSION,
      storage: safeStorage,
      partialize: partializeState,
      // Older or unknown versions are sanitised field by field rather than discarded wholesale.
      migrate: (persisted) => sanitizePersisted(persisted),
      merge: (persisted, current) => ({ ...current, ...restoredState(sanitizePersisted(persisted)) }),
      // The callback runs while `create` is still executing (storage is synchronous), before
      // `useAppStore` is assigned: use the state it is handed, not the hook.
      onRehydrateStorage: () => (state) => {
        if (restoreProblem) state?.setStorageNotice(restoreProblem)
      },
    },
  ),
))

/**
 * Several fields of the store (values or actions) in one subscription: the component re-renders
 * only when one of the named fields changes, as with one selector per field.
 */
export function useAppFields<K extends keyof AppState>(...names: K[]): Pick<AppState, K> {
  return useAppStore(
    useShallow((state) => {
      const picked = {} as Pick<AppState, K>
      for (const name of names) picked[name] = state[name]
      return picked
    }),
  )
}
