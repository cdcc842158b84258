/**
 * A new Int32Array of `size` elements holding `old`'s first (the rest 0): a growable array's next
 * storage.
 * @example grownInt32(Int32Array.of(7), 2) // Int32Array [7, 0]
 */
export function grownInt32(old: Int32Array, size: number): Int32Array<ArrayBuffer> {
  const next = new Int32Array(size);
  next.set(old);
  return next;
}
