import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'

vi.stubGlobal('localStorage', { getItem: () => null, setItem: () => {}, removeItem: () => {} })

let store: typeof import('./app-store').useAppStore
beforeAll(async () => {
  store = (await import('./app-store')).useAppStore
})

const b64u = (text: string) => Buffer.from(text).toString('base64url')
// Header bytes: `{` 0, `"ab":1` 1–6, `,` 7, `"cd":2` 8–13, `}` 14. Payload: `{` 0, `"sub":"x"` 1–9, `}` 10.
const header = b64u('{"ab":1,"cd":2}')
const payload = b64u('{"sub":"x"}')
const token = `${header}.${payload}.c2ln`
const payloadStart = header.length + 1

/** Base64url characters covering bytes [start, end) of a part: byte b holds bits 8b…8b+7, a character 6 of them. */
const chars = (partStart: number, start: number, end: number) => ({ start: partStart + Math.floor((start * 8) / 6), end: partStart + Math.ceil((end * 8) / 6) })

beforeEach(() => {
  store.getState().forgetEverything()
  store.getState().setToken(token)
})

describe('highlightMember', () => {
  it.each([
    ['the first header member', 'header' as const, 0, 'ab', chars(0, 1, 7)],
    ['the second header member', 'header' as const, 1, 'cd', chars(0, 8, 14)],
    ['the payload member', 'payload' as const, 0, 'sub', chars(payloadStart, 1, 10)],
  ])('%s: the characters that encode it and the member', (_name, segment, index, name, range) => {
    store.getState().highlightMember(segment, index)
    expect(store.getState().highlight).toEqual({ segment, ...range, token })
    expect(store.getState().jsonHighlight).toEqual({ segment, index, name, token })
  })

  it.each([
    ['an index the part does not have', 'header' as const, 2],
    ['no index', 'payload' as const, null],
    ['a negative index', 'payload' as const, -1],
  ])('%s clears the highlight', (_name, segment, index) => {
    store.getState().highlightMember('header', 0)
    store.getState().highlightMember(segment, index)
    expect(store.getState()).toMatchObject({ highlight: null, jsonHighlight: null })
  })

  it('the same member again, or clearing twice, notifies nobody', () => {
    const listener = vi.fn()
    const unsubscribe = store.subscribe(listener)
    store.getState().highlightMember('header', 1)
    store.getState().highlightMember('header', 1)
    store.getState().clearHighlight()
    store.getState().clearHighlight()
    store.getState().highlightMember('payload', null)
    unsubscribe()
    expect(listener).toHaveBeenCalledTimes(2)
  })

  it('follows the current token, not the one hovered before', () => {
    store.getState().highlightMember('header', 1)
    const other = `${b64u('{"x":1}')}.${payload}.c2ln`
    store.getState().setToken(other)
    store.getState().highlightMember('header', 1)
    expect(store.getState()).toMatchObject({ highlight: null, jsonHighlight: null })
    store.getState().highlightMember('header', 0)
    expect(store.getState().jsonHighlight).toEqual({ segment: 'header', index: 0, name: 'x', token: other })
  })
})

describe('highlightAtTokenOffset', () => {
  it.each([
    ['a character inside the first member', 3, { segment: 'header', index: 0, name: 'ab' }],
    ['a character shared by "ab":1 and the comma', 9, { segment: 'header', index: 0, name: 'ab' }],
    ['a character inside the second member', 12, { segment: 'header', index: 1, name: 'cd' }],
    ['a payload character', payloadStart + 5, { segment: 'payload', index: 0, name: 'sub' }],
  ])('%s highlights that member', (_name, offset, member) => {
    store.getState().highlightAtTokenOffset(offset)
    expect(store.getState().jsonHighlight).toEqual({ ...member, token })
  })

  it.each([
    ['the opening brace', 0],
    ['the dot between the parts', header.length],
    ['the signature', token.length - 1],
    ['past the end', token.length + 10],
    ['no offset', null],
  ])('%s clears the highlight', (_name, offset) => {
    store.getState().highlightMember('payload', 0)
    store.getState().highlightAtTokenOffset(offset)
    expect(store.getState()).toMatchObject({ highlight: null, jsonHighlight: null })
  })
})
