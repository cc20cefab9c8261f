import { useEffect, useState } from 'react'

let probe: Promise<boolean> | undefined

/** Whether this browser's WebCrypto takes 192-bit AES keys (Chromium refuses them; Firefox and Safari do not). */
function probeAes192(): Promise<boolean> {
  probe ??= crypto.subtle.importKey('raw', new Uint8Array(24), { name: 'AES-GCM' }, false, ['encrypt']).then(
    () => true,
    () => false,
  )
  return probe
}

/**
 * True or false once the browser was asked, undefined before: the A192* choices are marked only
 * where they cannot work, instead of failing after the user picked them.
 */
export function useAes192Support(): boolean | undefined {
  const [supported, setSupported] = useState<boolean | undefined>(undefined)
  useEffect(() => {
    let live = true
    void probeAes192().then((value) => {
      if (live) setSupported(value)
    })
    return () => {
      live = false
    }
  }, [])
  return supported
}

/** The options of an algorithm select, with the 192-bit AES ones marked where this browser lacks them. */
export function markAes192<T extends string>(names: readonly T[], supported: boolean | undefined): { readonly value: T; readonly label: string }[] {
  return names.map((value) => ({ value, label: supported === false && value.includes('192') ? `${value} (not in this browser's WebCrypto)` : value }))
}
