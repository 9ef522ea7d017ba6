/// <reference types="vitest/config" />
import { fileURLToPath, URL } from 'node:url'
import { defineConfig, type Plugin } from 'vite'
import vue from '@vitejs/plugin-vue'

// SIYU_BACKEND points the dev server at a Siyu running elsewhere (default: ./siyu run).
const backend = process.env.SIYU_BACKEND ?? 'http://localhost:8080'

// Vant's icon font is inlined as woff2 with a fallback fetched from at.alicdn.com. Siyu runs offline and its
// Content-Security-Policy allows fonts only from itself, so the fallback is dropped from the CSS.
function offlineVantIcons(): Plugin {
  return {
    name: 'siyu-offline-vant-icons',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]vant[\\/]es[\\/]icon[\\/]index\.css$/.test(id)) return undefined
      return {
        code: code.replace(
          /,\s*url\((["']?)(https?:)?\/\/at\.alicdn\.com[^)]*\)\s*format\([^)]*\)/g,
          '',
        ),
        map: null,
      }
    },
  }
}

export default defineConfig({
  base: '/',
  plugins: [vue(), offlineVantIcons()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  define: {
    // vue-i18n feature flags: Composition API only, so the legacy API is tree-shaken.
    __VUE_I18N_FULL_INSTALL__: true,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
    __INTLIFY_DROP_MESSAGE_COMPILER__: false,
  },
  server: {
    proxy: {
      '/api': { target: backend, changeOrigin: false },
      '/actuator': { target: backend, changeOrigin: false },
      // the API documentation the event catalog links to
      '/swagger-ui': { target: backend, changeOrigin: false },
      '/v3/api-docs': { target: backend, changeOrigin: false },
    },
  },
  build: {
    outDir: 'target/classes/static',
    emptyOutDir: true,
    // Element Plus is imported whole; its chunk is large but cached across releases.
    chunkSizeWarningLimit: 1100,
    rollupOptions: {
      // the staff console, and the customer-facing H5 pages (Vant; never Element Plus or ECharts)
      input: {
        main: fileURLToPath(new URL('./index.html', import.meta.url)),
        h5: fileURLToPath(new URL('./h5.html', import.meta.url)),
      },
      output: {
        // Shared chunks are named after their first module; drop the SFC compiler's suffix.
        chunkFileNames: (chunk) =>
          `assets/${chunk.name.replace(/\.vue_vue_type_.*$/, '')}-[hash].js`,
        manualChunks(id) {
          if (!id.includes('node_modules')) return undefined
          if (/[\\/]node_modules[\\/](echarts|zrender|vue-echarts)[\\/]/.test(id)) return 'echarts'
          if (/[\\/]node_modules[\\/](vant|@vant)[\\/]/.test(id)) return 'vant'
          // the console's alone: kept out of the shared chunk the H5 pages load
          if (/[\\/]node_modules[\\/](vue-router|pinia)[\\/]/.test(id)) return 'console-vendor'
          if (
            /[\\/]node_modules[\\/](element-plus|@element-plus|@floating-ui|@popperjs|@ctrl|async-validator|dayjs|lodash|lodash-es|lodash-unified|memoize-one|normalize-wheel-es|@vueuse)[\\/]/.test(
              id,
            )
          )
            return 'element-plus'
          return 'vendor'
        },
      },
    },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.spec.ts'],
    setupFiles: ['src/test/setup.ts'],
    // One worker per core (Vitest's default leaves one idle, half the speed on a two-core CI machine);
    // threads start faster than forked processes and nothing here needs a process of its own.
    pool: 'threads',
    maxWorkers: '100%',
    restoreMocks: true,
    unstubGlobals: true,
    // Run Element Plus through Vite as the browser build does: natively, Node would load
    // async-validator's CommonJS build, whose default export breaks form validation.
    server: { deps: { inline: ['element-plus'] } },
    // Bundle the UI libraries once (esbuild) instead of loading their hundreds of modules per test file.
    // The optimizer resolves packages as Node does; the Node builds of async-validator (Element Plus's forms)
    // and tslib (ECharts) do not bundle: take their browser builds.
    alias: {
      'async-validator': 'async-validator/dist-web/index.js',
      tslib: 'tslib/tslib.es6.js',
    },
    deps: {
      optimizer: {
        client: {
          enabled: true,
          include: [
            'vue',
            'element-plus',
            'echarts/core',
            'echarts/charts',
            'echarts/components',
            'echarts/renderers',
            'vue-echarts',
            '@element-plus/icons-vue',
            'vue-i18n',
            'vue-router',
            'pinia',
          ],
        },
      },
    },
  },
})
