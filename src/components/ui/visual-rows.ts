/**
 * Where each visual row of a long text starts: lines are cut at `\n`, and a line longer than
 * `width` characters is cut into rows of `width`, so no row is ever long enough to cost the browser
 * a slow layout. Linear in the text length; the offsets are UTF-16 positions into `text`.
 */
export function visualRows(text: string, width: number): Uint32Array {
  const size = Math.max(1, Math.floor(width))
  let starts = new Uint32Array(Math.max(16, Math.ceil(text.length / 40)))
  let count = 0
  const push = (offset: number) => {
    if (count === starts.length) {
      const grown = new Uint32Array(starts.length * 2)
      grown.set(starts)
      starts = grown
    }
    starts[count++] = offset
  }
  let lineStart = 0
  for (;;) {
    const newline = text.indexOf('\n', lineStart)
    const lineEnd = newline < 0 ? text.length : newline
    push(lineStart)
    for (let offset = lineStart + size; offset < lineEnd; offset += size) push(offset)
    if (newline < 0) break
    lineStart = newline + 1
  }
  return starts.slice(0, count)
}

/** The text of row `index`: from its start to the next row's, without the line's `\n`. */
export function rowText(text: string, starts: Uint32Array, index: number): string {
  const start = starts[index] ?? text.length
  const next = index + 1 < starts.length ? (starts[index + 1] as number) : text.length
  const end = next > start && text.charCodeAt(next - 1) === 0x0a ? next - 1 : next
  return text.slice(start, end)
}
