import { createElement } from 'react'
import { renderToString } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { createStore } from 'zustand'
import { bindStore } from './bind-store'

describe('bindStore', () => {
  it('renders the current state on the server, not the defaults (the prerender shows what boot loaded)', () => {
    const useCount = bindStore(createStore<{ count: number }>()(() => ({ count: 0 })))
    useCount.setState({ count: 7 })
    const Count = () => createElement('output', null, useCount((s) => s.count))
    expect(renderToString(createElement(Count))).toBe('<output>7</output>')
    expect(useCount.getInitialState().count).toBe(0)
  })

  it('keeps the store API on the hook', () => {
    const useCount = bindStore(createStore<{ count: number }>()(() => ({ count: 1 })))
    const seen: number[] = []
    const stop = useCount.subscribe((s) => seen.push(s.count))
    useCount.setState({ count: 2 })
    stop()
    useCount.setState({ count: 3 })
    expect(seen).toEqual([2])
    expect(useCount.getState().count).toBe(3)
  })
})

describe('bindStore freezeServerSnapshot', () => {
  it('keeps the server snapshot at the frozen state while the store moves on', () => {
    const useCount = bindStore(createStore<{ count: number }>()(() => ({ count: 1 })))
    useCount.freezeServerSnapshot()
    useCount.setState({ count: 2 })
    const Count = () => createElement('output', null, useCount((s) => s.count))
    // renderToString reads the server snapshot, as a hydration does.
    expect(renderToString(createElement(Count))).toBe('<output>1</output>')
    expect(useCount.getState().count).toBe(2)
  })
})
