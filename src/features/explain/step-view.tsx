import type { Base64Group, ExplainStep } from '../../core'

const verdictStyle = {
  pass: 'border-emerald-500 bg-emerald-50 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100',
  fail: 'border-rose-500 bg-rose-50 text-rose-900 dark:bg-rose-950 dark:text-rose-100',
  skip: 'border-slate-400 bg-slate-50 text-slate-800 dark:bg-slate-800 dark:text-slate-100',
} as const

const verdictText = { pass: 'Matches', fail: 'Does not match', skip: 'Not checked' } as const

/** One walkthrough step: what happens, the real values, and for base64url steps the 3 → 4 table. */
export function StepView({ step }: { readonly step: ExplainStep }) {
  return (
    <div className="flex min-w-0 flex-col gap-3">
      <div className="flex flex-wrap items-center gap-2">
        <h3 className="text-lg font-semibold">{step.title}</h3>
        {step.verdict !== undefined && (
          <span className={`rounded border-l-4 px-2 py-0.5 text-sm font-semibold ${verdictStyle[step.verdict]}`}>{verdictText[step.verdict]}</span>
        )}
      </div>
      <p className="max-w-prose text-sm leading-6 text-slate-700 dark:text-slate-200">{step.explanation}</p>
      {step.values.length > 0 && (
        <dl className="grid min-w-0 gap-x-4 gap-y-2 text-sm sm:grid-cols-[minmax(8rem,max-content)_minmax(0,1fr)]">
          {step.values.map((v, i) => (
            <div key={i} className="contents">
              <dt className="font-medium text-slate-600 dark:text-slate-300">{v.label}</dt>
              <dd className="min-w-0">
                {v.mono ? (
                  <code className="block rounded bg-slate-100 px-2 py-1 font-mono text-[13px] break-all whitespace-pre-wrap text-slate-900 dark:bg-slate-800 dark:text-slate-100">
                    {v.value}
                  </code>
                ) : (
                  <span className="break-words">{v.value}</span>
                )}
              </dd>
            </div>
          ))}
        </dl>
      )}
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

function GroupTable({ groups, omitted }: { readonly groups: readonly Base64Group[]; readonly omitted: number }) {
  const last = groups[groups.length - 1]
  return (
    <div className="min-w-0 overflow-x-auto rounded-md border border-slate-200 dark:border-slate-700">
      <table aria-label="3 bytes to 4 characters" className="w-full border-collapse text-left text-sm">
        <caption className="px-3 py-1.5 text-left text-xs text-slate-600 dark:text-slate-400">
          Every 3 bytes (24 bits) become four 6-bit numbers, each one base64url character.
        </caption>
        <thead>
          <tr className="border-y border-slate-200 bg-slate-50 text-xs tracking-wide text-slate-600 uppercase dark:border-slate-700 dark:bg-slate-800/60 dark:text-slate-300">
            <th scope="col" className="px-3 py-1 font-semibold">Group</th>
            <th scope="col" className="px-3 py-1 font-semibold">Bytes (hex)</th>
            <th scope="col" className="px-3 py-1 font-semibold">Bits, 6 at a time</th>
            <th scope="col" className="px-3 py-1 font-semibold">Values</th>
            <th scope="col" className="px-3 py-1 font-semibold">Characters</th>
            <th scope="col" className="px-3 py-1 font-semibold">base64 adds</th>
          </tr>
        </thead>
        <tbody className="font-mono text-[13px]">
          {groups.map((g) => (
            <FragmentRow key={g.index} group={g} gapBefore={omitted > 0 && g === last ? omitted : 0} />
          ))}
        </tbody>
      </table>
    </div>
  )
}

function FragmentRow({ group, gapBefore }: { readonly group: Base64Group; readonly gapBefore: number }) {
  return (
    <>
      {gapBefore > 0 && (
        <tr className="border-b border-slate-100 dark:border-slate-800">
          <td colSpan={6} className="px-3 py-1 font-sans text-xs text-slate-600 italic dark:text-slate-400">
            … {gapBefore.toLocaleString('en-US')} more groups …
          </td>
        </tr>
      )}
      <tr className="border-b border-slate-100 last:border-b-0 dark:border-slate-800">
        <td className="px-3 py-1 tabular-nums">{group.index + 1}</td>
        <td className="px-3 py-1 whitespace-nowrap">{group.bytesHex}</td>
        <td className="px-3 py-1 whitespace-nowrap"><Bits group={group} /></td>
        <td className="px-3 py-1 whitespace-nowrap">{group.values.join(' ')}</td>
        <td className="px-3 py-1 font-semibold whitespace-nowrap text-slate-900 dark:text-slate-50">{group.chars}</td>
        <td className="px-3 py-1 whitespace-nowrap">{group.padding === '' ? '—' : group.padding}</td>
      </tr>
    </>
  )
}
