/** @module The charts that can be embedded (/embed/chart/<name>): read by the embed app and by the publisher, which writes a page for each. */
export const embeddableCharts: readonly string[] = ['progress', 'openings', 'durations', 'coverage']
