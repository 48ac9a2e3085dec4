/**
 * @module The messages of one area of the interface (publish), English and Korean side by side; merged
 * into the catalogues by areas.ts. Every key needs both entries (the catalogue test checks).
 */
export const en: Record<string, string> = {}

export const ko: Record<string, string> = {}
