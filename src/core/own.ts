/**
 * An object's own value for a key, or undefined: never one inherited from Object.prototype, so a
 * key typed by the user ("constructor", "toString", "__proto__") reads only what the user wrote.
 */
export function ownValue<T>(object: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined;
}

/**
 * The entries whose value is given: a key left out of the file stays out of the model.
 * @example definedOnly({ a: 1, b: undefined }) // { a: 1 }
 */
export function definedOnly<T extends Record<string, unknown>>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Partial<T>;
}
