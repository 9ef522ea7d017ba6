// The referral graph needs ECharts' graph series, which the shared dashboard charts do not register.
import { use, type ComposeOption } from 'echarts/core'
import { GraphChart, type GraphSeriesOption } from 'echarts/charts'
import type { LegendComponentOption, TooltipComponentOption } from 'echarts/components'
import '@/modules/home/echarts'

use([GraphChart])

export type GraphOption = ComposeOption<
  GraphSeriesOption | TooltipComponentOption | LegendComponentOption
>
