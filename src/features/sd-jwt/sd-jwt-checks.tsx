import type { SdJwtCheck } from '../../core'
import { CheckTable, Verdict, type Column } from '../../components/ui'
import { checkVerdict } from './sd-jwt-verdict'

const columns: readonly Column<SdJwtCheck>[] = [
  { header: 'Check', kind: 'header', width: 'w-[14rem]', cell: (c) => c.title, sub: (c) => c.reference },
  {
    header: 'Verdict',
    width: 'w-[6rem]',
    card: 'meta',
    cell: (c) => {
      const shown = checkVerdict(c.verdict)
      return <Verdict kind={shown.kind} {...(shown.words !== undefined ? { words: shown.words } : {})} />
    },
  },
  { header: 'Detail', card: 'body', className: 'break-words', cell: (c) => c.detail },
]

/** Every SD-JWT check as a verdict row with the section of RFC 9901 (or SD-JWT VC) that asks for it. */
export function SdJwtChecks({ checks }: { readonly checks: readonly SdJwtCheck[] }) {
  return (
    <CheckTable
      label="SD-JWT checks"
      columns={columns}
      rows={checks}
      rowKey={(c) => c.id}
      rowAttributes={(c) => ({ 'data-check': c.id, 'data-verdict': c.verdict })}
      cardsBelow="sm"
      frame="box"
    />
  )
}
