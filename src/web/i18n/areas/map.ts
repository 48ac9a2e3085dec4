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
}

export const ko: Record<string, string> = {
  'map.zoom': '지도 확대·축소',
  'map.zoomIn': '확대',
  'map.zoomOut': '축소',
  'map.zoomReset': '전체 보기',
  'map.bubble_other': '한곳에 모인 {{count}}곳: 펼쳐 보기',
}
