/** The shared SVG text helpers (@exoatlas/core), under the short names the plots use. */
export { escapeSvgText as esc, svgCoordinate as c, svgIdSafe as idSafe, svgOpen, truncateText as truncate } from '@exoatlas/core';
