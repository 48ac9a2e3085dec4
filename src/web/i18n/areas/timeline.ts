/**
 * @module The messages of one area of the interface (the timeline's filters and counts), English and
 * Korean side by side; merged into the catalogues by areas.ts. Every key needs both entries (the
 * catalogue test checks).
 */
export const en: Record<string, string> = {
  'timeline.shown': '{{shown}} of {{total}} projects',
  'timeline.all': 'All {{total}} projects',
  'timeline.reset': 'Reset filters',
  'timeline.asOf': 'as of {{date}}',
}

export const ko: Record<string, string> = {
  'timeline.shown': '사업 {{total}}건 중 {{shown}}건',
  'timeline.all': '사업 {{total}}건 전체',
  'timeline.reset': '필터 초기화',
  'timeline.asOf': '{{date}} 기준',
}
