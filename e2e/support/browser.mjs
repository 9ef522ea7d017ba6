// Debian's Chromium driven by playwright-core; every page records browser console errors and warnings.
import { chromium } from 'playwright-core'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { OUT } from './server.mjs'

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
