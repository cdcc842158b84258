/**
 * An object's own value for a key, or undefined: never one inherited from Object.prototype, so a
 * key typed by the user ("constructor", "toString", "__proto__") reads only what the user wrote.
 */
export function ownValue<T>(object: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined;
}
