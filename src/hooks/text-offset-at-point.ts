/**
 * The offset, in the text content of `container`, of the character drawn under viewport point
 * (x, y), or null when no character is there. Text in reading order (left to right, line by line)
 * lets each text node be binary-searched, so a long token costs a few dozen measurements, not one
 * per character. Used for the encoded token's overlay, which mirrors the textarea's text exactly.
 */
export function textOffsetAtPoint(container: HTMLElement, x: number, y: number): number | null {
  const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT)
  const range = document.createRange()
  let base = 0
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    const length = node.textContent?.length ?? 0
    range.selectNodeContents(node)
    if ([...range.getClientRects()].some((r) => inside(r, x, y))) {
      const at = searchNode(range, node, length, x, y)
      if (at !== null) return base + at
    }
    base += length
  }
  return null
}

function inside(r: DOMRect, x: number, y: number): boolean {
  return x >= r.left && x < r.right && y >= r.top && y < r.bottom
}

function searchNode(range: Range, node: Node, length: number, x: number, y: number): number | null {
  let lo = 0
  let hi = length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    range.setStart(node, mid)
    range.setEnd(node, mid + 1)
    const r = range.getBoundingClientRect()
    if (inside(r, x, y)) return mid
    const before = y < r.top || (y < r.bottom && x < r.left)
    if (before) hi = mid - 1
    else lo = mid + 1
  }
  return null
}
