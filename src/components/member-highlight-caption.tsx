import { useAppStore } from '../store/app-store'

/**
 * One line under the encoded token saying which member the highlighted characters encode, so the
 * highlight is explained in text and not by colour alone. Its height never changes, so hovering
 * never moves the layout under the pointer.
 */
export function MemberHighlightCaption({ token }: { readonly token: string }) {
  const highlight = useAppStore((s) => s.highlight)
  const member = useAppStore((s) => s.jsonHighlight)
  const active = highlight !== null && member !== null && highlight.token === token && member.token === token
  return (
    <p data-testid="member-highlight-caption" className="mt-1 truncate text-xs text-slate-600 dark:text-slate-400">
      {active ? (
        <>
          <span className="font-mono font-semibold text-slate-900 dark:text-slate-100">{member.name}</span> ({member.segment}) is encoded by
          characters {highlight.start + 1}–{highlight.end} of the token, highlighted ({highlight.end - highlight.start} characters).
        </>
      ) : (
        'Hover a claim, a Header/Payload member or the token itself to see which characters encode what.'
      )}
    </p>
  )
}
