import { beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { stubMemoryStorage } from '../../test/memory-storage'
import { STORAGE_KEY } from './persisted'

const items = stubMemoryStorage()

let store: typeof import('./app-store').useAppStore
beforeAll(async () => {
  store = (await import('./app-store')).useAppStore
})
beforeEach(() => store.getState().forgetEverything())

const storedIssuers = () => (JSON.parse(items.get(STORAGE_KEY) ?? '{"state":{}}') as { state: { allowedIssuers?: string[] } }).state.allowedIssuers

describe('allowed issuers', () => {
  it('remembers an issuer once, in the order allowed, and writes it to storage', () => {
    store.getState().allowIssuer('https://idp.example')
    store.getState().allowIssuer('http://localhost:8080/realms/dev')
    store.getState().allowIssuer('https://idp.example')
    expect(store.getState().allowedIssuers).toEqual(['https://idp.example', 'http://localhost:8080/realms/dev'])
    expect(storedIssuers()).toEqual(['https://idp.example', 'http://localhost:8080/realms/dev'])
  })

  it('ignores what discovery could not request', () => {
    for (const bad of ['http://idp.example', 'file:///etc/passwd', 'https://u:p@idp.example', 'idp.example', '']) store.getState().allowIssuer(bad)
    expect(store.getState().allowedIssuers).toEqual([])
  })

  it('forgets one issuer, and "Forget everything" forgets them all', () => {
    store.getState().allowIssuer('https://a.example')
    store.getState().allowIssuer('https://b.example')
    store.getState().forgetAllowedIssuer('https://a.example')
    expect(store.getState().allowedIssuers).toEqual(['https://b.example'])
    expect(storedIssuers()).toEqual(['https://b.example'])
    store.getState().forgetEverything()
    expect(store.getState().allowedIssuers).toEqual([])
    expect(items.has(STORAGE_KEY)).toBe(false)
  })
})
