import type { Page } from '@playwright/test'

/**
 * An init script that keeps what the page writes to the clipboard. The served Permissions-Policy
 * denies clipboard-read, so a test cannot read the clipboard back (and the page never needs to).
 */
export function recordCopies(): void {
  const clipboard = navigator.clipboard
  const write = clipboard.writeText.bind(clipboard)
  clipboard.writeText = async (text: string) => {
    ;(window as unknown as { __copied?: string }).__copied = text
    await write(text)
  }
}

/** The text the page last wrote to the clipboard (needs {@link recordCopies} as an init script). */
export function lastCopied(page: Page): Promise<string> {
  return page.evaluate(() => (window as unknown as { __copied?: string }).__copied ?? '')
}
