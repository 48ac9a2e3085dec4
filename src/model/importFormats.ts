/** @module The formats `tracker import` and POST /api/import read. */
export const importFormats = ['wiki', 'csv', 'json'] as const
export type ImportFormat = (typeof importFormats)[number]
