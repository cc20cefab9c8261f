import type { Base64Group, ExplainStep } from '../../core'
import { CheckTable, ValueList, Verdict, type Column } from '../../components/ui'

/** A step compares two values: its verdict says whether they match. */
const verdictWords = { pass: 'Matches', fail: 'Does not match', skip: 'Not checked' } as const

/** One walkthrough step: what happens, the real values, and for base64url steps the 3 → 4 table. */
export function StepView({ step }: { readonly step: ExplainStep }) {
  return (
    <div className="flex min-w-0 flex-col gap-3">
      <div className="flex flex-wrap items-center gap-2">
        <h3 className="text-lg font-semibold">{step.title}</h3>
        {step.verdict !== undefined && (
          <Verdict kind={step.verdict} words={verdictWords} look="badge" />
        )}
      </div>
      <p className="max-w-prose text-sm leading-6 text-slate-700 dark:text-slate-200">{step.explanation}</p>
      <ValueList values={step.values} />
      {step.groups !== undefined && step.groups.length > 0 && <GroupTable groups={step.groups} omitted={step.groupsOmitted ?? 0} />}
    </div>
  )
}

/** The bits with the fill bits (zeros added to complete the last 6-bit chunk) set apart. */
function Bits({ group }: { readonly group: Base64Group }) {
  if (group.fillBits === 0) return <>{group.bits}</>
  let cut = group.bits.length
  for (let n = 0; n < group.fillBits; cut--) if (group.bits[cut - 1] !== ' ') n++
  return (
    <>
      {group.bits.slice(0, cut)}
      <span className="text-slate-400 underline decoration-dotted dark:text-slate-500" title={`${group.fillBits} zero bits added to fill the last character`}>
        {group.bits.slice(cut)}
      </span>
    </>
  )
}

const groupColumns: readonly Column<Base64Group>[] = [
  { header: 'Group', className: 'tabular-nums', cell: (g) => g.index + 1 },
  { header: 'Bytes (hex)', className: 'whitespace-nowrap', cell: (g) => g.bytesHex },
  { header: 'Bits, 6 at a time', className: 'whitespace-nowrap', cell: (g) => <Bits group={g} /> },
  { header: 'Values', className: 'whitespace-nowrap', cell: (g) => g.values.join(' ') },
  { header: 'Characters', className: 'font-semibold whitespace-nowrap text-slate-900 dark:text-slate-50', cell: (g) => g.chars },
  { header: 'base64 adds', className: 'whitespace-nowrap', cell: (g) => (g.padding === '' ? '—' : g.padding) },
]

function GroupTable({ groups, omitted }: { readonly groups: readonly Base64Group[]; readonly omitted: number }) {
  const last = groups.length - 1
  return (
    <CheckTable
      label="3 bytes to 4 characters"
      caption="Every 3 bytes (24 bits) become four 6-bit numbers, each one base64url character."
      columns={groupColumns}
      rows={groups}
      rowKey={(g) => g.index}
      noteBefore={(_, i) => (omitted > 0 && i === last ? `… ${omitted.toLocaleString('en-US')} more groups …` : null)}
      frame="box"
      bodyClassName="font-mono text-[13px]"
    />
  )
}
