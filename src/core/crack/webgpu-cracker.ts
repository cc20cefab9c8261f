/**
 * The cracker's GPU path (WebGPU, HS256): one shader invocation per candidate computes the whole
 * HMAC-SHA-256 and the first match wins through an atomic minimum. It runs only when the user asks
 * for it and the browser hands out an adapter; anything else falls back to the CPU engines.
 */
import type { CandidateBatch } from './candidate-batch'
import type { Cracker } from './cracker'
import { loadWords, padAfterKeyBlock } from './hmac-engine'
import { encodeUtf8Into } from './candidate-batch'
import { K, sha256ScheduleKW } from './sha256'

/** The few WebGPU shapes used here (the TypeScript DOM library does not describe WebGPU yet). */
interface GpuBuffer {
  mapAsync(mode: number): Promise<void>
  getMappedRange(): ArrayBuffer
  unmap(): void
  destroy(): void
}
interface GpuDevice {
  readonly queue: { writeBuffer(buffer: GpuBuffer, offset: number, data: ArrayBufferView<ArrayBuffer>): void; submit(commands: unknown[]): void }
  createShaderModule(descriptor: { code: string }): unknown
  createComputePipelineAsync(descriptor: { layout: 'auto'; compute: { module: unknown; entryPoint: string } }): Promise<{ getBindGroupLayout(index: number): unknown }>
  createBuffer(descriptor: { size: number; usage: number }): GpuBuffer
  createBindGroup(descriptor: { layout: unknown; entries: { binding: number; resource: { buffer: GpuBuffer } }[] }): unknown
  createCommandEncoder(): {
    beginComputePass(): { setPipeline(p: unknown): void; setBindGroup(i: number, g: unknown): void; dispatchWorkgroups(x: number): void; end(): void }
    copyBufferToBuffer(src: GpuBuffer, srcOffset: number, dst: GpuBuffer, dstOffset: number, size: number): void
    finish(): unknown
  }
  destroy(): void
}
interface GpuAdapter {
  readonly info?: { readonly vendor?: string; readonly architecture?: string; readonly description?: string }
  requestDevice(): Promise<GpuDevice>
}
/** `navigator.gpu`, as far as the cracker needs it. */
export interface GpuEntry {
  requestAdapter(): Promise<GpuAdapter | null>
}

const MAP_READ = 0x1
const COPY_SRC = 0x4
const COPY_DST = 0x8
const UNIFORM = 0x40
const STORAGE = 0x80
const WORKGROUP = 64
const NO_HIT = 0xffffffff

const u = (n: number): string => `0x${(n >>> 0).toString(16)}u`

/** HMAC-SHA-256 per invocation; the message blocks' K + W come precomputed, as in the other engines. */
const SHADER = /* wgsl */ `
struct Params { blocks: u32, count: u32, pad0: u32, pad1: u32, target0: vec4<u32>, target1: vec4<u32> }
@group(0) @binding(0) var<storage, read> kw: array<u32>;
@group(0) @binding(1) var<storage, read> keys: array<u32>;
@group(0) @binding(2) var<storage, read> offs: array<u32>;
@group(0) @binding(3) var<uniform> params: Params;
@group(0) @binding(4) var<storage, read_write> result: atomic<u32>;
var<private> K: array<u32, 64> = array<u32, 64>(${Array.from(K, u).join(', ')});
const IV = array<u32, 8>(0x6a09e667u, 0xbb67ae85u, 0x3c6ef372u, 0xa54ff53au, 0x510e527fu, 0x9b05688cu, 0x1f83d9abu, 0x5be0cd19u);

fn rotr(x: u32, n: u32) -> u32 { return (x >> n) | (x << (32u - n)); }

fn rounds(st: ptr<function, array<u32, 8>>, w: ptr<function, array<u32, 16>>, table: u32, useTable: bool) {
  var a = (*st)[0]; var b = (*st)[1]; var c = (*st)[2]; var d = (*st)[3];
  var e = (*st)[4]; var f = (*st)[5]; var g = (*st)[6]; var h = (*st)[7];
  for (var t = 0u; t < 64u; t++) {
    var kt: u32;
    if (useTable) {
      kt = kw[table + t];
    } else {
      var wt = (*w)[t & 15u];
      if (t >= 16u) {
        let x = (*w)[(t - 15u) & 15u];
        let y = (*w)[(t - 2u) & 15u];
        wt = wt + (rotr(x, 7u) ^ rotr(x, 18u) ^ (x >> 3u)) + (*w)[(t - 7u) & 15u] + (rotr(y, 17u) ^ rotr(y, 19u) ^ (y >> 10u));
        (*w)[t & 15u] = wt;
      }
      kt = K[t] + wt;
    }
    let t1 = h + (rotr(e, 6u) ^ rotr(e, 11u) ^ rotr(e, 25u)) + (g ^ (e & (f ^ g))) + kt;
    let t2 = (rotr(a, 2u) ^ rotr(a, 13u) ^ rotr(a, 22u)) + ((a & b) | (c & (a | b)));
    h = g; g = f; f = e; e = d + t1; d = c; c = b; b = a; a = t1 + t2;
  }
  (*st)[0] += a; (*st)[1] += b; (*st)[2] += c; (*st)[3] += d;
  (*st)[4] += e; (*st)[5] += f; (*st)[6] += g; (*st)[7] += h;
}

@compute @workgroup_size(${WORKGROUP})
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
  let i = gid.x;
  if (i >= params.count) { return; }
  let start = offs[i];
  let end = offs[i + 1u];
  var key: array<u32, 16>;
  for (var j = 0u; j < 16u; j++) {
    var word = 0u;
    for (var k = 0u; k < 4u; k++) {
      let p = start + 4u * j + k;
      if (p < end) { word = word | (((keys[p >> 2u] >> ((p & 3u) * 8u)) & 0xffu) << (24u - 8u * k)); }
    }
    key[j] = word;
  }
  var w: array<u32, 16>;
  var st = IV;
  for (var j = 0u; j < 16u; j++) { w[j] = key[j] ^ 0x36363636u; }
  rounds(&st, &w, 0u, false);
  for (var blk = 0u; blk < params.blocks; blk++) { rounds(&st, &w, blk * 64u, true); }
  let inner = st;
  st = IV;
  for (var j = 0u; j < 16u; j++) { w[j] = key[j] ^ 0x5c5c5c5cu; }
  rounds(&st, &w, 0u, false);
  for (var j = 0u; j < 8u; j++) { w[j] = inner[j]; }
  w[8] = 0x80000000u;
  for (var j = 9u; j < 15u; j++) { w[j] = 0u; }
  w[15] = 768u;
  rounds(&st, &w, 0u, false);
  if (all(vec4<u32>(st[0], st[1], st[2], st[3]) == params.target0) && all(vec4<u32>(st[4], st[5], st[6], st[7]) == params.target1)) {
    atomicMin(&result, i);
  }
}
`

/** The GPU cracker: the CPU cracker's synchronous methods, plus a GPU slice. */
export interface GpuCracker extends Cracker {
  /** Index of the first packed candidate in `[from, to)` that is the secret, or -1 (on the GPU). */
  tryPackedAsync(batch: CandidateBatch, from?: number, to?: number): Promise<number>
  /** Which adapter runs it, in words. */
  readonly adapterName: string
  destroy(): void
}

/**
 * Sets up the GPU path for an HS256 `cpu` cracker (which keeps the synchronous methods and takes
 * keys longer than a block, rare in word lists). Throws with the reason when WebGPU cannot run.
 */
export async function createGpuCracker(gpu: GpuEntry, cpu: Cracker, signature: Uint8Array): Promise<GpuCracker> {
  if (cpu.alg !== 'HS256') throw new Error('the GPU path computes HS256 only')
  const message = new Uint8Array(cpu.signingInput.length * 3)
  const padded = padAfterKeyBlock(message.subarray(0, encodeUtf8Into(cpu.signingInput, message, 0)), 64)
  // K + W of each message block, as the other engines use it: the signing input never changes.
  const table = new Int32Array(padded.length)
  const w = new Int32Array(64)
  for (let b = 0; b < padded.length / 64; b++) {
    loadWords(padded, b * 64, padded.length, w, 0, 16)
    sha256ScheduleKW(w, table, b * 64)
  }
  const adapter = await gpu.requestAdapter()
  if (!adapter) throw new Error('the browser offers no WebGPU adapter here')
  const device = await adapter.requestDevice()
  const info = adapter.info
  const adapterName = [info?.vendor, info?.architecture, info?.description].filter((s) => s).join(' ') || 'unnamed adapter'
  const pipeline = await device.createComputePipelineAsync({ layout: 'auto', compute: { module: device.createShaderModule({ code: SHADER }), entryPoint: 'main' } })
  const blocks = padded.length / 64
  const kwBuffer = device.createBuffer({ size: Math.max(16, table.byteLength), usage: STORAGE | COPY_DST })
  device.queue.writeBuffer(kwBuffer, 0, table)
  const params = new Uint32Array(12)
  params[0] = blocks
  for (let k = 0; k < 8; k++) params[4 + k] = ((signature[4 * k]! << 24) | (signature[4 * k + 1]! << 16) | (signature[4 * k + 2]! << 8) | signature[4 * k + 3]!) >>> 0
  const paramsBuffer = device.createBuffer({ size: params.byteLength, usage: UNIFORM | COPY_DST })
  const resultBuffer = device.createBuffer({ size: 4, usage: STORAGE | COPY_SRC | COPY_DST })
  const readBuffer = device.createBuffer({ size: 4, usage: MAP_READ | COPY_DST })
  let keysBuffer: GpuBuffer | null = null
  let offsBuffer: GpuBuffer | null = null
  let capacity = { bytes: 0, count: 0 }
  let bindGroup: unknown = null
  const ensure = (bytes: number, count: number): void => {
    if (bytes <= capacity.bytes && count <= capacity.count && bindGroup) return
    keysBuffer?.destroy()
    offsBuffer?.destroy()
    capacity = { bytes: Math.max(bytes, 2 * capacity.bytes, 1 << 16), count: Math.max(count, 2 * capacity.count, 1 << 12) }
    keysBuffer = device.createBuffer({ size: capacity.bytes, usage: STORAGE | COPY_DST })
    offsBuffer = device.createBuffer({ size: 4 * (capacity.count + 1), usage: STORAGE | COPY_DST })
    bindGroup = device.createBindGroup({
      layout: pipeline.getBindGroupLayout(0),
      entries: [kwBuffer, keysBuffer, offsBuffer, paramsBuffer, resultBuffer].map((buffer, binding) => ({ binding, resource: { buffer } })),
    })
  }
  const noHit = new Uint32Array([NO_HIT])

  // A device lost or failing mid-run hands the rest of the run to the processor engine.
  let lost = false
  const tryPackedAsync = async (batch: CandidateBatch, from = 0, to = batch.count): Promise<number> => {
    if (lost) return cpu.tryPacked(batch, from, to)
    try {
      return await onGpu(batch, from, to)
    } catch {
      lost = true
      return cpu.tryPacked(batch, from, to)
    }
  }

  const onGpu = async (batch: CandidateBatch, from: number, to: number): Promise<number> => {
    const start = Math.max(0, from)
    const stop = Math.min(to, batch.count)
    if (stop <= start) return -1
    const { bytes, offsets } = batch
    for (let i = start; i < stop; i++) {
      // RFC 2104 hashes keys longer than the block first; the CPU engine does that for the rare slice.
      if (offsets[i + 1]! - offsets[i]! > 64) return cpu.tryPacked(batch, start, stop)
    }
    const n = stop - start
    const first = offsets[start]!
    const length = offsets[stop]! - first
    const packed = new Uint8Array((length + 3) & ~3)
    packed.set(bytes.subarray(first, offsets[stop]!))
    const offs = new Uint32Array(n + 1)
    for (let i = 0; i <= n; i++) offs[i] = offsets[start + i]! - first
    ensure(Math.max(4, packed.length), n)
    params[1] = n
    device.queue.writeBuffer(keysBuffer!, 0, packed)
    device.queue.writeBuffer(offsBuffer!, 0, offs)
    device.queue.writeBuffer(paramsBuffer, 0, params)
    device.queue.writeBuffer(resultBuffer, 0, noHit)
    const encoder = device.createCommandEncoder()
    const pass = encoder.beginComputePass()
    pass.setPipeline(pipeline)
    pass.setBindGroup(0, bindGroup)
    pass.dispatchWorkgroups(Math.ceil(n / WORKGROUP))
    pass.end()
    encoder.copyBufferToBuffer(resultBuffer, 0, readBuffer, 0, 4)
    device.queue.submit([encoder.finish()])
    await readBuffer.mapAsync(MAP_READ)
    const hit = new Uint32Array(readBuffer.getMappedRange())[0]!
    readBuffer.unmap()
    return hit === NO_HIT ? -1 : start + hit
  }

  return {
    alg: cpu.alg,
    signingInput: cpu.signingInput,
    tryKey: (key) => cpu.tryKey(key),
    tryBatch: (candidates) => cpu.tryBatch(candidates),
    tryPacked: (batch, from, to) => cpu.tryPacked(batch, from, to),
    tryPackedAsync,
    adapterName,
    destroy: () => device.destroy(),
  }
}
