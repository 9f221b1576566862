export { escapeSvgText, fixedDecimals, formatNumber, svgCoordinate, svgIdSafe, svgOpen, truncateText } from './text.js';
export { linearScale, niceDomain, niceTicks, type Scale } from './axis.js';
