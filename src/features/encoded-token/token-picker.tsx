import type { TokenCandidate } from '../../core'
import { InlineSelect, type SelectOption } from '../../components/ui'
import { useAppStore } from '../../store/app-store'

const SOURCE_WORDS: Readonly<Record<TokenCandidate['source'], string>> = {
  json: 'JSON member',
  pair: 'named value',
  authorization: 'Authorization header',
  text: 'in the text',
}

/** How a choice reads: `2. id_token (JSON member, position 118)`; an unnamed token's label has its position. */
function optionText(candidate: TokenCandidate, index: number): string {
  const where = candidate.source === 'text' ? '' : ` (${SOURCE_WORDS[candidate.source]}, position ${candidate.position})`
  return `${index + 1}. ${candidate.label}${where}`
}

/** Stands for the token in the box once it was edited into none of the pasted ones. */
const EDITED = -1

/**
 * The `Token in the pasted text` select: shown while the last paste held several tokens, so any of
 * them can be decoded, and picked again, until something else is pasted.
 */
export function TokenPicker() {
  const candidates = useAppStore((s) => s.pastedTokens)
  const token = useAppStore((s) => s.token)
  const setToken = useAppStore((s) => s.setToken)
  if (candidates.length < 2) return null
  const current = candidates.findIndex((c) => c.token === token)
  const options: SelectOption<number>[] = candidates.map((c, i) => ({ value: i, label: optionText(c, i) }))
  if (current === EDITED) options.unshift({ value: EDITED, label: 'The edited token (none of these)' })
  return (
    <div className="mt-2 text-sm">
      <InlineSelect
        label="Token in the pasted text"
        labelClassName="font-medium"
        value={current}
        options={options}
        onChange={(i) => {
          const picked = candidates[i]
          if (picked !== undefined) setToken(picked.token, picked.stripped)
        }}
      />
    </div>
  )
}
