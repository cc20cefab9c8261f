import { useEffect, useMemo, useRef, useState, type UIEvent } from 'react'
import { rowText, visualRows } from './visual-rows'

/** Row height in pixels; fixed, so any scroll position maps to a row without measuring. */
const ROW_HEIGHT = 20
/** Characters per visual row: long lines are cut, so no row costs the browser a slow layout. */
const ROW_WIDTH = 160
/** Rows rendered beyond the visible ones, so a fast scroll does not show blank space. */
const OVERSCAN = 40

interface VirtualTextProps {
  /** Accessible name of the view (the same as the editor it stands in for). */
  readonly label: string
  readonly text: string
  /** Height of the view in pixels. */
  readonly height?: number
  /** Take the keyboard focus when shown, if nothing else holds it (it replaced the focused box). */
  readonly takeFocus?: boolean
}

/**
 * A read-only view of a text too long for an editor: only the rows in view (and a margin) are in the
 * page, so a megabyte of JSON costs a few dozen elements whatever its size. It is a focusable,
 * scrollable read-only textbox; copying the whole text is the panel's Copy button's job.
 */
export function VirtualText({ label, text, height = 320, takeFocus = false }: VirtualTextProps) {
  const box = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (!takeFocus) return
    // In the next frame, once laid out: focusing now would force a layout of its own.
    const frame = requestAnimationFrame(() => {
      if (document.activeElement === null || document.activeElement === document.body) box.current?.focus()
    })
    return () => cancelAnimationFrame(frame)
  }, [takeFocus])
  const starts = useMemo(() => visualRows(text, ROW_WIDTH), [text])
  const [top, setTop] = useState(0)
  const frame = useRef(0)
  const onScroll = (e: UIEvent<HTMLDivElement>) => {
    const target = e.currentTarget
    // One state update per frame, however many scroll events arrive.
    cancelAnimationFrame(frame.current)
    frame.current = requestAnimationFrame(() => setTop(target.scrollTop))
  }
  const first = Math.max(0, Math.floor(top / ROW_HEIGHT) - OVERSCAN)
  const last = Math.min(starts.length, Math.ceil((top + height) / ROW_HEIGHT) + OVERSCAN)
  const rows: string[] = []
  for (let i = first; i < last; i++) rows.push(rowText(text, starts, i))
  return (
    <div
      ref={box}
      role="textbox"
      aria-label={label}
      aria-readonly="true"
      aria-multiline="true"
      tabIndex={0}
      onScroll={onScroll}
      style={{ height }}
      className="relative overflow-auto bg-white font-mono text-[13px] text-slate-800 outline-none focus-visible:ring-2 focus-visible:ring-sky-500/60 dark:bg-slate-950 dark:text-slate-200"
    >
      <div style={{ height: starts.length * ROW_HEIGHT }} className="relative min-w-max">
        <div style={{ transform: `translateY(${first * ROW_HEIGHT}px)` }} className="absolute left-0 top-0 px-3">
          {rows.map((row, i) => (
            <div key={first + i} style={{ height: ROW_HEIGHT, lineHeight: `${ROW_HEIGHT}px` }} className="whitespace-pre">
              {row}
            </div>
          ))}
        </div>
      </div>
    </div>
  )
}
