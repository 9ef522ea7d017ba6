// Starts the built Siyu jar on a free port with a fresh data folder and demo data, and stops it again.
import { spawn } from 'node:child_process'
import { createWriteStream, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export const ADMIN = { username: 'admin', password: 'e2e-admin-password-2026' }
export const OUT = process.env.SIYU_E2E_OUT ?? join(process.cwd(), 'target', 'e2e')

// The tests' JVMs live minutes: C2 compilation would spend about half of a start's CPU on code that never gets
// hot, and on a two-core machine the other test file's server and browser wait for it.
const JVM_OPTS = (process.env.SIYU_E2E_JVM_OPTS ?? '-XX:TieredStopAtLevel=1 -XX:+UseSerialGC')
  .split(/\s+/)
  .filter(Boolean)

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address()
      probe.close(() => resolve(port))
    })
  })
}

async function waitUntilReady(base, server, deadlineMs) {
  const deadline = Date.now() + deadlineMs
  while (Date.now() < deadline) {
    if (server.exitCode !== null)
      throw new Error(`Siyu exited with code ${server.exitCode}; see ${OUT}/server.log`)
    try {
      const response = await fetch(`${base}/actuator/health/readiness`)
      if (response.ok) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500))
  }
  throw new Error(`Siyu was not ready within ${deadlineMs / 1000} s; see ${OUT}/server.log`)
}

/** Starts the WeCom simulator (SIYU_SIMULATOR_JAR) on a free port; resolves with its URL and process. */
async function startSimulator() {
  const jar = process.env.SIYU_SIMULATOR_JAR
  if (!jar) return null
  const port = await freePort()
  const log = createWriteStream(join(OUT, 'simulator.log'))
  const simulator = spawn(
    process.env.JAVA_BIN ?? 'java',
    ['-Xmx256m', ...JVM_OPTS, '-jar', jar, `--server.port=${port}`],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  simulator.stdout.pipe(log)
  simulator.stderr.pipe(log)
  const url = `http://localhost:${port}`
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    if (simulator.exitCode !== null)
      throw new Error(`the WeCom simulator exited; see ${OUT}/simulator.log`)
    try {
      await fetch(`${url}/sim/corps/none`)
      return { url, process: simulator }
    } catch {
      await new Promise((r) => setTimeout(r, 300))
    }
  }
  throw new Error(`the WeCom simulator did not start within 60 s; see ${OUT}/simulator.log`)
}

/**
 * Starts Siyu (and, asked for with `wecom`, a WeCom simulator from SIYU_SIMULATOR_JAR that its demo tenant
 * is connected to) and resolves once it is ready; returns its base URL and a stop function.
 *
 * Options: `wecom` (start a WeCom simulator and connect the demo tenant to it; its demo corp adds a few
 * customers from its groups), `demoCustomers` (default 20,000), `env` (more environment variables for
 * Siyu, e.g. `{SIYU_MESSAGING_TRACK_EVERY: '1s'}`); for tests that restart Siyu, `dataDir` (an earlier run's
 * data, kept) and `simulator` (an earlier run's simulator, kept running).
 */
export async function startSiyu(options = {}) {
  const jar = process.env.SIYU_JAR
  if (!jar) throw new Error('SIYU_JAR is not set: run the browser tests through ./siyu test')
  mkdirSync(OUT, { recursive: true })
  const simulator = options.simulator ?? (options.wecom ? await startSimulator() : null)
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'siyu-e2e-'))
  const port = await freePort()
  const base = `http://localhost:${port}`
  const log = createWriteStream(join(OUT, 'server.log'), { flags: 'a' })
  const server = spawn(process.env.JAVA_BIN ?? 'java', ['-Xmx1g', ...JVM_OPTS, '-jar', jar], {
    env: {
      ...process.env,
      SERVER_PORT: String(port),
      SIYU_DATA_DIR: dataDir,
      SIYU_DEMO_DATA: 'true',
      SIYU_DEMO_CUSTOMERS: String(options.demoCustomers ?? 20000),
      SIYU_ADMIN_USERNAME: ADMIN.username,
      SIYU_ADMIN_PASSWORD: ADMIN.password,
      SIYU_WECOM_SANDBOX_URL: simulator?.url ?? '',
      ...(options.env ?? {}),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  server.stdout.pipe(log)
  server.stderr.pipe(log)
  const started = Date.now()
  try {
    await waitUntilReady(base, server, 240_000)
  } catch (e) {
    server.kill('SIGKILL')
    if (!options.simulator) simulator?.process.kill('SIGTERM')
    throw e
  }
  const startupMs = Date.now() - started
  return {
    base,
    startupMs,
    dataDir,
    simulator,
    /** Kills the process at once (no shutdown hooks): a crash. Data and simulator stay. */
    async kill() {
      if (server.exitCode === null) {
        const exited = new Promise((r) => server.once('exit', r))
        server.kill('SIGKILL')
        await exited
      }
    },
    async stop() {
      if (server.exitCode === null) {
        const exited = new Promise((r) => server.once('exit', r))
        server.kill('SIGTERM')
        const timer = setTimeout(() => server.kill('SIGKILL'), 30_000)
        await exited
        clearTimeout(timer)
      }
      if (simulator && simulator.process.exitCode === null) simulator.process.kill('SIGTERM')
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
