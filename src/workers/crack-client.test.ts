import { createHmac } from 'node:crypto'
import { describe, expect, it, vi } from 'vitest'
import { startCracking, type CrackingEngine, type CrackingProgress, type CrackingSummary } from './crack-client'

/**
 * Runs the real worker module in-process: each fake worker imports a fresh copy of
 * crack.worker.ts with its own `self`, and messages pass through asynchronously as with a Worker.
 */
class InProcessWorker {
  /** Loads one copy at a time: each module copy picks up `self` while it is evaluated. */
  private static loading: Promise<void> = Promise.resolve()
  onmessage: ((event: MessageEvent) => void) | null = null
  onerror: ((event: ErrorEvent) => void) | null = null
  terminated = false
  private readonly scope: { onmessage: ((event: { data: unknown }) => void) | null; postMessage: (data: unknown) => void }
  private readonly ready: Promise<void>

  constructor() {
    this.scope = {
      onmessage: null,
      postMessage: (data) => setTimeout(() => { if (!this.terminated) this.onmessage?.({ data } as MessageEvent) }, 0),
    }
    this.ready = InProcessWorker.loading = InProcessWorker.loading.then(async () => {
      vi.resetModules()
      ;(globalThis as { self?: unknown }).self = this.scope
      await import('./crack.worker')
    })
  }

  postMessage(data: unknown): void {
    void this.ready.then(() => { if (!this.terminated) this.scope.onmessage?.({ data }) })
  }

  terminate(): void {
    // A real Worker dies on terminate; the in-process copy is asked to stop instead.
    if (!this.terminated) void this.ready.then(() => this.scope.onmessage?.({ data: { type: 'cancel' } }))
    this.terminated = true
  }
}

function token(secret: string): string {
  const b64 = (s: string) => Buffer.from(s).toString('base64url')
  const input = `${b64('{"alg":"HS256","typ":"JWT"}')}.${b64('{"sub":"42"}')}`
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`
}

function target(secret: string) {
  const [h, p, s] = token(secret).split('.') as [string, string, string]
  return { signingInput: `${h}.${p}`, signature: new Uint8Array(Buffer.from(s, 'base64url')), alg: 'HS256' as const }
}

function run(options: Omit<Parameters<typeof startCracking>[0], 'onDone' | 'onFound' | 'onProgress' | 'onEngine' | 'createWorker'>) {
  return new Promise<{ summary: CrackingSummary; found: string | null; progress: CrackingProgress[]; workers: InProcessWorker[]; engines: CrackingEngine[] }>((resolve) => {
    let found: string | null = null
    const engines: CrackingEngine[] = []
    const progress: CrackingProgress[] = []
    const workers: InProcessWorker[] = []
    startCracking({
      ...options,
      createWorker: () => {
        const w = new InProcessWorker()
        workers.push(w)
        return w as unknown as Worker
      },
      onFound: (f) => { found = f.secret },
      onProgress: (p) => progress.push(p),
      onEngine: (e) => engines.push(e),
      onDone: (summary) => resolve({ summary, found, progress, workers, engines }),
    })
  })
}

describe('startCracking', () => {
  it('finds a default secret from the bundled list with two workers and stops them all', async () => {
    const { summary, found, workers } = await run({ token: target('your-256-bit-secret'), source: 'bundled', mutations: false, workers: 2 })
    expect(found).toBe('your-256-bit-secret')
    expect(summary.found).toBe(true)
    expect(workers.length).toBe(2)
    expect(workers.every((w) => w.terminated)).toBe(true)
  })

  it('finds a mutated secret in a user file split between three workers', async () => {
    const lines = Array.from({ length: 600 }, (_, i) => `word${i}`)
    lines[444] = 'hunter'
    const file = new Blob([lines.join('\r\n')])
    const { found } = await run({ token: target('Hunter2024'), source: file, mutations: true, workers: 3 })
    expect(found).toBe('Hunter2024')
  })

  it('reports every candidate of a file as tested when the secret is absent', async () => {
    const file = new Blob([Array.from({ length: 5000 }, (_, i) => `w${i}`).join('\n')])
    const { summary, progress } = await run({ token: target('absent'), source: file, mutations: false, workers: 2 })
    expect(summary).toEqual({ found: false, tested: 5000, cancelled: false })
    expect(progress.at(-1)?.fraction).toBe(1)
  })

  it('reports the engine once: WebAssembly SIMD, or JavaScript with the reason when SIMD is off', async () => {
    const simd = await run({ token: target('changeme'), source: 'bundled', mutations: false, workers: 2 })
    expect(simd.found).toBe('changeme')
    expect(simd.engines).toEqual([{ engine: 'wasm-simd' }])
    const js = await run({ token: target('changeme'), source: 'bundled', mutations: false, workers: 2, wasm: false })
    expect(js.found).toBe('changeme')
    expect(js.engines).toEqual([{ engine: 'js', fallbackReason: 'WebAssembly SIMD was turned off for this run.' }])
  })

  it('ends with NOT_HMAC for an RS256 token without starting workers', async () => {
    const { summary, workers } = await run({ token: { ...target('x'), alg: 'RS256' as unknown as 'HS256' }, source: 'bundled', mutations: false })
    expect(summary.error?.code).toBe('NOT_HMAC')
    expect(workers.length).toBe(0)
  })
})
