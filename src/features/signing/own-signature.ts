import { useAppStore } from '../../store/app-store'

let lastSigned: string | null = null

// "Forget everything" starts a new generation of inputs: drop the last signed token with them.
useAppStore.subscribe((state, previous) => {
  if (state.inputsGeneration !== previous.inputsGeneration) lastSigned = null
})

/** Notes the token the Signing panel just wrote into the store. */
export function rememberOwnSignature(token: string): void {
  lastSigned = token
}

/** Whether `token` is the one the Signing panel produced last (not pasted or loaded from elsewhere). */
export function isOwnSignature(token: string): boolean {
  return token === lastSigned
}
