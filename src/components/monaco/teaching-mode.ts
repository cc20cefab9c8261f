import type { OnMount } from '@monaco-editor/react'
import { memberAtTextOffset, parseJsonText, type JsonMember } from '../../core'
import { decodeCached } from '../../session/use-decoded-token'
import { useAppStore } from '../../store/app-store'
import type { HighlightSegment } from '../../store/teaching-slice'
import { monaco } from './monaco-setup'

// Store actions are stable functions: the pointer handlers can take them once.
const { clearHighlight, highlightMember } = useAppStore.getState()

type StandaloneEditor = Parameters<OnMount>[0]

/** Classes of the decoration on the highlighted member (Tailwind utilities, so dark mode follows). */
const HIGHLIGHT_CLASS = 'member-highlight rounded-[2px] bg-amber-200 dark:bg-amber-500/35'

/**
 * Teaching mode for a Header/Payload editor: the pointer over a top-level member highlights the
 * token characters that encode it, and a member highlighted elsewhere (hovered token characters) is
 * decorated here. The editor shows pretty-printed JSON, so members are matched by position in source
 * order (the pretty and the original text list the same members in the same order), checked by name.
 */
function attachMemberHover(editor: StandaloneEditor, segment: HighlightSegment): void {
  let cache: { version: number; members: readonly JsonMember[] } | null = null
  const editorMembers = (): readonly JsonMember[] => {
    const model = editor.getModel()
    if (!model) return []
    const version = model.getVersionId()
    if (cache === null || cache.version !== version) cache = { version, members: parseJsonText(model.getValue()).members }
    return cache.members
  }

  /** The editor's member `index` when it is the same member as the token's member `index`. */
  const matches = (index: number): JsonMember | null => {
    const part = decodeCached(useAppStore.getState().token)[segment]
    const ours = editorMembers()
    const theirs = part?.members ?? []
    const member = ours[index]
    if (member === undefined || ours.length !== theirs.length || theirs[index]?.name !== member.name) return null
    return member
  }

  editor.onMouseMove((e) => {
    const model = editor.getModel()
    const position = e.target.type === monaco.editor.MouseTargetType.CONTENT_TEXT ? e.target.position : null
    if (!model || position === null) {
      clearHighlight()
      return
    }
    const index = memberAtTextOffset(editorMembers(), model.getOffsetAt(position))
    highlightMember(segment, index !== null && matches(index) !== null ? index : null)
  })
  editor.onMouseLeave(() => clearHighlight())

  const decorations = editor.createDecorationsCollection()
  const paint = () => {
    const model = editor.getModel()
    const h = useAppStore.getState().jsonHighlight
    const member = model && h !== null && h.segment === segment && h.token === useAppStore.getState().token ? matches(h.index) : null
    if (!model || member === null) {
      decorations.clear()
      return
    }
    const start = model.getPositionAt(member.start)
    const end = model.getPositionAt(member.end)
    decorations.set([
      {
        range: { startLineNumber: start.lineNumber, startColumn: start.column, endLineNumber: end.lineNumber, endColumn: end.column },
        options: { inlineClassName: HIGHLIGHT_CLASS },
      },
    ])
  }
  // A highlight may already be set when the editor finishes loading.
  paint()
  const unsubscribe = useAppStore.subscribe((state, previous) => {
    if (state.jsonHighlight !== previous.jsonHighlight || state.token !== previous.token) paint()
  })
  editor.onDidDispose(unsubscribe)
}

/** Editor font sizes: normal, and presentation mode (readable from the back of a room). */
const FONT_SIZE = { normal: 13, presentation: 20 } as const

/** Presentation mode enlarges the editor text; Monaco sizes text by option, not by CSS. */
function followPresentationMode(editor: StandaloneEditor): void {
  const apply = (on: boolean) => editor.updateOptions({ fontSize: on ? FONT_SIZE.presentation : FONT_SIZE.normal })
  if (useAppStore.getState().presentationMode) apply(true)
  const unsubscribe = useAppStore.subscribe((state, previous) => {
    if (state.presentationMode !== previous.presentationMode) apply(state.presentationMode)
  })
  editor.onDidDispose(unsubscribe)
}

/** Teaching mode for a Header/Payload editor: hover mapping both ways and presentation-mode type size. */
export function attachTeachingMode(editor: StandaloneEditor, segment: HighlightSegment): void {
  attachMemberHover(editor, segment)
  followPresentationMode(editor)
}
