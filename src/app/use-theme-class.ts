import { useEffect } from 'react'
import { useAppStore } from '../store/app-store'

/**
 * Keeps class `dark` on <html> in step with the chosen theme; "System" follows the operating
 * system's colour scheme, including changes while the page is open.
 */
export function useThemeClass(): void {
  const theme = useAppStore((s) => s.theme)
  useEffect(() => {
    const media = window.matchMedia('(prefers-color-scheme: dark)')
    const apply = () => {
      const dark = theme === 'dark' || (theme === 'system' && media.matches)
      document.documentElement.classList.toggle('dark', dark)
      // Turns off the stylesheet's dark rule for a dark system (which only serves the page before the app runs).
      document.documentElement.classList.toggle('light', !dark)
      document.documentElement.style.colorScheme = dark ? 'dark' : 'light'
    }
    apply()
    if (theme !== 'system') return
    media.addEventListener('change', apply)
    return () => media.removeEventListener('change', apply)
  }, [theme])
}
