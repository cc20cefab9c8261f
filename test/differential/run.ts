/**
 * Runs one shard of a differential run: cases `shard`, `shard + shards`, … below `runs`. Every case
 * depends only on the seed and its index, so shards may run in separate threads and merge.
 */
import { CaseMaker } from './cases'
import { KeyWorld } from './keys'
import { CoreVerifier, joseVerify } from './oracles'
import { Prng } from './prng'
import { Tally, type TallySnapshot } from './tally'

export interface ShardOptions {
  readonly seed: number
  readonly runs: number
  readonly shard: number
  readonly shards: number
  /** Verifications in flight at once. */
  readonly concurrency: number
}

export interface ShardResult {
  readonly tally: TallySnapshot
  /** Distinct key texts the core parsed. */
  readonly parsedKeys: number
  /** Distinct signed base tokens. */
  readonly bases: number
}

export async function runShard(options: ShardOptions): Promise<ShardResult> {
  // Most cases end in a rejection, and jose reports each one with a new Error: skipping their
  // stack traces saves a tenth of the time.
  const stackTraceLimit = Error.stackTraceLimit
  Error.stackTraceLimit = 0
  try {
    const world = new KeyWorld(new Prng(options.seed, -1))
    const maker = new CaseMaker(world, options.seed)
    const core = new CoreVerifier()
    const tally = new Tally()
    let next = options.shard
    const worker = async () => {
      while (next < options.runs) {
        const c = maker.make(next)
        next += options.shards
        const [coreOutcome, joseOutcome] = await Promise.all([core.run(c.token, c.form.text, c.form.encoding), joseVerify(c.token, c.form.jose)])
        tally.add(c, coreOutcome, joseOutcome)
      }
    }
    await Promise.all(Array.from({ length: options.concurrency }, worker))
    return { tally: tally.snapshot(), parsedKeys: core.parsedKeys, bases: maker.baseCount }
  } finally {
    Error.stackTraceLimit = stackTraceLimit
  }
}
