// Draws the app icon (three coloured dots on a dark tile: header, payload, signature) as PNGs for
// the web app manifest. Run: node scripts/make-icons.mjs
import { writeFileSync } from 'node:fs'
import { deflateSync } from 'node:zlib'

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
const crc32 = (buf) => {
  let c = 0xffffffff
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}
const chunk = (type, data) => {
  const len = Buffer.alloc(4)
  len.writeUInt32BE(data.length)
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(td))
  return Buffer.concat([len, td, crc])
}

function icon(size, { maskable = false } = {}) {
  const bg = [17, 24, 39]
  const dots = [[244, 114, 182], [167, 139, 250], [34, 211, 238]]
  const radius = maskable ? 0 : size * 0.19
  const rows = []
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4)
    for (let x = 0; x < size; x++) {
      let px = [0, 0, 0, 0]
      // Rounded tile (full bleed for maskable icons, whose safe zone is the centre 80%).
      const cx = Math.min(Math.max(x + 0.5, radius), size - radius)
      const cy = Math.min(Math.max(y + 0.5, radius), size - radius)
      if (radius === 0 || Math.hypot(x + 0.5 - cx, y + 0.5 - cy) <= radius) px = [...bg, 255]
      const scale = maskable ? 0.7 : 1
      dots.forEach((color, i) => {
        const dx = size / 2 + (i - 1) * size * 0.26 * scale
        if (Math.hypot(x + 0.5 - dx, y + 0.5 - size / 2) <= size * 0.1 * scale) px = [...color, 255]
      })
      row.set(px, 1 + x * 4)
    }
    rows.push(row)
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(size, 0)
  ihdr.writeUInt32BE(size, 4)
  ihdr.set([8, 6, 0, 0, 0], 8)
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

writeFileSync('public/icon-192.png', icon(192))
writeFileSync('public/icon-512.png', icon(512))
writeFileSync('public/icon-maskable-512.png', icon(512, { maskable: true }))
writeFileSync('public/apple-touch-icon.png', icon(180))
console.log('icons written to public/')
