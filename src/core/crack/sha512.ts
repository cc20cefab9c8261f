/**
 * Hand-tuned synchronous SHA-512 (and SHA-384, which differs only in its initial value and output
 * length) for the secret cracker. JavaScript has no fast 64-bit integers, so every 64-bit word is a
 * pair of Int32 halves stored interleaved (`[hi0, lo0, hi1, lo1, …]`); low-half sums are taken in
 * doubles (exact below 2^53) to get the carry without branches.
 */

const TWO32 = 4294967296

/** SHA-512 round constants (FIPS 180-4 §4.2.3), interleaved hi/lo. */
export const SHA512_K: Int32Array = Int32Array.from([
  0x428a2f98, 0xd728ae22, 0x71374491, 0x23ef65cd, 0xb5c0fbcf, 0xec4d3b2f, 0xe9b5dba5, 0x8189dbbc,
  0x3956c25b, 0xf348b538, 0x59f111f1, 0xb605d019, 0x923f82a4, 0xaf194f9b, 0xab1c5ed5, 0xda6d8118,
  0xd807aa98, 0xa3030242, 0x12835b01, 0x45706fbe, 0x243185be, 0x4ee4b28c, 0x550c7dc3, 0xd5ffb4e2,
  0x72be5d74, 0xf27b896f, 0x80deb1fe, 0x3b1696b1, 0x9bdc06a7, 0x25c71235, 0xc19bf174, 0xcf692694,
  0xe49b69c1, 0x9ef14ad2, 0xefbe4786, 0x384f25e3, 0x0fc19dc6, 0x8b8cd5b5, 0x240ca1cc, 0x77ac9c65,
  0x2de92c6f, 0x592b0275, 0x4a7484aa, 0x6ea6e483, 0x5cb0a9dc, 0xbd41fbd4, 0x76f988da, 0x831153b5,
  0x983e5152, 0xee66dfab, 0xa831c66d, 0x2db43210, 0xb00327c8, 0x98fb213f, 0xbf597fc7, 0xbeef0ee4,
  0xc6e00bf3, 0x3da88fc2, 0xd5a79147, 0x930aa725, 0x06ca6351, 0xe003826f, 0x14292967, 0x0a0e6e70,
  0x27b70a85, 0x46d22ffc, 0x2e1b2138, 0x5c26c926, 0x4d2c6dfc, 0x5ac42aed, 0x53380d13, 0x9d95b3df,
  0x650a7354, 0x8baf63de, 0x766a0abb, 0x3c77b2a8, 0x81c2c92e, 0x47edaee6, 0x92722c85, 0x1482353b,
  0xa2bfe8a1, 0x4cf10364, 0xa81a664b, 0xbc423001, 0xc24b8b70, 0xd0f89791, 0xc76c51a3, 0x0654be30,
  0xd192e819, 0xd6ef5218, 0xd6990624, 0x5565a910, 0xf40e3585, 0x5771202a, 0x106aa070, 0x32bbd1b8,
  0x19a4c116, 0xb8d2d0c8, 0x1e376c08, 0x5141ab53, 0x2748774c, 0xdf8eeb99, 0x34b0bcb5, 0xe19b48a8,
  0x391c0cb3, 0xc5c95a63, 0x4ed8aa4a, 0xe3418acb, 0x5b9cca4f, 0x7763e373, 0x682e6ff3, 0xd6b2b8a3,
  0x748f82ee, 0x5defb2fc, 0x78a5636f, 0x43172f60, 0x84c87814, 0xa1f0ab72, 0x8cc70208, 0x1a6439ec,
  0x90befffa, 0x23631e28, 0xa4506ceb, 0xde82bde9, 0xbef9a3f7, 0xb2c67915, 0xc67178f2, 0xe372532b,
  0xca273ece, 0xea26619c, 0xd186b8c7, 0x21c0c207, 0xeada7dd6, 0xcde0eb1e, 0xf57d4f7f, 0xee6ed178,
  0x06f067aa, 0x72176fba, 0x0a637dc5, 0xa2c898a6, 0x113f9804, 0xbef90dae, 0x1b710b35, 0x131c471b,
  0x28db77f5, 0x23047d84, 0x32caab7b, 0x40c72493, 0x3c9ebe0a, 0x15c9bebc, 0x431d67c4, 0x9c100d4c,
  0x4cc5d4be, 0xcb3e42b6, 0x597f299c, 0xfc657e2a, 0x5fcb6fab, 0x3ad6faec, 0x6c44198c, 0x4a475817,
])

/** SHA-512 initial hash value (FIPS 180-4 §5.3.5), interleaved hi/lo. */
export const SHA512_IV: Int32Array = Int32Array.from([
  0x6a09e667, 0xf3bcc908, 0xbb67ae85, 0x84caa73b, 0x3c6ef372, 0xfe94f82b, 0xa54ff53a, 0x5f1d36f1,
  0x510e527f, 0xade682d1, 0x9b05688c, 0x2b3e6c1f, 0x1f83d9ab, 0xfb41bd6b, 0x5be0cd19, 0x137e2179,
])

/** SHA-384 initial hash value (FIPS 180-4 §5.3.4), interleaved hi/lo. */
export const SHA384_IV: Int32Array = Int32Array.from([
  0xcbbb9d5d, 0xc1059ed8, 0x629a292a, 0x367cd507, 0x9159015a, 0x3070dd17, 0x152fecd8, 0xf70e5939,
  0x67332667, 0xffc00b31, 0x8eb44a87, 0x68581511, 0xdb0c2e0d, 0x64f98fa7, 0x47b5481d, 0xbefa4fa4,
])

/**
 * Expands the 16 block words in `w[0..31]` (hi/lo pairs) into the full 80-word schedule in `w`
 * and stores `K[t] + W[t]` at `kw[off + 2t]` (hi) and `kw[off + 2t + 1]` (lo).
 */
export function sha512ScheduleKW(w: Int32Array, kw: Int32Array, off: number): void {
  for (let t = 16; t < 80; t++) {
    const xh = w[2 * (t - 15)]!, xl = w[2 * (t - 15) + 1]!
    const yh = w[2 * (t - 2)]!, yl = w[2 * (t - 2) + 1]!
    const s0h = ((xh >>> 1) | (xl << 31)) ^ ((xh >>> 8) | (xl << 24)) ^ (xh >>> 7)
    const s0l = ((xl >>> 1) | (xh << 31)) ^ ((xl >>> 8) | (xh << 24)) ^ ((xl >>> 7) | (xh << 25))
    const s1h = ((yh >>> 19) | (yl << 13)) ^ ((yl >>> 29) | (yh << 3)) ^ (yh >>> 6)
    const s1l = ((yl >>> 19) | (yh << 13)) ^ ((yh >>> 29) | (yl << 3)) ^ ((yl >>> 6) | (yh << 26))
    const lo = (s0l >>> 0) + (s1l >>> 0) + (w[2 * (t - 7) + 1]! >>> 0) + (w[2 * (t - 16) + 1]! >>> 0)
    w[2 * t] = (s0h + s1h + w[2 * (t - 7)]! + w[2 * (t - 16)]! + ((lo / TWO32) | 0)) | 0
    w[2 * t + 1] = lo | 0
  }
  for (let i = 0; i < 160; i += 2) {
    const lo = (w[i + 1]! >>> 0) + (SHA512_K[i + 1]! >>> 0)
    kw[off + i] = (w[i]! + SHA512_K[i]! + ((lo / TWO32) | 0)) | 0
    kw[off + i + 1] = lo | 0
  }
}

/**
 * One compression with a precomputed `K + W` schedule at `kw[off..off+159]` (hi/lo pairs),
 * updating the interleaved state `st[0..15]`. Eight rounds per iteration let the working
 * variables rotate by renaming instead of sixteen moves per round.
 */
export function sha512CompressKW(st: Int32Array, kw: Int32Array, off: number): void {
  let ah = st[0]!, al = st[1]!, bh = st[2]!, bl = st[3]!, ch = st[4]!, cl = st[5]!, dh = st[6]!, dl = st[7]!
  let eh = st[8]!, el = st[9]!, fh = st[10]!, fl = st[11]!, gh = st[12]!, gl = st[13]!, hh = st[14]!, hl = st[15]!
  let l = 0
  for (let i = off, stop = off + 160; i < stop; i += 16) {
    // round +0: h' = h + Σ1(e) + Ch(e, f, g) + K + W; d += h'; h' += Σ0(a) + Maj(a, b, c)
    l = (hl >>> 0) + ((((el >>> 14) | (eh << 18)) ^ ((el >>> 18) | (eh << 14)) ^ ((eh >>> 9) | (el << 23))) >>> 0) + ((gl ^ (el & (fl ^ gl))) >>> 0) + (kw[i + 1]! >>> 0)
    hh = (hh + (((eh >>> 14) | (el << 18)) ^ ((eh >>> 18) | (el << 14)) ^ ((el >>> 9) | (eh << 23))) + (gh ^ (eh & (fh ^ gh))) + kw[i]! + ((l / TWO32) | 0)) | 0
    hl = l | 0
    l = (dl >>> 0) + (hl >>> 0)
    dh = (dh + hh + ((l / TWO32) | 0)) | 0
    dl = l | 0
    l = (hl >>> 0) + ((((al >>> 28) | (ah << 4)) ^ ((ah >>> 2) | (al << 30)) ^ ((ah >>> 7) | (al << 25))) >>> 0) + (((al & bl) | (cl & (al | bl))) >>> 0)
    hh = (hh + (((ah >>> 28) | (al << 4)) ^ ((al >>> 2) | (ah << 30)) ^ ((al >>> 7) | (ah << 25))) + ((ah & bh) | (ch & (ah | bh))) + ((l / TWO32) | 0)) | 0
    hl = l | 0
    l = (gl >>> 0) + ((((dl >>> 14) | (dh << 18)) ^ ((dl >>> 18) | (dh << 14)) ^ ((dh >>> 9) | (dl << 23))) >>> 0) + ((fl ^ (dl & (el ^ fl))) >>> 0) + (kw[i + 3]! >>> 0)
    gh = (gh + (((dh >>> 14) | (dl << 18)) ^ ((dh >>> 18) | (dl << 14)) ^ ((dl >>> 9) | (dh << 23))) + (fh ^ (dh & (eh ^ fh))) + kw[i + 2]! + ((l / TWO32) | 0)) | 0
    gl = l | 0
    l = (cl >>> 0) + (gl >>> 0)
    ch = (ch + gh + ((l / TWO32) | 0)) | 0
    cl = l | 0
    l = (gl >>> 0) + ((((hl >>> 28) | (hh << 4)) ^ ((hh >>> 2) | (hl << 30)) ^ ((hh >>> 7) | (hl << 25))) >>> 0) + (((hl & al) | (bl & (hl | al))) >>> 0)
    gh = (gh + (((hh >>> 28) | (hl << 4)) ^ ((hl >>> 2) | (hh << 30)) ^ ((hl >>> 7) | (hh << 25))) + ((hh & ah) | (bh & (hh | ah))) + ((l / TWO32) | 0)) | 0
    gl = l | 0
    l = (fl >>> 0) + ((((cl >>> 14) | (ch << 18)) ^ ((cl >>> 18) | (ch << 14)) ^ ((ch >>> 9) | (cl << 23))) >>> 0) + ((el ^ (cl & (dl ^ el))) >>> 0) + (kw[i + 5]! >>> 0)
    fh = (fh + (((ch >>> 14) | (cl << 18)) ^ ((ch >>> 18) | (cl << 14)) ^ ((cl >>> 9) | (ch << 23))) + (eh ^ (ch & (dh ^ eh))) + kw[i + 4]! + ((l / TWO32) | 0)) | 0
    fl = l | 0
    l = (bl >>> 0) + (fl >>> 0)
    bh = (bh + fh + ((l / TWO32) | 0)) | 0
    bl = l | 0
    l = (fl >>> 0) + ((((gl >>> 28) | (gh << 4)) ^ ((gh >>> 2) | (gl << 30)) ^ ((gh >>> 7) | (gl << 25))) >>> 0) + (((gl & hl) | (al & (gl | hl))) >>> 0)
    fh = (fh + (((gh >>> 28) | (gl << 4)) ^ ((gl >>> 2) | (gh << 30)) ^ ((gl >>> 7) | (gh << 25))) + ((gh & hh) | (ah & (gh | hh))) + ((l / TWO32) | 0)) | 0
    fl = l | 0
    l = (el >>> 0) + ((((bl >>> 14) | (bh << 18)) ^ ((bl >>> 18) | (bh << 14)) ^ ((bh >>> 9) | (bl << 23))) >>> 0) + ((dl ^ (bl & (cl ^ dl))) >>> 0) + (kw[i + 7]! >>> 0)
    eh = (eh + (((bh >>> 14) | (bl << 18)) ^ ((bh >>> 18) | (bl << 14)) ^ ((bl >>> 9) | (bh << 23))) + (dh ^ (bh & (ch ^ dh))) + kw[i + 6]! + ((l / TWO32) | 0)) | 0
    el = l | 0
    l = (al >>> 0) + (el >>> 0)
    ah = (ah + eh + ((l / TWO32) | 0)) | 0
    al = l | 0
    l = (el >>> 0) + ((((fl >>> 28) | (fh << 4)) ^ ((fh >>> 2) | (fl << 30)) ^ ((fh >>> 7) | (fl << 25))) >>> 0) + (((fl & gl) | (hl & (fl | gl))) >>> 0)
    eh = (eh + (((fh >>> 28) | (fl << 4)) ^ ((fl >>> 2) | (fh << 30)) ^ ((fl >>> 7) | (fh << 25))) + ((fh & gh) | (hh & (fh | gh))) + ((l / TWO32) | 0)) | 0
    el = l | 0
    l = (dl >>> 0) + ((((al >>> 14) | (ah << 18)) ^ ((al >>> 18) | (ah << 14)) ^ ((ah >>> 9) | (al << 23))) >>> 0) + ((cl ^ (al & (bl ^ cl))) >>> 0) + (kw[i + 9]! >>> 0)
    dh = (dh + (((ah >>> 14) | (al << 18)) ^ ((ah >>> 18) | (al << 14)) ^ ((al >>> 9) | (ah << 23))) + (ch ^ (ah & (bh ^ ch))) + kw[i + 8]! + ((l / TWO32) | 0)) | 0
    dl = l | 0
    l = (hl >>> 0) + (dl >>> 0)
    hh = (hh + dh + ((l / TWO32) | 0)) | 0
    hl = l | 0
    l = (dl >>> 0) + ((((el >>> 28) | (eh << 4)) ^ ((eh >>> 2) | (el << 30)) ^ ((eh >>> 7) | (el << 25))) >>> 0) + (((el & fl) | (gl & (el | fl))) >>> 0)
    dh = (dh + (((eh >>> 28) | (el << 4)) ^ ((el >>> 2) | (eh << 30)) ^ ((el >>> 7) | (eh << 25))) + ((eh & fh) | (gh & (eh | fh))) + ((l / TWO32) | 0)) | 0
    dl = l | 0
    l = (cl >>> 0) + ((((hl >>> 14) | (hh << 18)) ^ ((hl >>> 18) | (hh << 14)) ^ ((hh >>> 9) | (hl << 23))) >>> 0) + ((bl ^ (hl & (al ^ bl))) >>> 0) + (kw[i + 11]! >>> 0)
    ch = (ch + (((hh >>> 14) | (hl << 18)) ^ ((hh >>> 18) | (hl << 14)) ^ ((hl >>> 9) | (hh << 23))) + (bh ^ (hh & (ah ^ bh))) + kw[i + 10]! + ((l / TWO32) | 0)) | 0
    cl = l | 0
    l = (gl >>> 0) + (cl >>> 0)
    gh = (gh + ch + ((l / TWO32) | 0)) | 0
    gl = l | 0
    l = (cl >>> 0) + ((((dl >>> 28) | (dh << 4)) ^ ((dh >>> 2) | (dl << 30)) ^ ((dh >>> 7) | (dl << 25))) >>> 0) + (((dl & el) | (fl & (dl | el))) >>> 0)
    ch = (ch + (((dh >>> 28) | (dl << 4)) ^ ((dl >>> 2) | (dh << 30)) ^ ((dl >>> 7) | (dh << 25))) + ((dh & eh) | (fh & (dh | eh))) + ((l / TWO32) | 0)) | 0
    cl = l | 0
    l = (bl >>> 0) + ((((gl >>> 14) | (gh << 18)) ^ ((gl >>> 18) | (gh << 14)) ^ ((gh >>> 9) | (gl << 23))) >>> 0) + ((al ^ (gl & (hl ^ al))) >>> 0) + (kw[i + 13]! >>> 0)
    bh = (bh + (((gh >>> 14) | (gl << 18)) ^ ((gh >>> 18) | (gl << 14)) ^ ((gl >>> 9) | (gh << 23))) + (ah ^ (gh & (hh ^ ah))) + kw[i + 12]! + ((l / TWO32) | 0)) | 0
    bl = l | 0
    l = (fl >>> 0) + (bl >>> 0)
    fh = (fh + bh + ((l / TWO32) | 0)) | 0
    fl = l | 0
    l = (bl >>> 0) + ((((cl >>> 28) | (ch << 4)) ^ ((ch >>> 2) | (cl << 30)) ^ ((ch >>> 7) | (cl << 25))) >>> 0) + (((cl & dl) | (el & (cl | dl))) >>> 0)
    bh = (bh + (((ch >>> 28) | (cl << 4)) ^ ((cl >>> 2) | (ch << 30)) ^ ((cl >>> 7) | (ch << 25))) + ((ch & dh) | (eh & (ch | dh))) + ((l / TWO32) | 0)) | 0
    bl = l | 0
    l = (al >>> 0) + ((((fl >>> 14) | (fh << 18)) ^ ((fl >>> 18) | (fh << 14)) ^ ((fh >>> 9) | (fl << 23))) >>> 0) + ((hl ^ (fl & (gl ^ hl))) >>> 0) + (kw[i + 15]! >>> 0)
    ah = (ah + (((fh >>> 14) | (fl << 18)) ^ ((fh >>> 18) | (fl << 14)) ^ ((fl >>> 9) | (fh << 23))) + (hh ^ (fh & (gh ^ hh))) + kw[i + 14]! + ((l / TWO32) | 0)) | 0
    al = l | 0
    l = (el >>> 0) + (al >>> 0)
    eh = (eh + ah + ((l / TWO32) | 0)) | 0
    el = l | 0
    l = (al >>> 0) + ((((bl >>> 28) | (bh << 4)) ^ ((bh >>> 2) | (bl << 30)) ^ ((bh >>> 7) | (bl << 25))) >>> 0) + (((bl & cl) | (dl & (bl | cl))) >>> 0)
    ah = (ah + (((bh >>> 28) | (bl << 4)) ^ ((bl >>> 2) | (bh << 30)) ^ ((bl >>> 7) | (bh << 25))) + ((bh & ch) | (dh & (bh | ch))) + ((l / TWO32) | 0)) | 0
    al = l | 0
  }
  addState(st, 0, ah, al)
  addState(st, 2, bh, bl)
  addState(st, 4, ch, cl)
  addState(st, 6, dh, dl)
  addState(st, 8, eh, el)
  addState(st, 10, fh, fl)
  addState(st, 12, gh, gl)
  addState(st, 14, hh, hl)
}

/**
 * One compression of the block words in `w[0..31]` (hi/lo pairs), updating `st[0..15]`. The
 * schedule is expanded sixteen words at a time in place (so `w` is clobbered) and added to the
 * round constants inside the rounds: nothing is written to memory but the sixteen-word window.
 */
export function sha512CompressW(st: Int32Array, w: Int32Array): void {
  let ah = st[0]!, al = st[1]!, bh = st[2]!, bl = st[3]!, ch = st[4]!, cl = st[5]!, dh = st[6]!, dl = st[7]!
  let eh = st[8]!, el = st[9]!, fh = st[10]!, fl = st[11]!, gh = st[12]!, gl = st[13]!, hh = st[14]!, hl = st[15]!
  let l = 0
  for (let t = 0; t < 160; t += 32) {
    if (t > 0) expand16(w)
    for (let i = 0, k = t; i < 32; i += 16, k += 16) {
      // round +0: h' = h + Σ1(e) + Ch(e, f, g) + K + W; d += h'; h' += Σ0(a) + Maj(a, b, c)
      l = (hl >>> 0) + ((((el >>> 14) | (eh << 18)) ^ ((el >>> 18) | (eh << 14)) ^ ((eh >>> 9) | (el << 23))) >>> 0) + ((gl ^ (el & (fl ^ gl))) >>> 0) + (w[i + 1]! >>> 0) + (SHA512_K[k + 1]! >>> 0)
      hh = (hh + (((eh >>> 14) | (el << 18)) ^ ((eh >>> 18) | (el << 14)) ^ ((el >>> 9) | (eh << 23))) + (gh ^ (eh & (fh ^ gh))) + w[i]! + SHA512_K[k]! + ((l / TWO32) | 0)) | 0
      hl = l | 0
      l = (dl >>> 0) + (hl >>> 0)
      dh = (dh + hh + ((l / TWO32) | 0)) | 0
      dl = l | 0
      l = (hl >>> 0) + ((((al >>> 28) | (ah << 4)) ^ ((ah >>> 2) | (al << 30)) ^ ((ah >>> 7) | (al << 25))) >>> 0) + (((al & bl) | (cl & (al | bl))) >>> 0)
      hh = (hh + (((ah >>> 28) | (al << 4)) ^ ((al >>> 2) | (ah << 30)) ^ ((al >>> 7) | (ah << 25))) + ((ah & bh) | (ch & (ah | bh))) + ((l / TWO32) | 0)) | 0
      hl = l | 0
      l = (gl >>> 0) + ((((dl >>> 14) | (dh << 18)) ^ ((dl >>> 18) | (dh << 14)) ^ ((dh >>> 9) | (dl << 23))) >>> 0) + ((fl ^ (dl & (el ^ fl))) >>> 0) + (w[i + 3]! >>> 0) + (SHA512_K[k + 3]! >>> 0)
      gh = (gh + (((dh >>> 14) | (dl << 18)) ^ ((dh >>> 18) | (dl << 14)) ^ ((dl >>> 9) | (dh << 23))) + (fh ^ (dh & (eh ^ fh))) + w[i + 2]! + SHA512_K[k + 2]! + ((l / TWO32) | 0)) | 0
      gl = l | 0
      l = (cl >>> 0) + (gl >>> 0)
      ch = (ch + gh + ((l / TWO32) | 0)) | 0
      cl = l | 0
      l = (gl >>> 0) + ((((hl >>> 28) | (hh << 4)) ^ ((hh >>> 2) | (hl << 30)) ^ ((hh >>> 7) | (hl << 25))) >>> 0) + (((hl & al) | (bl & (hl | al))) >>> 0)
      gh = (gh + (((hh >>> 28) | (hl << 4)) ^ ((hl >>> 2) | (hh << 30)) ^ ((hl >>> 7) | (hh << 25))) + ((hh & ah) | (bh & (hh | ah))) + ((l / TWO32) | 0)) | 0
      gl = l | 0
      l = (fl >>> 0) + ((((cl >>> 14) | (ch << 18)) ^ ((cl >>> 18) | (ch << 14)) ^ ((ch >>> 9) | (cl << 23))) >>> 0) + ((el ^ (cl & (dl ^ el))) >>> 0) + (w[i + 5]! >>> 0) + (SHA512_K[k + 5]! >>> 0)
      fh = (fh + (((ch >>> 14) | (cl << 18)) ^ ((ch >>> 18) | (cl << 14)) ^ ((cl >>> 9) | (ch << 23))) + (eh ^ (ch & (dh ^ eh))) + w[i + 4]! + SHA512_K[k + 4]! + ((l / TWO32) | 0)) | 0
      fl = l | 0
      l = (bl >>> 0) + (fl >>> 0)
      bh = (bh + fh + ((l / TWO32) | 0)) | 0
      bl = l | 0
      l = (fl >>> 0) + ((((gl >>> 28) | (gh << 4)) ^ ((gh >>> 2) | (gl << 30)) ^ ((gh >>> 7) | (gl << 25))) >>> 0) + (((gl & hl) | (al & (gl | hl))) >>> 0)
      fh = (fh + (((gh >>> 28) | (gl << 4)) ^ ((gl >>> 2) | (gh << 30)) ^ ((gl >>> 7) | (gh << 25))) + ((gh & hh) | (ah & (gh | hh))) + ((l / TWO32) | 0)) | 0
      fl = l | 0
      l = (el >>> 0) + ((((bl >>> 14) | (bh << 18)) ^ ((bl >>> 18) | (bh << 14)) ^ ((bh >>> 9) | (bl << 23))) >>> 0) + ((dl ^ (bl & (cl ^ dl))) >>> 0) + (w[i + 7]! >>> 0) + (SHA512_K[k + 7]! >>> 0)
      eh = (eh + (((bh >>> 14) | (bl << 18)) ^ ((bh >>> 18) | (bl << 14)) ^ ((bl >>> 9) | (bh << 23))) + (dh ^ (bh & (ch ^ dh))) + w[i + 6]! + SHA512_K[k + 6]! + ((l / TWO32) | 0)) | 0
      el = l | 0
      l = (al >>> 0) + (el >>> 0)
      ah = (ah + eh + ((l / TWO32) | 0)) | 0
      al = l | 0
      l = (el >>> 0) + ((((fl >>> 28) | (fh << 4)) ^ ((fh >>> 2) | (fl << 30)) ^ ((fh >>> 7) | (fl << 25))) >>> 0) + (((fl & gl) | (hl & (fl | gl))) >>> 0)
      eh = (eh + (((fh >>> 28) | (fl << 4)) ^ ((fl >>> 2) | (fh << 30)) ^ ((fl >>> 7) | (fh << 25))) + ((fh & gh) | (hh & (fh | gh))) + ((l / TWO32) | 0)) | 0
      el = l | 0
      l = (dl >>> 0) + ((((al >>> 14) | (ah << 18)) ^ ((al >>> 18) | (ah << 14)) ^ ((ah >>> 9) | (al << 23))) >>> 0) + ((cl ^ (al & (bl ^ cl))) >>> 0) + (w[i + 9]! >>> 0) + (SHA512_K[k + 9]! >>> 0)
      dh = (dh + (((ah >>> 14) | (al << 18)) ^ ((ah >>> 18) | (al << 14)) ^ ((al >>> 9) | (ah << 23))) + (ch ^ (ah & (bh ^ ch))) + w[i + 8]! + SHA512_K[k + 8]! + ((l / TWO32) | 0)) | 0
      dl = l | 0
      l = (hl >>> 0) + (dl >>> 0)
      hh = (hh + dh + ((l / TWO32) | 0)) | 0
      hl = l | 0
      l = (dl >>> 0) + ((((el >>> 28) | (eh << 4)) ^ ((eh >>> 2) | (el << 30)) ^ ((eh >>> 7) | (el << 25))) >>> 0) + (((el & fl) | (gl & (el | fl))) >>> 0)
      dh = (dh + (((eh >>> 28) | (el << 4)) ^ ((el >>> 2) | (eh << 30)) ^ ((el >>> 7) | (eh << 25))) + ((eh & fh) | (gh & (eh | fh))) + ((l / TWO32) | 0)) | 0
      dl = l | 0
      l = (cl >>> 0) + ((((hl >>> 14) | (hh << 18)) ^ ((hl >>> 18) | (hh << 14)) ^ ((hh >>> 9) | (hl << 23))) >>> 0) + ((bl ^ (hl & (al ^ bl))) >>> 0) + (w[i + 11]! >>> 0) + (SHA512_K[k + 11]! >>> 0)
      ch = (ch + (((hh >>> 14) | (hl << 18)) ^ ((hh >>> 18) | (hl << 14)) ^ ((hl >>> 9) | (hh << 23))) + (bh ^ (hh & (ah ^ bh))) + w[i + 10]! + SHA512_K[k + 10]! + ((l / TWO32) | 0)) | 0
      cl = l | 0
      l = (gl >>> 0) + (cl >>> 0)
      gh = (gh + ch + ((l / TWO32) | 0)) | 0
      gl = l | 0
      l = (cl >>> 0) + ((((dl >>> 28) | (dh << 4)) ^ ((dh >>> 2) | (dl << 30)) ^ ((dh >>> 7) | (dl << 25))) >>> 0) + (((dl & el) | (fl & (dl | el))) >>> 0)
      ch = (ch + (((dh >>> 28) | (dl << 4)) ^ ((dl >>> 2) | (dh << 30)) ^ ((dl >>> 7) | (dh << 25))) + ((dh & eh) | (fh & (dh | eh))) + ((l / TWO32) | 0)) | 0
      cl = l | 0
      l = (bl >>> 0) + ((((gl >>> 14) | (gh << 18)) ^ ((gl >>> 18) | (gh << 14)) ^ ((gh >>> 9) | (gl << 23))) >>> 0) + ((al ^ (gl & (hl ^ al))) >>> 0) + (w[i + 13]! >>> 0) + (SHA512_K[k + 13]! >>> 0)
      bh = (bh + (((gh >>> 14) | (gl << 18)) ^ ((gh >>> 18) | (gl << 14)) ^ ((gl >>> 9) | (gh << 23))) + (ah ^ (gh & (hh ^ ah))) + w[i + 12]! + SHA512_K[k + 12]! + ((l / TWO32) | 0)) | 0
      bl = l | 0
      l = (fl >>> 0) + (bl >>> 0)
      fh = (fh + bh + ((l / TWO32) | 0)) | 0
      fl = l | 0
      l = (bl >>> 0) + ((((cl >>> 28) | (ch << 4)) ^ ((ch >>> 2) | (cl << 30)) ^ ((ch >>> 7) | (cl << 25))) >>> 0) + (((cl & dl) | (el & (cl | dl))) >>> 0)
      bh = (bh + (((ch >>> 28) | (cl << 4)) ^ ((cl >>> 2) | (ch << 30)) ^ ((cl >>> 7) | (ch << 25))) + ((ch & dh) | (eh & (ch | dh))) + ((l / TWO32) | 0)) | 0
      bl = l | 0
      l = (al >>> 0) + ((((fl >>> 14) | (fh << 18)) ^ ((fl >>> 18) | (fh << 14)) ^ ((fh >>> 9) | (fl << 23))) >>> 0) + ((hl ^ (fl & (gl ^ hl))) >>> 0) + (w[i + 15]! >>> 0) + (SHA512_K[k + 15]! >>> 0)
      ah = (ah + (((fh >>> 14) | (fl << 18)) ^ ((fh >>> 18) | (fl << 14)) ^ ((fl >>> 9) | (fh << 23))) + (hh ^ (fh & (gh ^ hh))) + w[i + 14]! + SHA512_K[k + 14]! + ((l / TWO32) | 0)) | 0
      al = l | 0
      l = (el >>> 0) + (al >>> 0)
      eh = (eh + ah + ((l / TWO32) | 0)) | 0
      el = l | 0
      l = (al >>> 0) + ((((bl >>> 28) | (bh << 4)) ^ ((bh >>> 2) | (bl << 30)) ^ ((bh >>> 7) | (bl << 25))) >>> 0) + (((bl & cl) | (dl & (bl | cl))) >>> 0)
      ah = (ah + (((bh >>> 28) | (bl << 4)) ^ ((bl >>> 2) | (bh << 30)) ^ ((bl >>> 7) | (bh << 25))) + ((bh & ch) | (dh & (bh | ch))) + ((l / TWO32) | 0)) | 0
      al = l | 0
    }
  }
  addState(st, 0, ah, al)
  addState(st, 2, bh, bl)
  addState(st, 4, ch, cl)
  addState(st, 6, dh, dl)
  addState(st, 8, eh, el)
  addState(st, 10, fh, fl)
  addState(st, 12, gh, gl)
  addState(st, 14, hh, hl)
}

/**
 * Replaces the sixteen schedule words W[t-16..t-1] in `w` by W[t..t+15], in place: slot j ends up
 * holding W[t+j], and every slot a step reads is either already new (t+j-2, t+j-7) or still old
 * (t+j-15, t+j-16), exactly as the recurrence needs.
 */
function expand16(w: Int32Array): void {
  for (let j = 0; j < 32; j += 2) {
    const x = (j + 2) & 31, y = (j + 28) & 31, z = (j + 18) & 31
    const xh = w[x]!, xl = w[x + 1]!, yh = w[y]!, yl = w[y + 1]!
    const s0h = ((xh >>> 1) | (xl << 31)) ^ ((xh >>> 8) | (xl << 24)) ^ (xh >>> 7)
    const s0l = ((xl >>> 1) | (xh << 31)) ^ ((xl >>> 8) | (xh << 24)) ^ ((xl >>> 7) | (xh << 25))
    const s1h = ((yh >>> 19) | (yl << 13)) ^ ((yl >>> 29) | (yh << 3)) ^ (yh >>> 6)
    const s1l = ((yl >>> 19) | (yh << 13)) ^ ((yh >>> 29) | (yl << 3)) ^ ((yl >>> 6) | (yh << 26))
    const lo = (s0l >>> 0) + (s1l >>> 0) + (w[z + 1]! >>> 0) + (w[j + 1]! >>> 0)
    w[j] = (s0h + s1h + w[z]! + w[j]! + ((lo / TWO32) | 0)) | 0
    w[j + 1] = lo | 0
  }
}

function addState(st: Int32Array, i: number, h: number, l: number): void {
  const lo = (st[i + 1]! >>> 0) + (l >>> 0)
  st[i] = (st[i]! + h + ((lo / TWO32) | 0)) | 0
  st[i + 1] = lo | 0
}
