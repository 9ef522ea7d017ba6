// Debian's Chromium driven by playwright-core; every page records browser console errors and warnings.
import { chromium } from 'playwright-core'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { ADMIN, OUT } from './server.mjs'

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-quic',
  '--disable-sync',
]

export async function launch() {
  return chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: FLAGS })
}

/**
 * A page at 1440×900 whose console problems are collected. `expected` lists substrings of messages that a
 * test provokes on purpose (a 401 after a wrong password); anything else fails the test.
 */
export async function openPage(browser, { locale = 'zh-CN' } = {}) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale })
  const page = await context.newPage()
  const problems = []
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') {
      problems.push(`${message.type()}: ${message.text()} (${message.location().url ?? ''})`)
    }
  })
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`))
  return {
    page,
    context,
    problems,
    unexpectedProblems(expected = []) {
      return problems.filter((p) => !expected.some((e) => p.includes(e)))
    },
  }
}

export async function screenshot(page, name) {
  const dir = join(OUT, 'screenshots')
  mkdirSync(dir, { recursive: true })
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true })
}

/**
 * Signs in through the login form (in English when `locale` is 'en') and waits for the home page;
 * `clipboard` lets the page use copy buttons.
 */
export async function signIn(browser, base, { locale = 'zh-CN', account = ADMIN, clipboard = false } = {}) {
  const opened = await openPage(browser, { locale: locale === 'en' ? 'en-US' : 'zh-CN' })
  if (locale === 'en') await opened.context.addInitScript(() => localStorage.setItem('siyu.locale', 'en'))
  if (clipboard) await opened.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base })
  await opened.page.goto(base + '/login')
  await opened.page.locator('input[name="username"]').fill(account.username)
  await opened.page.locator('input[name="password"]').fill(account.password)
  await opened.page.locator('form.login-form .el-button--primary').first().click()
  await opened.page.waitForURL((url) => url.pathname === '/')
  return opened
}

/** Opens a select and picks the option with `label`; the select's dropdown is the newest one open. */
export async function pick(page, select, label) {
  await select.click()
  await page.locator('.el-select-dropdown__item:visible').filter({ hasText: label }).last().click()
}

/** A phone's screen, as the customer-facing H5 pages are opened in WeChat. */
export const PHONE = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
}

/**
 * A phone with its own browser storage opening a customer-facing link on Siyu at `base` (the link names the
 * configured public URL: its path, query and fragment are kept); its console errors and warnings are collected.
 */
export async function openPhone(browser, base, url, { locale = 'zh-CN' } = {}) {
  const context = await browser.newContext({ ...PHONE, locale })
  const page = await context.newPage()
  const problems = []
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text())
  })
  page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`))
  const link = new URL(url)
  await page.goto(base + link.pathname + link.search + link.hash)
  return { page, context, problems }
}
