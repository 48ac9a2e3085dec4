/**
 * @module A read-only map made of a base map and a small layer of changes on top, so that a
 * snapshot patched with a few records shares the big maps of the one before instead of copying
 * them (copying a 300,000-entry Map takes hundreds of milliseconds; a layer of a few entries,
 * microseconds). Layers never stack: a layered map patched again gets one layer with both
 * change sets; past a size the layer is folded into a new plain map.
 */

const removed: unique symbol = Symbol('removed')

/** Layer entries beyond this are folded into a new base (a copy, paid once per this many changes). */
const maxLayer = 8192
/** Maps this small are copied instead (microseconds), keeping lookups to one map. */
const copyBelow = 1024

export class LayeredMap<K, V> implements ReadonlyMap<K, V> {
  readonly #base: ReadonlyMap<K, V>
  readonly #layer: ReadonlyMap<K, V | typeof removed>
  readonly size: number

  private constructor(base: ReadonlyMap<K, V>, layer: ReadonlyMap<K, V | typeof removed>, size: number) {
    this.#base = base
    this.#layer = layer
    this.size = size
  }

  /**
   * `map` with `changes` applied: a value sets the key, undefined removes it. Returns a plain Map
   * when `map` is small or the layer grows too big (iteration then follows the base's order with
   * new keys at the end, as a Map's does).
   */
  static patch<K, V>(map: ReadonlyMap<K, V>, changes: ReadonlyMap<K, V | undefined>): ReadonlyMap<K, V> {
    if (changes.size === 0) return map
    const base = map instanceof LayeredMap ? (map.#base as ReadonlyMap<K, V>) : map
    const layer = new Map<K, V | typeof removed>(map instanceof LayeredMap ? (map.#layer as ReadonlyMap<K, V | typeof removed>) : [])
    let size = map.size
    for (const [k, v] of changes) {
      const had = map.has(k)
      if (v === undefined) {
        if (!had) continue
        size--
        if (base.has(k)) layer.set(k, removed)
        else layer.delete(k)
      } else {
        if (!had) size++
        layer.set(k, v)
      }
    }
    if (layer.size > maxLayer || base.size < copyBelow) {
      const flat = new Map<K, V>()
      for (const [k, v] of base) {
        const over = layer.get(k)
        if (over === undefined) flat.set(k, v)
        else if (over !== removed) flat.set(k, over)
      }
      for (const [k, v] of layer) if (v !== removed && !base.has(k)) flat.set(k, v)
      return flat
    }
    return new LayeredMap(base, layer, size)
  }

  get(key: K): V | undefined {
    const over = this.#layer.get(key)
    if (over === removed) return undefined
    return over !== undefined ? over : this.#base.get(key)
  }

  has(key: K): boolean {
    const over = this.#layer.get(key)
    if (over === removed) return false
    return over !== undefined || this.#base.has(key)
  }

  *entries(): MapIterator<[K, V]> {
    for (const [k, v] of this.#base) {
      const over = this.#layer.get(k)
      if (over === undefined) yield [k, v]
      else if (over !== removed) yield [k, over]
    }
    for (const [k, v] of this.#layer) if (v !== removed && !this.#base.has(k)) yield [k, v]
  }

  *keys(): MapIterator<K> {
    for (const [k] of this.entries()) yield k
  }

  *values(): MapIterator<V> {
    for (const [, v] of this.entries()) yield v
  }

  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries()
  }

  forEach(fn: (value: V, key: K, map: ReadonlyMap<K, V>) => void, thisArg?: unknown): void {
    for (const [k, v] of this.entries()) fn.call(thisArg, v, k, this)
  }
}
