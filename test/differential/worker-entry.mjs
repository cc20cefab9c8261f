// Runs one shard of the differential test in a worker thread. Workers do not get the test runner's
// transform, so the TypeScript sources (the differential modules and the core) are loaded through tsx.
import { parentPort, workerData } from 'node:worker_threads'
import { register } from 'tsx/esm/api'

register()
const { runShard } = await import('./run.ts')
parentPort.postMessage(await runShard(workerData))
