import { Button } from '../../components/ui'
import { useAppFields } from '../../store/app-store'
import { PRESENTATION_SHORTCUT } from './use-presentation-mode'

/** Toggles the projector view: large type, high contrast, only the token and what it decodes to. */
export function PresentationButton() {
  const { presentationMode: on, setPresentationMode: setOn } = useAppFields('presentationMode', 'setPresentationMode')
  return (
    <Button
      variant={on ? 'primary' : 'secondary'}
      aria-pressed={on}
      aria-keyshortcuts={PRESENTATION_SHORTCUT.aria}
      title={`Presentation mode (${PRESENTATION_SHORTCUT.label}): large type, high contrast, side panels hidden`}
      onClick={() => setOn(!on)}
    >
      Presentation mode
    </Button>
  )
}
