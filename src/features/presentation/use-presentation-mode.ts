import { useEffect } from 'react'
import { useAppStore } from '../../store/app-store'
import './presentation.css'

/** The keyboard shortcut, as shown to people and as `aria-keyshortcuts` spells it. */
export const PRESENTATION_SHORTCUT = { label: 'Alt+P', aria: 'Alt+P' } as const

/** Alt+P by physical key, so layouts where Option+P types a character (macOS) still toggle. */
export function isPresentationShortcut(e: Pick<KeyboardEvent, 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'code'>): boolean {
  return e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey && e.code === 'KeyP'
}

/**
 * Presentation mode for the whole page: sets the `presentation` class on the root element (the
 * stylesheet enlarges type and raises contrast) and listens for the shortcut anywhere on the page.
 * Returns whether the mode is on, so the layout can hide the side panels.
 */
export function usePresentationMode(): boolean {
  const on = useAppStore((s) => s.presentationMode)

  useEffect(() => {
    const root = document.documentElement
    root.classList.toggle('presentation', on)
    return () => root.classList.remove('presentation')
  }, [on])

  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (!isPresentationShortcut(e) || e.repeat) return
      e.preventDefault()
      const { presentationMode, setPresentationMode } = useAppStore.getState()
      setPresentationMode(!presentationMode)
    }
    // Capture phase: Monaco and text boxes stop some key events from bubbling.
    window.addEventListener('keydown', onKeyDown, true)
    return () => window.removeEventListener('keydown', onKeyDown, true)
  }, [])

  return on
}
