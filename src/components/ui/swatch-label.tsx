import type { ReactNode } from 'react'

/** Words after a round colour swatch (a token segment's colour in a heading or a legend). */
export function SwatchLabel({ swatch, children }: { readonly swatch: string; readonly children: ReactNode }) {
  return (
    <span className="inline-flex items-center gap-1.5">
      <span aria-hidden="true" className={`inline-block h-2.5 w-2.5 rounded-full ${swatch}`} />
      {children}
    </span>
  )
}
