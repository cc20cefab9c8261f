import type { ReactNode } from 'react'
import type { Diagnostic } from '../../core'
import { segmentText } from '../../components/segment-colors'

/** Tokens longer than this are shown without colours: laying out a 1 MB overlay would freeze the page. */
export const OVERLAY_LIMIT = 200 * 1024

/** At most this many diagnostics are underlined (garbage can produce many). */
const MAX_UNDERLINES = 200

const JWS_PARTS = ['header', 'payload', 'signature'] as const
const JWE_PARTS = ['header', 'encrypted_key', 'iv', 'ciphertext', 'tag'] as const

type PartName = (typeof JWS_PARTS)[number] | (typeof JWE_PARTS)[number]

const underline: Record<Diagnostic['severity'], string> = {
  error: 'underline decoration-wavy decoration-rose-600 dark:decoration-rose-400 [text-decoration-skip-ink:none]',
  warning: 'underline decoration-wavy decoration-amber-500 [text-decoration-skip-ink:none]',
  info: 'underline decoration-dotted decoration-sky-500 [text-decoration-skip-ink:none]',
}

const severityRank: Record<Diagnostic['severity'], number> = { info: 1, warning: 2, error: 3 }

/**
 * The coloured copy of the token drawn behind the transparent textarea. Runs are split only at dots
 * and diagnostic boundaries, so the element count stays small whatever the token length.
 */
export function TokenOverlay({ text, diagnostics, highlight = null }: {
  readonly text: string
  readonly diagnostics: readonly Diagnostic[]
  /** Characters to mark (teaching mode: the encoding of the hovered JSON member). */
  readonly highlight?: { readonly start: number; readonly end: number } | null
}) {
  const dots: number[] = []
  for (let i = text.indexOf('.'); i !== -1; i = text.indexOf('.', i + 1)) dots.push(i)
  const names: readonly PartName[] = dots.length === 4 ? JWE_PARTS : JWS_PARTS

  // Boundaries: every dot (and the character after it) plus every underline start and end.
  const cuts = new Set<number>([0, text.length])
  for (const d of dots) {
    cuts.add(d)
    cuts.add(d + 1)
  }
  const ranges = diagnostics
    .filter((d) => d.length > 0 && d.offset < text.length)
    .slice(0, MAX_UNDERLINES)
    .map((d) => ({ start: Math.max(0, d.offset), end: Math.min(text.length, d.offset + d.length), severity: d.severity }))
  for (const r of ranges) {
    cuts.add(r.start)
    cuts.add(r.end)
  }
  const marked = highlight !== null && highlight.end > highlight.start && highlight.end <= text.length ? highlight : null
  if (marked !== null) {
    cuts.add(marked.start)
    cuts.add(marked.end)
  }
  const points = [...cuts].sort((a, b) => a - b)

  const children: ReactNode[] = []
  let dotIndex = 0
  for (let i = 0; i < points.length - 1; i++) {
    const start = points[i] as number
    const end = points[i + 1] as number
    if (end <= start) continue
    while (dotIndex < dots.length && (dots[dotIndex] as number) < start) dotIndex++
    const isDot = dots[dotIndex] === start && end === start + 1
    const part = names[Math.min(dotIndex, names.length - 1)] ?? 'signature'
    let worst: Diagnostic['severity'] | null = null
    for (const r of ranges) {
      if (r.start <= start && r.end >= end && (worst === null || severityRank[r.severity] > severityRank[worst])) worst = r.severity
    }
    const extraParts = dotIndex >= names.length
    const colour = isDot ? segmentText.dot : extraParts ? 'text-slate-500' : segmentText[part]
    const className = `${colour} ${worst ? underline[worst] : ''}`
    children.push(
      marked !== null && start >= marked.start && end <= marked.end ? (
        <mark key={start} data-highlight="member" data-underline={worst ?? undefined} className={`${className} rounded-[2px] bg-amber-200 ring-1 ring-amber-500 dark:bg-amber-500/35 dark:ring-amber-400`}>
          {text.slice(start, end)}
        </mark>
      ) : (
        <span key={start} className={className} data-underline={worst ?? undefined}>
          {text.slice(start, end)}
        </span>
      ),
    )
  }
  // A trailing newline collapses in a div but not in a textarea: keep the heights equal.
  if (text.endsWith('\n')) children.push(<span key="end">{' '}</span>)
  return <>{children}</>
}
