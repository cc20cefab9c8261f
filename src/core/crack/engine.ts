/**
 * Picks the cracker's engine: the GPU (WebGPU, HS256) when asked for and available, else the
 * WebAssembly SIMD module where the browser can compile it, else the JavaScript engine. All give
 * the same answers (the tests compare them with node:crypto); the WebAssembly and GPU code are
 * fetched as chunks of their own only when a run starts.
 */
import { ok, type Result } from '../result'
import { createCracker, type Cracker, type CrackErrorCode, type CrackTarget } from './cracker'
import type { GpuEntry } from './webgpu-cracker'

/** The engine a cracker runs on. */
export type CrackEngine = 'webgpu' | 'wasm-simd' | 'js'

/** A cracker and the engine it runs on. */
export interface ChosenCracker {
  readonly cracker: Cracker
  readonly engine: CrackEngine
  /** Why a slower engine runs than the one asked for (absent when the fastest one asked for runs). */
  readonly fallbackReason?: string
  /** The GPU adapter, for `webgpu`. */
  readonly adapter?: string
}

/** Options of {@link createFastestCracker}. */
export interface CreateFastestCrackerOptions {
  /** False forces the JavaScript engine (default: WebAssembly SIMD where available). */
  readonly wasm?: boolean
  /** `navigator.gpu`, to try the GPU first (HS256 only); the CPU engines are the fallback. */
  readonly gpu?: GpuEntry | null
}

/**
 * Creates the fastest cracker this thread can run for `target`. Token errors are those of
 * `createCracker`; a missing or refused WebAssembly SIMD is not an error but a fallback, with the reason.
 */
export async function createFastestCracker(
  target: CrackTarget,
  options: CreateFastestCrackerOptions = {},
): Promise<Result<ChosenCracker, CrackErrorCode>> {
  const js = createCracker(target)
  if (!js.ok) return js
  let gpuReason: string | null = null
  if (options.gpu !== undefined) {
    if (target.alg !== 'HS256') {
      gpuReason = `The GPU path computes HS256 only; this token is ${target.alg}.`
    } else if (options.gpu === null) {
      gpuReason = 'This browser has no WebGPU.'
    } else {
      try {
        const { createGpuCracker } = await import('./webgpu-cracker')
        const cpu = await createFastestCracker(target, { wasm: options.wasm })
        const gpu = await createGpuCracker(options.gpu, cpu.ok ? cpu.value.cracker : js.value, target.signature)
        return ok({ cracker: gpu, engine: 'webgpu', adapter: gpu.adapterName })
      } catch (e) {
        gpuReason = `WebGPU could not start (${e instanceof Error && e.message ? e.message : String(e)}).`
      }
    }
  }
  const cpu = await createCpuCracker(target, js.value, options.wasm)
  return gpuReason === null ? ok(cpu) : ok({ ...cpu, fallbackReason: [gpuReason, cpu.fallbackReason].filter((r) => r).join(' ') })
}

/** WebAssembly SIMD where it compiles, else the JavaScript cracker `js`. */
async function createCpuCracker(target: CrackTarget, js: Cracker, wasmAllowed: boolean | undefined): Promise<ChosenCracker> {
  if (wasmAllowed === false) {
    return { cracker: js, engine: 'js', fallbackReason: 'WebAssembly SIMD was turned off for this run.' }
  }
  let reason: string
  try {
    const { createWasmCracker } = await import('./wasm-cracker')
    const wasm = await createWasmCracker(target)
    if (wasm.ok) return { cracker: wasm.value, engine: 'wasm-simd' }
    // The target was checked above, so only the engine itself can be missing here.
    reason = wasm.error.message
  } catch (e) {
    reason = `The WebAssembly engine could not be loaded${e instanceof Error && e.message ? ` (${e.message})` : ''}.`
  }
  return { cracker: js, engine: 'js', fallbackReason: reason }
}
