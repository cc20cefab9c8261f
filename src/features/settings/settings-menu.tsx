import { useEffect, useId, useRef, useState } from 'react'
import { Button } from '../../components/ui'
import { SettingsBar } from './settings-bar'

/**
 * The `Settings` button of the toolbar and the panel it opens (theme, what is kept on this device,
 * forget everything): one compact button instead of a second toolbar row. Meant as two items of a
 * wrapping flex row. Escape closes the panel
 * and gives focus back to the button.
 */
export function SettingsMenu() {
  const [open, setOpen] = useState(false)
  const panelId = useId()
  const buttonRef = useRef<HTMLButtonElement>(null)

  useEffect(() => {
    if (!open) return
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return
      setOpen(false)
      buttonRef.current?.focus()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [open])

  // Two flex items of the toolbar: the button, and the panel as a row of its own below the toolbar
  // (it pushes the page down instead of covering it).
  return (
    <>
      <div className="ml-auto lg:order-last lg:ml-0">
        <Button ref={buttonRef} aria-expanded={open} aria-controls={panelId} onClick={() => setOpen(!open)}>
          Settings
        </Button>
      </div>
      <div
        id={panelId}
        hidden={!open}
        className="order-last basis-full rounded-lg border border-slate-200 bg-slate-50 p-3 dark:border-slate-700 dark:bg-slate-900"
      >
        <SettingsBar />
      </div>
    </>
  )
}
