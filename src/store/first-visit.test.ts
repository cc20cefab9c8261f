import { afterEach, describe, expect, it, vi } from 'vitest'
import { STORAGE_KEY } from './persisted'

// The store reads storage once, when it is created: each case loads a fresh copy of the store
// module over a different storage.
async function storeOver(storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>) {
  vi.resetModules()
  vi.stubGlobal('localStorage', storage)
  return import('./app-store')
}

function storageWith(entry: string | null) {
  const items = new Map<string, string>(entry === null ? [] : [[STORAGE_KEY, entry]])
  return {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
    removeItem: (k: string) => void items.delete(k),
  }
}

const blocked = {
  getItem: () => {
    throw new DOMException('The operation is insecure.', 'SecurityError')
  },
  setItem: () => {
    throw new DOMException('The operation is insecure.', 'SecurityError')
  },
  removeItem: () => {},
}

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('isFirstVisit', () => {
  it.each([
    ['nothing stored', storageWith(null), true, null],
    ['a stored entry', storageWith(JSON.stringify({ state: { theme: 'dark' }, version: 2 })), false, null],
    ['only the plain editors preference', storageWith(JSON.stringify({ state: { plainEditors: true }, version: 2 })), true, null],
    ['the preference with a setting', storageWith(JSON.stringify({ state: { plainEditors: true, theme: 'dark' }, version: 2 })), false, null],
    ['an unreadable entry', storageWith('{not json'), false, 'Saved settings were unreadable and have been reset to defaults.'],
    ['a blocked storage', blocked, false, 'This browser blocks local storage, so nothing will be remembered after a reload.'],
  ])('%s', async (_name, storage, expected, notice) => {
    const { isFirstVisit, useAppStore } = await storeOver(storage)
    expect(isFirstVisit()).toBe(expected)
    expect(useAppStore.getState().storageNotice).toBe(notice)
  })

  it('restores the plain editors preference of an entry that holds only it', async () => {
    const { isFirstVisit, useAppStore } = await storeOver(storageWith(JSON.stringify({ state: { plainEditors: true }, version: 2 })))
    expect(isFirstVisit()).toBe(true)
    expect(useAppStore.getState().plainEditors).toBe(true)
  })

  it('stays what the first read found after the store writes', async () => {
    const { isFirstVisit, useAppStore } = await storeOver(storageWith(null))
    useAppStore.getState().setTheme('dark')
    await useAppStore.persist.rehydrate()
    expect(isFirstVisit()).toBe(true)
  })
})
