/**
 * Picks the cracker's engine: the WebAssembly SIMD module where the browser can compile it, the
 * JavaScript engine otherwise. Both give the same answers (the tests compare them with node:crypto);
 * the module is fetched as its own chunk only when a run starts.
 */
import { err, ok, type Result } from '../result'
import { createCracker, type Cracker, type CrackErrorCode, type CrackTarget } from './cracker'

/** The engine a cracker runs on. */
export type CrackEngine = 'wasm-simd' | 'js'

/** A cracker and the engine it runs on. */
export interface ChosenCracker {
  readonly cracker: Cracker
  readonly engine: CrackEngine
  /** Why the JavaScript engine runs instead of WebAssembly SIMD (absent when SIMD runs). */
  readonly fallbackReason?: string
}

/** Options of {@link createFastestCracker}. */
export interface CreateFastestCrackerOptions {
  /** False forces the JavaScript engine (default: WebAssembly SIMD where available). */
  readonly wasm?: boolean
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
  if (options.wasm === false) {
    return ok({ cracker: js.value, engine: 'js', fallbackReason: 'WebAssembly SIMD was turned off for this run.' })
  }
  let reason: string
  try {
    const { createWasmCracker } = await import('./wasm-cracker')
    const wasm = await createWasmCracker(target)
    if (wasm.ok) return ok({ cracker: wasm.value, engine: 'wasm-simd' })
    if (wasm.error.code !== 'WASM_UNAVAILABLE') return err(wasm.error.code, wasm.error.message)
    reason = wasm.error.message
  } catch (e) {
    reason = `The WebAssembly engine could not be loaded${e instanceof Error && e.message ? ` (${e.message})` : ''}.`
  }
  return ok({ cracker: js.value, engine: 'js', fallbackReason: reason })
}
