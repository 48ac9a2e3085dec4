/**
 * @module The messages of one area of the interface (the map's zoom), English and Korean side by
 * side; merged into the catalogues by areas.ts. Every key needs both entries (the catalogue test checks).
 */
export const en: Record<string, string> = {
  'map.zoom': 'Zoom the map',
  'map.zoomIn': 'Zoom in',
  'map.zoomOut': 'Zoom out',
  'map.zoomReset': 'Whole country',
  'map.bubble_one': '{{count}} place on one spot: show it',
  'map.bubble_other': '{{count}} places on one spot: show them apart',
  // Said by the map's live region when a bubble opens or closes.
  'map.bubbleOpened_one': '{{count}} place shown; press Escape to close',
  'map.bubbleOpened_other': '{{count}} places shown; press Escape to close',
  'map.bubbleClosed_one': '{{count}} place grouped again',
  'map.bubbleClosed_other': '{{count}} places grouped again',
}

export const ko: Record<string, string> = {
  'map.zoom': '지도 확대·축소',
  'map.zoomIn': '확대',
  'map.zoomOut': '축소',
  'map.zoomReset': '전체 보기',
  'map.bubble_other': '한곳에 모인 {{count}}곳: 펼쳐 보기',
  'map.bubbleOpened_other': '{{count}}곳을 펼쳤습니다. 닫으려면 Esc 키를 누르세요',
  'map.bubbleClosed_other': '{{count}}곳을 다시 묶었습니다',
}
