import { useCallback } from 'react'
import { reencodeToken, type ReencodeInput } from '../../core'
import { forgetWithUserData } from '../../session/user-data-caches'
import { useAppStore } from '../../store/app-store'

/** Which editor panes already show the content of a token this code produced. */
export interface OwnEdit {
  readonly header: boolean
  readonly payload: boolean
}

// Recent tokens produced from the editors. The decoded token reaches the panes deferred, so it can
// lag behind several keystrokes: every one of them must be recognised as the user's own echo.
const ownEdits = new Map<string, OwnEdit>()
const MAX_OWN_EDITS = 50
let sequence = 0

let forgettable = false

function rememberOwnEdit(token: string, edit: OwnEdit): void {
  // The tokens are user data: "Forget everything" empties this memory too (registered on first use,
  // so nothing relies on a module side effect surviving the bundler).
  if (!forgettable) {
    forgetWithUserData(() => ownEdits.clear())
    forgettable = true
  }
  ownEdits.delete(token)
  ownEdits.set(token, edit)
  while (ownEdits.size > MAX_OWN_EDITS) {
    const oldest = ownEdits.keys().next().value
    if (oldest === undefined) break
    ownEdits.delete(oldest)
  }
}

/** Problems to show per pane after an edit (`signing` for notes about re-signing). */
export type EditProblems = Partial<Record<'header' | 'payload' | 'signing', string>>

/**
 * The editors' link to the store: `reencode` stores the re-encoded token (ignoring results overtaken
 * by a later keystroke) and `ownEditOf` tells whether a token came from the editors, and for which
 * panes, so those editors are not overwritten with their own echo.
 */
export function useReencode(): {
  reencode: (args: Pick<ReencodeInput, 'decoded' | 'headerText' | 'payloadText' | 'payloadIsJson'>) => Promise<EditProblems>
  ownEditOf: (token: string) => OwnEdit | undefined
} {
  const reencode = useCallback(async (args: Pick<ReencodeInput, 'decoded' | 'headerText' | 'payloadText' | 'payloadIsJson'>) => {
    const mine = ++sequence
    const { signingKey, signingEncoding, algorithm } = useAppStore.getState()
    const outcome = await reencodeToken({ ...args, signingKey, signingEncoding, algorithm })
    if (mine !== sequence) return {}
    if (!outcome.ok) return { [outcome.error.code === 'HEADER_INVALID_JSON' ? 'header' : 'payload']: outcome.error.message }
    const { token, stale, notes } = outcome.value
    rememberOwnEdit(token, { header: args.headerText !== undefined, payload: args.payloadText !== undefined })
    useAppStore.getState().setEditedToken(token, stale)
    return notes.length > 0 ? { signing: notes.join(' ') } : {}
  }, [])
  const ownEditOf = useCallback((token: string) => ownEdits.get(token), [])
  return { reencode, ownEditOf }
}
