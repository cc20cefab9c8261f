import { Button } from '../../components/ui'
import { useAppFields } from '../../store/app-store'

/** Id of the Explain region, for `aria-controls`. */
export const EXPLAIN_REGION_ID = 'explain-region'

/** Opens and closes the step-by-step walkthrough of the current token. */
export function ExplainButton() {
  const { explainOpen: open, setExplainOpen: setOpen } = useAppFields('explainOpen', 'setExplainOpen')
  return (
    <Button
      variant={open ? 'primary' : 'secondary'}
      data-explain-toggle=""
      aria-expanded={open}
      aria-controls={open ? EXPLAIN_REGION_ID : undefined}
      onClick={() => setOpen(!open)}
      title="Walk through how this token is encoded and signed, step by step"
    >
      Explain
    </Button>
  )
}
