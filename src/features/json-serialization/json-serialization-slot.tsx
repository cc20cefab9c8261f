import { onDemand, type OnDemandTexts } from '../../components/on-demand'
import { useJsonSerializationView, type JsonSerializationView } from './json-serialization-view'

// Only a JSON-serialized JWS or a detached payload needs the panel: most tokens never load its
// parser, per-signature verifier and views. A failed load says so in its place; the page keeps working.
const JsonSerializationPanel = onDemand(() => import('./json-serialization-panel').then((m) => m.JsonSerializationPanel))

const texts: Readonly<Record<NonNullable<JsonSerializationView>, OnDemandTexts>> = {
  json: {
    loading: 'Loading the JWS JSON serialization panel…',
    failed: 'The JWS JSON serialization panel could not be loaded: its code did not arrive (offline before the app was stored for offline use?). The token and keys on the page are unchanged. Connect to the network and press Try again.',
  },
  detached: {
    loading: 'Loading the detached payload panel…',
    failed: 'The detached payload panel could not be loaded: its code did not arrive (offline before the app was stored for offline use?). The token and keys on the page are unchanged. Connect to the network and press Try again.',
  },
}

/**
 * The JSON serialization panel, where the token calls for it (a JWS in JSON serialization, or a
 * compact JWS with a detached payload), and nothing otherwise. The panel's code is fetched then.
 */
export function JsonSerializationSlot() {
  const view = useJsonSerializationView()
  return view === null ? null : <JsonSerializationPanel onDemand={texts[view]} />
}
