import { createHmac } from 'node:crypto'
import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { encodedToken, openApp, openTool } from './helpers'

// Each test sets up a practice server (RSA key generation) and crafts tokens: allow a busy machine time.
test.describe.configure({ timeout: 180_000 })

const practice = (page: Page) => page.getByRole('region', { name: 'Practice verifier', exact: true })
const lab = (page: Page) => page.getByRole('region', { name: 'Attack lab', exact: true })
const b64u = (s: string) => Buffer.from(s).toString('base64url')

async function openPractice(page: Page): Promise<void> {
  await openTool(page, 'Practice verifier')
  await expect(practice(page).getByRole('textbox', { name: 'Start token', exact: true })).toHaveValue(/^ey/, { timeout: 30_000 })
}

async function chooseChallenge(page: Page, title: string): Promise<void> {
  await practice(page).getByRole('button', { name: new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) }).click()
}

/** The payload of a token with "role" changed to "admin", as JSON text. */
function adminPayload(token: string): string {
  const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>
  return JSON.stringify({ ...payload, role: 'admin' })
}

/** Loads the start token, crafts `attack` in the Attack lab with an admin payload and uses one crafted token. */
async function craftInLab(page: Page, attack: string, options: { pick?: RegExp; publicKey?: string; url?: string } = {}): Promise<string> {
  await practice(page).getByRole('button', { name: 'Load start token', exact: true }).click()
  const start = await encodedToken(page).inputValue()
  await openTool(page, 'Attack lab')
  await lab(page).getByRole('radio', { name: attack, exact: true }).check()
  const payloadBox = lab(page).getByRole('textbox', { name: /^(Payload of the crafted token|Modified payload)$/ })
  await payloadBox.fill(adminPayload(start))
  if (options.publicKey !== undefined) await lab(page).getByRole('textbox', { name: "Verifier's public key", exact: true }).fill(options.publicKey)
  if (options.url !== undefined) await lab(page).getByRole('textbox', { name: 'Key URL', exact: true }).fill(options.url)
  await lab(page).getByRole('button', { name: 'Craft', exact: true }).click()
  const items = lab(page).getByRole('list', { name: 'Crafted tokens', exact: true }).getByRole('listitem')
  const item = options.pick === undefined ? items.first() : items.filter({ hasText: options.pick })
  await expect(item).toHaveCount(1)
  const token = await item.getByRole('textbox', { name: 'Crafted token', exact: true }).inputValue()
  await item.getByRole('button', { name: 'Use this token', exact: true }).click()
  await expect(encodedToken(page)).toHaveValue(token)
  await openTool(page, 'Practice verifier')
  return token
}

/** Submits the token box and checks: challenge solved, the correct verifier rejects, progress survives a reload. */
async function submitAndExpectSolved(page: Page, title: string, token: string): Promise<void> {
  const box = practice(page).getByRole('textbox', { name: 'Token to submit', exact: true })
  await expect(box).toHaveValue(token)
  await practice(page).getByRole('button', { name: 'Submit to vulnerable verifier', exact: true }).click()
  await expect(practice(page).getByRole('status', { name: 'Challenge result' })).toHaveText(`Challenge solved: ${title}`)
  await expect(practice(page).getByRole('status', { name: 'Vulnerable verifier' })).toContainText('Vulnerable verifier: accepted (exploited: ')
  await expect(practice(page).getByRole('status', { name: 'Correct verifier' })).toContainText('Correct verifier: rejected: ')

  await page.reload()
  await openPractice(page)
  await expect(practice(page).getByRole('button', { name: new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}.*Solved$`) })).toBeVisible()
  await expect(practice(page)).toContainText('1 of 12 solved')
}

interface Case {
  title: string
  mistake: string
  solve: (page: Page) => Promise<string>
}

const cases: Case[] = [
  { title: 'Nobody signed this', mistake: 'acceptNone', solve: (p) => craftInLab(p, 'Unsigned token (alg "none")', { pick: /alg "NONE"/ }) },
  { title: 'Read, not verified', mistake: 'skipSignature', solve: (p) => craftInLab(p, 'Claim tampering (old signature kept)') },
  { title: 'The secret nobody set', mistake: 'emptyHmacSecret', solve: (p) => craftInLab(p, 'HS256 with an empty secret') },
  {
    title: 'Public key, private secret',
    mistake: 'algFromHeader',
    solve: async (p) => {
      const pem = await practice(p).getByRole('textbox', { name: 'Server RSA public key (PEM)', exact: true }).inputValue()
      return craftInLab(p, 'Algorithm confusion (RS256 public key used as HS256 secret)', { publicKey: pem, pick: /PEM with its final line break/ })
    },
  },
  { title: 'Bring your own key', mistake: 'trustHeaderJwk', solve: (p) => craftInLab(p, 'Embedded key (header "jwk")') },
  {
    title: 'Keys from anywhere',
    mistake: 'trustJku',
    solve: async (p) => {
      const url = 'https://keys.attacker.example/jwks.json'
      const token = await craftInLab(p, 'Key URL injection (header "jku")', { url })
      await openTool(p, 'Attack lab')
      const jwks = await lab(p).getByRole('textbox', { name: `JWKS to host at ${url}`, exact: true }).inputValue()
      await openTool(p, 'Practice verifier')
      // Not hosted yet: the verifier cannot "fetch" the key.
      await practice(p).getByRole('button', { name: 'Submit to vulnerable verifier', exact: true }).click()
      await expect(practice(p).getByRole('status', { name: 'Vulnerable verifier' })).toContainText('nothing is hosted there')
      await practice(p).getByRole('textbox', { name: 'Document URL', exact: true }).fill(url)
      await practice(p).getByRole('textbox', { name: 'Document text', exact: true }).fill(jwks)
      await practice(p).getByRole('button', { name: 'Host document', exact: true }).click()
      await expect(practice(p)).toContainText(url)
      return token
    },
  },
  { title: 'A file everybody knows', mistake: 'kidAsPath', solve: (p) => craftInLab(p, 'Key ID path traversal ("kid": "../../dev/null")') },
  { title: 'Choose your own key', mistake: 'kidAsSql', solve: (p) => craftInLab(p, 'Key ID SQL injection') },
  { title: 'Shell game', mistake: 'kidAsCommand', solve: (p) => craftInLab(p, 'Key ID command injection') },
  { title: 'Psychic paper', mistake: 'psychicSignature', solve: (p) => craftInLab(p, 'Psychic signature (ECDSA r = s = 0)') },
  {
    title: 'Guessable secret',
    mistake: 'weakHmacSecret',
    solve: async (p) => {
      const start = await practice(p).getByRole('textbox', { name: 'Start token', exact: true }).inputValue()
      const [h, pl, s] = start.split('.')
      // Cracked here with node:crypto from the token the page shows, as an attacker would offline.
      const words = ['123456', 'password', 'qwerty', 'secret', 'admin', 'letmein', 'dragon', 'changeme', 'monkey', 'jwt']
      const secret = words.find((w) => createHmac('sha256', w).update(`${h}.${pl}`).digest('base64url') === s)
      expect(secret, 'the start token is signed with a common word').toBeDefined()
      const input = `${h}.${b64u(adminPayload(start))}`
      const token = `${input}.${createHmac('sha256', secret ?? '').update(input).digest('base64url')}`
      await practice(p).getByRole('textbox', { name: 'Token to submit', exact: true }).fill(token)
      return token
    },
  },
  {
    title: "Yesterday's admin",
    mistake: 'ignoreExp',
    solve: async (p) => {
      await practice(p).getByRole('button', { name: 'Load start token', exact: true }).click()
      const token = await encodedToken(p).inputValue()
      const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { role: string; exp: number }
      expect(payload.role).toBe('admin')
      expect(payload.exp).toBeLessThan(Date.now() / 1000)
      return token
    },
  },
]

for (const c of cases) {
  test(`challenge "${c.title}" is solved by its attack and rejected by the correct verifier`, async ({ page }) => {
    await openApp(page)
    await openPractice(page)
    await expect(practice(page)).toContainText('0 of 12 solved')
    await chooseChallenge(page, c.title)
    // Choosing a challenge switches on exactly its mistake.
    const boxes = practice(page).getByRole('group', { name: 'Verifier mistakes' }).getByRole('checkbox')
    await expect(boxes).toHaveCount(12)
    await expect(practice(page).getByRole('checkbox', { name: `(${c.mistake})` })).toBeChecked()
    for (const box of await boxes.all()) {
      const name = (await box.getAttribute('aria-label')) ?? (await box.evaluate((el) => el.closest('label')?.textContent ?? ''))
      expect(await box.isChecked(), name).toBe(name.includes(`(${c.mistake})`))
    }
    const token = await c.solve(page)
    await submitAndExpectSolved(page, c.title, token)
  })
}

test('hints are revealed one at a time, and the server never shows its secrets', async ({ page }) => {
  await openApp(page)
  await openPractice(page)
  await chooseChallenge(page, 'Nobody signed this')
  await expect(practice(page).getByRole('list', { name: 'Hints' })).toHaveCount(0)
  await practice(page).getByRole('button', { name: 'Show a hint' }).click()
  await expect(practice(page).getByRole('list', { name: 'Hints' }).getByRole('listitem')).toHaveCount(1)
  await practice(page).getByRole('button', { name: 'Show the next hint' }).click()
  await expect(practice(page).getByRole('list', { name: 'Hints' }).getByRole('listitem')).toHaveCount(2)
  await expect(practice(page).getByRole('textbox', { name: 'Server RSA public key (PEM)' })).toHaveValue(/^-----BEGIN PUBLIC KEY-----\n/)
  const text = (await practice(page).innerText()) + (await practice(page).locator('textarea').evaluateAll((els) => els.map((e) => (e as HTMLTextAreaElement).value).join('\n')))
  for (const word of ['PRIVATE KEY', 'hmac-main']) expect(text).not.toContain(word)
})
