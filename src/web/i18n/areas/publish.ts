/**
 * @module The messages of one area of the interface (publish), English and Korean side by side; merged
 * into the catalogues by areas.ts. Every key needs both entries (the catalogue test checks).
 */
export const en: Record<string, string> = {
  'static.citePage': 'Cite this page',
  'static.note': 'This is a published copy of the 20×10 Tracker (data version {{version}}): nothing can be changed here. The live tracker is at <0>{{url}}</0>.',
  'static.noteOffline': 'This is a published copy of the 20×10 Tracker (data version {{version}}): nothing can be changed here.',
  'static.badge': 'Published copy',
}

export const ko: Record<string, string> = {
  'static.citePage': '이 페이지 인용하기',
  'static.note': '20×10 추적기의 게시본입니다(데이터 버전 {{version}}). 여기서는 아무것도 바꿀 수 없습니다. 실시간 추적기는 <0>{{url}}</0>에 있습니다.',
  'static.noteOffline': '20×10 추적기의 게시본입니다(데이터 버전 {{version}}). 여기서는 아무것도 바꿀 수 없습니다.',
  'static.badge': '게시본',
}
