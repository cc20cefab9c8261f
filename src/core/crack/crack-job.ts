/**
 * Runs a cracking job over a candidate source in time slices: progress every ~100 ms, a pause to
 * the event loop now and then so a worker can hear "cancel", and mutations interleaved per batch
 * so that a plain word is always tried before its mutations.
 */
import { err, ok, type Result } from '../result'
import { CandidateBatchBuilder, type CandidateBatch } from './candidate-batch'
import type { Cracker } from './cracker'
import type { LineBatch } from './line-splitter'
import { countMutations, MutationExpander } from './mutations'

/** Where a job's candidates come from. */
export type CrackSource =
  | {
      readonly kind: 'list'
      readonly candidates: readonly string[]
      /** This job takes candidates `i` with `i % parts === part` (default: all). */
      readonly part?: number
      readonly parts?: number
    }
  | {
      readonly kind: 'lines'
      readonly batches: AsyncIterable<LineBatch>
      /** Size of the byte range being read, for progress by bytes. */
      readonly totalBytes?: number
    }

/** A progress report of a running job. */
export interface CrackProgress {
  /** Candidates tried so far. */
  readonly tested: number
  /** Candidates this job will try in all, when known in advance (lists). */
  readonly total?: number
  /** Bytes of the word list read so far, and in all (line sources). */
  readonly bytesDone?: number
  readonly totalBytes?: number
  readonly elapsedMs: number
  /** Candidates per second since the job started. */
  readonly rate: number
}

/** A secret that matched. */
export interface FoundSecret {
  /** The secret as text (invalid UTF-8 sequences shown as U+FFFD). */
  readonly secret: string
  readonly bytes: Uint8Array
  /** False when the matching bytes are not valid UTF-8 (then `secret` is only an approximation). */
  readonly utf8: boolean
}

/** How a job ended. */
export interface CrackOutcome {
  readonly found: FoundSecret | null
  readonly tested: number
  readonly cancelled: boolean
  readonly elapsedMs: number
}

/** Options of {@link runCrackJob}. */
export interface CrackJobOptions {
  readonly cracker: Cracker
  readonly source: CrackSource
  readonly mutations: boolean
  readonly onProgress?: (progress: CrackProgress) => void
  /** Checked between slices; an AbortSignal fits. */
  readonly signal?: { readonly aborted: boolean }
  readonly progressIntervalMs?: number
  /** How often to give the event loop a turn (default 200 ms). */
  readonly yieldIntervalMs?: number
  readonly now?: () => number
}

/** Error codes of {@link runCrackJob}. */
export type CrackJobErrorCode = 'READ_FAILED'

const SLICE = 1024
const BATCH = 4096

/** Number of candidates a list job will try for `candidates` (its share when partitioned). */
export function countListCandidates(candidates: readonly string[], mutations: boolean, part = 0, parts = 1): number {
  let n = 0
  for (let i = part; i < candidates.length; i += parts) n += mutations ? 1 + countMutations(candidates[i]!) : 1
  return n
}

const fatalDecoder = new TextDecoder('utf-8', { fatal: true })
const lenientDecoder = new TextDecoder('utf-8')

function describe(bytes: Uint8Array): FoundSecret {
  const copy = bytes.slice()
  try {
    return { secret: fatalDecoder.decode(copy), bytes: copy, utf8: true }
  } catch {
    return { secret: lenientDecoder.decode(copy), bytes: copy, utf8: false }
  }
}

/**
 * Tries every candidate of `source` (and, with `mutations`, their mutations) until the secret is
 * found, the source is exhausted or `signal` is aborted. Never rejects: a failing read of a word
 * list comes back as `READ_FAILED`.
 */
export async function runCrackJob(options: CrackJobOptions): Promise<Result<CrackOutcome, CrackJobErrorCode>> {
  const { cracker, source, mutations } = options
  const now = options.now ?? (() => performance.now())
  const progressInterval = options.progressIntervalMs ?? 100
  const yieldInterval = options.yieldIntervalMs ?? 200
  const started = now()
  let lastProgress = started
  let lastYield = started
  let tested = 0
  let bytesDone = 0
  let cancelled = false
  const total = source.kind === 'list'
    ? countListCandidates(source.candidates, mutations, source.part ?? 0, source.parts ?? 1)
    : undefined
  const totalBytes = source.kind === 'lines' ? source.totalBytes : undefined

  const report = (t: number): void => {
    const elapsedMs = t - started
    options.onProgress?.({
      tested, total, elapsedMs, rate: elapsedMs > 0 ? (tested * 1000) / elapsedMs : 0,
      ...(source.kind === 'lines' ? { bytesDone, totalBytes } : {}),
    })
  }

  /** Tries a batch in slices; returns the found candidate's bytes, or null. */
  const tryBatch = async (batch: CandidateBatch): Promise<Uint8Array | null> => {
    // A device that answers later wants whole batches: its round trip costs more than a slice.
    const slice = cracker.tryPackedAsync ? batch.count : SLICE
    for (let from = 0; from < batch.count && !cancelled; from += slice) {
      const to = Math.min(batch.count, from + slice)
      const hit = cracker.tryPackedAsync ? await cracker.tryPackedAsync(batch, from, to) : cracker.tryPacked(batch, from, to)
      if (hit >= 0) {
        tested += hit - from + 1
        return batch.bytes.subarray(batch.offsets[hit]!, batch.offsets[hit + 1]!)
      }
      tested += to - from
      const t = now()
      if (t - lastProgress >= progressInterval) {
        lastProgress = t
        report(t)
      }
      if (t - lastYield >= yieldInterval) {
        await new Promise<void>((resolve) => setTimeout(resolve, 0))
        lastYield = now()
      }
      if (options.signal?.aborted) cancelled = true
    }
    return null
  }

  const expander = new MutationExpander()
  const mutationBuilder = new CandidateBatchBuilder()
  /** Tries the mutations of every candidate of `batch`, a few thousand at a time. */
  const tryMutations = async (batch: CandidateBatch): Promise<Uint8Array | null> => {
    mutationBuilder.reset()
    for (let i = 0; i < batch.count && !cancelled; i++) {
      expander.addMutations(batch.bytes, batch.offsets[i]!, batch.offsets[i + 1]!, mutationBuilder)
      if (mutationBuilder.count >= BATCH || i === batch.count - 1) {
        const hit = await tryBatch(mutationBuilder.batch())
        if (hit) return hit
        mutationBuilder.reset()
      }
    }
    return null
  }

  const finish = (hit: Uint8Array | null): Result<CrackOutcome, CrackJobErrorCode> => {
    const t = now()
    report(t)
    return ok({ found: hit ? describe(hit) : null, tested, cancelled: cancelled && !hit, elapsedMs: t - started })
  }

  if (source.kind === 'list') {
    const part = source.part ?? 0
    const parts = source.parts ?? 1
    const builder = new CandidateBatchBuilder()
    // All plain words first: a default secret should be found in milliseconds, not after mutations.
    for (const pass of mutations ? [false, true] : [false]) {
      for (let i = part; i < source.candidates.length && !cancelled; ) {
        builder.reset()
        for (; i < source.candidates.length && builder.count < (pass ? 16 : BATCH); i += parts) {
          builder.addString(source.candidates[i]!)
        }
        const hit = pass ? await tryMutations(builder.batch()) : await tryBatch(builder.batch())
        if (hit) return finish(hit)
      }
    }
    return finish(null)
  }

  try {
    for await (const batch of source.batches) {
      bytesDone = batch.bytesRead
      const hit = (await tryBatch(batch)) ?? (mutations && !cancelled ? await tryMutations(batch) : null)
      if (hit) return finish(hit)
      if (cancelled) break
    }
  } catch (e) {
    const reason = e instanceof Error && e.message ? ` (${e.message})` : ''
    return err('READ_FAILED', `The word list could not be read${reason}; choose the file again.`)
  }
  return finish(null)
}
