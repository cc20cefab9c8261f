import { useMemo } from 'react'
import type { Disclosure, UndisclosedDigest } from '../../core'
import { CheckTable, Verdict, type Column } from '../../components/ui'
import { valueText } from './claim-visibility'
import { useFirstRows } from './first-rows'

interface Row {
  readonly d: Disclosure
  /** The disclosure whose value holds this one's digest (a recursive disclosure), or null. */
  readonly parent: number | null
}

/** Where a digest sits, in words: an object's `_sd` or an array's `{"...": digest}` element. */
function placeText(d: Disclosure): string {
  if (d.referencedAt === null) return 'nowhere: no _sd array or array element holds its digest'
  const where = d.referencedAt === '' ? 'the top level' : d.referencedAt
  return d.content.kind === 'property' ? `_sd of ${where}` : `{"...": digest} element of ${where}`
}

const columns: readonly Column<Row>[] = [
  { header: '#', kind: 'header', width: 'w-[3rem]', cell: (r) => String(r.d.index + 1) },
  { header: 'Claim', width: 'w-[9rem]', card: 'meta', className: 'break-words font-mono', cell: (r) => (r.d.content.kind === 'property' ? r.d.content.name : 'array element') },
  // Text only: the value is the holder's and the issuer's, never interpreted as markup.
  { header: 'Value', card: 'body', className: 'break-words font-mono text-xs', cell: (r) => valueText(r.d.content.value) },
  { header: 'Salt', card: 'note', className: 'break-all font-mono text-xs', cell: (r) => r.d.content.salt },
  { header: 'Digest', card: 'note', className: 'break-all font-mono text-xs', cell: (r) => r.d.digest },
  {
    header: 'Plugs in at',
    card: 'note',
    className: 'break-words text-xs',
    cell: (r) => (
      <>
        <span className="font-mono">{placeText(r.d)}</span>
        {r.parent !== null && <span className="block">{`recursive: inside disclosure ${r.parent + 1}`}</span>}
        {r.d.placedAt !== null && <span className="block font-mono">{`→ ${r.d.placedAt}`}</span>}
      </>
    ),
  },
  {
    header: 'Digest found',
    width: 'w-[7rem]',
    card: 'meta',
    cell: (r) => <Verdict kind={r.d.referencedAt !== null ? 'pass' : 'fail'} words={{ pass: 'Referenced', fail: 'Not referenced' }} />,
  },
]

/** The `Disclosures` table: one row per disclosure with its salt, claim, value, digest and place. */
export function DisclosuresTable({ disclosures, parents, sdAlg }: { readonly disclosures: readonly Disclosure[]; readonly parents: ReadonlyMap<number, number | null>; readonly sdAlg: string }) {
  const all = useMemo(() => disclosures.map((d) => ({ d, parent: parents.get(d.index) ?? null })), [disclosures, parents])
  const { shown: rows, footer } = useFirstRows(all, 'disclosures')
  return (
    <CheckTable
      label="Disclosures"
      caption={`Each disclosure is base64url JSON [salt, claim name, value] (or [salt, value] for an array element); its digest is ${sdAlg} of that base64url text (RFC 9901 §4.2.3).`}
      columns={columns}
      rows={rows}
      rowKey={(r) => r.d.index}
      rowAttributes={(r) => ({ 'data-verdict': r.d.referencedAt !== null ? 'pass' : 'fail' })}
      empty={rows.length === 0 ? 'No disclosures: the verifier sees only the always-visible claims.' : undefined}
      footer={footer}
      cardsBelow="lg"
      minWidth="min-w-[56rem]"
      frame="box"
    />
  )
}

const undisclosedColumns: readonly Column<UndisclosedDigest>[] = [
  { header: 'Digest', kind: 'header', className: 'break-all font-mono text-xs font-normal', cell: (u) => u.digest },
  { header: 'In', card: 'meta', className: 'break-words font-mono text-xs', cell: (u) => (u.kind === 'property' ? `_sd of ${u.at === '' ? 'the top level' : u.at}` : `array ${u.at}`) },
]

/** Digests with no presented disclosure: withheld claims or decoys, which a verifier cannot tell apart. */
export function UndisclosedDigests({ undisclosed }: { readonly undisclosed: readonly UndisclosedDigest[] }) {
  const { shown, footer } = useFirstRows(undisclosed, 'digests')
  if (undisclosed.length === 0) return null
  return (
    <CheckTable
      label="Undisclosed digests"
      caption="Withheld claims or decoys (RFC 9901 §4.2.5): the verifier learns only that something is there, not what."
      columns={undisclosedColumns}
      rows={shown}
      rowKey={(u, i) => `${u.digest}-${i}`}
      footer={footer}
      frame="box"
    />
  )
}
