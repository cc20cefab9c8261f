import { useEffect, useState } from 'react'
import { SIGNING_ALGORITHMS, type JwsAlgorithm } from '../../core'
import { Panel } from '../../components/panel'
import { onDemand } from '../../components/on-demand'
import { useShownToken } from '../../session/shown-token'
import { useAppStore } from '../../store/app-store'
import { isOwnSignature } from './own-signature'

/** The algorithms offered, in menu order: the core's algorithm table, then the unsecured `none`. */
const OFFERED: readonly string[] = [...SIGNING_ALGORITHMS, 'none']

const isOffered = (alg: string | undefined): alg is JwsAlgorithm => alg !== undefined && OFFERED.includes(alg)

// Most visitors only read tokens: the form, its key handling and signers load when the panel opens.
const SigningForm = onDemand(() => import('./signing-form').then((m) => m.SigningForm))

const formTexts = {
  loading: 'Loading the signing tools…',
  failed: 'The signing tools could not be loaded: their code did not arrive (offline before the app was stored for offline use?). The token and keys on the page are unchanged. Connect to the network and press Try again.',
}

/**
 * Signs the current header and payload: algorithm, signing key (secret, PEM private key or private
 * JWK), key generation in a worker, public key export, and the thumbprint as `kid`. Starts collapsed;
 * the form is mounted the first time the panel is opened and then kept, so its choices survive
 * closing and reopening it.
 */
export function SigningPanel() {
  const decoded = useShownToken()
  // Most visitors only read tokens: signing starts collapsed (edits still re-sign with the key given).
  const [collapsed, setCollapsed] = useState(true)
  const [opened, setOpened] = useState(false)

  // A token pasted or loaded from elsewhere brings its own algorithm: follow it, so pressing Sign
  // keeps the token's algorithm unless the user picks another one.
  const tokenAlg = decoded.alg
  const token = decoded.token
  useEffect(() => {
    if (isOwnSignature(token) || !isOffered(tokenAlg)) return
    if (useAppStore.getState().algorithm !== tokenAlg) useAppStore.getState().setAlgorithm(tokenAlg)
  }, [token, tokenAlg])

  const toggle = () => {
    setOpened(true)
    setCollapsed((c) => !c)
  }
  return (
    <Panel title="Signing" collapse={{ collapsed, onToggle: toggle }}>
      {opened && <SigningForm onDemand={formTexts} />}
    </Panel>
  )
}
