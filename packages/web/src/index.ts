/**
 * @exoatlas/web — the browser app. Its entry point for the browser is index.html → src/main.tsx; this module
 * exports the pure drawing components and the API client for reuse and tests.
 */
export { HeatMap, HeatMapLegend, cellKey, type HeatMapProps, type HeatMapAxisItem } from './components/HeatMap';
export { GraphView, GraphLegend, toElements, graphStylesheet, layoutOptions, describeGraph, type GraphSelection, type GraphLayout } from './components/GraphView';
export { ForestPlotView, svgDataUri, svgSize } from './components/ForestPlotView';
export { MiniGraph, layoutClaims } from './components/MiniGraph';
export { StudyTable, sortStudies } from './components/StudyTable';
export { ApiError, getJson, getText, postJson, apiPath, paths, runMeta, type ApiErrorKind, type ApiResponses } from './api/client';
export type * from './api/types';
