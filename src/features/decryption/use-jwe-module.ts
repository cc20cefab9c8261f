import { useEffect, useState } from 'react'
import { loadJwe, type JweModule } from '../../core'

/** Where loading the JWE engine stands: its module once it arrived, or that it did not. */
export type JweModuleState =
  | { readonly status: 'loading' }
  | { readonly status: 'failed' }
  | { readonly status: 'ready'; readonly jwe: JweModule }

/** The JWE engine, fetched at first use (it is not in the first-paint JavaScript). */
export function useJweModule(): JweModuleState {
  const [state, setState] = useState<JweModuleState>({ status: 'loading' })
  useEffect(() => {
    let live = true
    loadJwe().then(
      (jwe) => live && setState({ status: 'ready', jwe }),
      () => live && setState({ status: 'failed' }),
    )
    return () => {
      live = false
    }
  }, [])
  return state
}
