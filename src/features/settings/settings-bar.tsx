import { useId } from 'react'
import { InlineSelect } from '../../components/ui'
import { useAppFields } from '../../store/app-store'
import type { Theme } from '../../store/settings-slice'
import { AllowedIssuers } from './allowed-issuers'
import { ForgetButton } from './forget-button'
import { WhatIsKept, keptSentence } from './what-is-kept'

const themes: readonly { value: Theme; label: string }[] = [
  { value: 'system', label: 'System' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
]

/**
 * Theme choice, plain text editors instead of the code editor, the opt-in to keep live tokens,
 * secrets and private keys in this browser, what is kept (a sentence and a disclosure), the
 * remembered issuers of key discovery, and the button that forgets everything.
 */
export function SettingsBar() {
  const keptId = useId()
  const plainId = useId()
  const { theme, setTheme, rememberSecrets, setRememberSecrets, plainEditors, setPlainEditors } = useAppFields(
    'theme',
    'setTheme',
    'rememberSecrets',
    'setRememberSecrets',
    'plainEditors',
    'setPlainEditors',
  )

  return (
    <div className="flex flex-col items-start gap-2 text-sm">
      <InlineSelect label="Theme" value={theme} options={themes} onChange={setTheme} />
      <label className="flex items-center gap-1">
        <input type="checkbox" checked={plainEditors} onChange={(e) => setPlainEditors(e.target.checked)} aria-describedby={plainId} />
        <span>Plain text editors</span>
      </label>
      <p id={plainId} className="max-w-[30rem] text-xs text-slate-600 dark:text-slate-400">
        Header and Payload in plain text boxes, without the code editor (no autocomplete or hover help): lighter on slow devices, and a
        native text field for screen readers.
      </p>
      <label className="flex items-center gap-1">
        <input type="checkbox" checked={rememberSecrets} onChange={(e) => setRememberSecrets(e.target.checked)} aria-describedby={keptId} />
        <span>Remember tokens and secrets on this device</span>
      </label>
      <p id={keptId} className="max-w-[30rem] text-xs text-slate-600 dark:text-slate-400">
        {keptSentence(rememberSecrets)}
      </p>
      <WhatIsKept />
      <AllowedIssuers />
      <ForgetButton />
    </div>
  )
}
