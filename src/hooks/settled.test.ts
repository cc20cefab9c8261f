import { describe, expect, it } from 'vitest'
import { settledValue, tracked } from './settled'

const flush = () => new Promise((r) => setTimeout(r, 0))

describe('tracked / settledValue', () => {
  it('knows the value of a tracked promise once it has resolved, not before', async () => {
    let resolve!: (v: string) => void
    const p = tracked(new Promise<string>((r) => (resolve = r)))
    expect(settledValue(p)).toBeUndefined()
    resolve('done')
    await p
    expect(settledValue(p)).toEqual({ value: 'done' })
  })

  it('is known by the time an await of the same promise resumes', async () => {
    const p = tracked(Promise.resolve(42))
    await p
    expect(settledValue(p)).toEqual({ value: 42 })
  })

  it('keeps a resolved undefined apart from "not settled"', async () => {
    const p = tracked(Promise.resolve(undefined))
    await p
    expect(settledValue(p)).toEqual({ value: undefined })
  })

  it('knows nothing of a rejected or an untracked promise', async () => {
    const rejected = tracked(Promise.reject(new Error('no')))
    await rejected.catch(() => undefined)
    await flush()
    expect(settledValue(rejected)).toBeUndefined()
    const untracked = Promise.resolve(1)
    await untracked
    expect(settledValue(untracked)).toBeUndefined()
  })
})
