// Registers the ECharts parts the layer page uses (the dashboard registers its own; `use` adds to them).
import { use, type ComposeOption } from 'echarts/core'
import { BarChart, FunnelChart, HeatmapChart, SankeyChart } from 'echarts/charts'
import type {
  BarSeriesOption,
  FunnelSeriesOption,
  HeatmapSeriesOption,
  SankeySeriesOption,
} from 'echarts/charts'
import {
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components'
import type {
  GridComponentOption,
  LegendComponentOption,
  TooltipComponentOption,
  VisualMapComponentOption,
} from 'echarts/components'
import { CanvasRenderer } from 'echarts/renderers'

use([
  CanvasRenderer,
  BarChart,
  FunnelChart,
  HeatmapChart,
  SankeyChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapComponent,
])

export type LayerChartOption = ComposeOption<
  | BarSeriesOption
  | FunnelSeriesOption
  | HeatmapSeriesOption
  | SankeySeriesOption
  | GridComponentOption
  | LegendComponentOption
  | TooltipComponentOption
  | VisualMapComponentOption
>
