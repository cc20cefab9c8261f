import { describe, expect, it } from 'vitest'
import { createLatestRunner, latestState, type Settled } from './use-latest'

/** A promise the test settles by hand, to make results arrive in any order. */
function deferred<T>() {
  let resolve!: (value: T) => void
  const promise = new Promise<T>((r) => {
    resolve = r
  })
  return { promise, resolve }
}

const flush = () => new Promise((r) => setTimeout(r, 0))

function runner() {
  const delivered: Settled<string>[] = []
  return { delivered, latest: createLatestRunner<string>((s) => delivered.push(s)) }
}

describe('createLatestRunner', () => {
  it('delivers the result of the only request with its key', async () => {
    const { delivered, latest } = runner()
    latest.request(['a'], async () => 'A')
    await flush()
    expect(delivered).toEqual([{ key: ['a'], value: 'A' }])
  })

  // Two requests, then their results in either order: only the newer request's result is delivered.
  for (const order of [['new', 'old'], ['old', 'new']] as const) {
    it(`ignores the superseded result when the ${order[0]} one answers first`, async () => {
      const { delivered, latest } = runner()
      const answers = { old: deferred<string>(), new: deferred<string>() }
      latest.request(['old'], () => answers.old.promise)
      latest.request(['new'], () => answers.new.promise)
      for (const which of order) {
        answers[which].resolve(which.toUpperCase())
        await flush()
      }
      expect(delivered).toEqual([{ key: ['new'], value: 'NEW' }])
    })
  }

  it('does not compute again for an equal key (elements compared with Object.is)', async () => {
    const { delivered, latest } = runner()
    const object = {}
    let calls = 0
    const compute = async () => `run ${++calls}`
    latest.request(['t', object], compute)
    latest.request(['t', object], compute)
    await flush()
    latest.request(['t', {}], compute)
    await flush()
    expect(calls).toBe(2)
    expect(delivered.map((d) => d.value)).toEqual(['run 1', 'run 2'])
  })

  it('a null key drops the result still pending', async () => {
    const { delivered, latest } = runner()
    const pending = deferred<string>()
    latest.request(['a'], () => pending.promise)
    latest.request(null, async () => 'never')
    pending.resolve('A')
    await flush()
    expect(delivered).toEqual([])
  })

  it('cancel drops the pending result and lets the same key run again', async () => {
    const { delivered, latest } = runner()
    const first = deferred<string>()
    latest.request(['a'], () => first.promise)
    latest.cancel()
    first.resolve('first')
    await flush()
    expect(delivered).toEqual([])
    latest.request(['a'], async () => 'second')
    await flush()
    expect(delivered).toEqual([{ key: ['a'], value: 'second' }])
  })
})

describe('latestState', () => {
  const settled: Settled<string> = { key: ['a', 1], value: 'A' }
  const cases: { name: string; key: readonly unknown[] | null; settled: Settled<string> | null; expected: unknown }[] = [
    { name: 'no key: idle', key: null, settled, expected: { status: 'idle' } },
    { name: 'nothing settled yet: pending without a previous result', key: ['a', 1], settled: null, expected: { status: 'pending', previous: null } },
    { name: 'settled for this key: done', key: ['a', 1], settled, expected: { status: 'done', value: 'A' } },
    { name: 'settled for another key: pending with the previous result', key: ['a', 2], settled, expected: { status: 'pending', previous: settled } },
    { name: 'a longer key is another key', key: ['a', 1, 0], settled, expected: { status: 'pending', previous: settled } },
  ]
  for (const c of cases) {
    it(c.name, () => {
      expect(latestState(c.key, c.settled)).toEqual(c.expected)
    })
  }
})

describe('createLatestRunner with a key already settled at mount', () => {
  it('does not compute that key again, but does compute the next one', async () => {
    const delivered: Settled<string>[] = []
    const latest = createLatestRunner<string>((s) => delivered.push(s), ['a'])
    let computed = 0
    latest.request(['a'], async () => {
      computed += 1
      return 'A'
    })
    await flush()
    expect(computed).toBe(0)
    expect(delivered).toEqual([])
    latest.request(['b'], async () => 'B')
    await flush()
    expect(delivered).toEqual([{ key: ['b'], value: 'B' }])
  })
})
