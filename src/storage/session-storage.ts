/**
 * sessionStorage that never throws: it is blocked in some private modes and full at
 * times, and then the check must simply work on without remembering.
 */
export function readSession(key: string, storage: Storage = window.sessionStorage): string | null {
  try {
    return storage.getItem(key);
  } catch {
    return null;
  }
}

/** Stores `value`, or removes the key when it is null. Whether it was kept. */
export function writeSession(key: string, value: string | null, storage: Storage = window.sessionStorage): boolean {
  try {
    if (value === null) storage.removeItem(key);
    else storage.setItem(key, value);
    return true;
  } catch {
    return false;
  }
}
