/**
 * `PropertiesService` as Apps Script documents it: document, user and script stores of string
 * values (anything else is stored as its string form); `getProperty` of a missing key is `null`.
 * Quotas (https://developers.google.com/apps-script/guides/services/quotas): 9 KB per value and
 * 500 KB per store — past them `setProperty` throws Google's messages ("Argument too large: value",
 * "You have exceeded the property storage quota. Please remove some properties and try again.").
 * Sizes count UTF-8 bytes of keys and values.
 */
import type { ServiceCalls } from './calls';

type GasProperties = GoogleAppsScript.Properties.Properties;

/** Documented limits. */
export const PROPERTY_VALUE_LIMIT = 9 * 1024;
export const PROPERTY_STORE_LIMIT = 500 * 1024;
export const VALUE_TOO_LARGE = 'Argument too large: value';
export const STORE_QUOTA_EXCEEDED =
  'You have exceeded the property storage quota. Please remove some properties and try again.';

const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

/** One property store. */
export class EmuProperties implements GasProperties {
  /** The stored pairs (tests may read or seed them directly). */
  readonly data = new Map<string, string>();

  constructor(
    private readonly calls: ServiceCalls,
    private readonly kind: string,
  ) {}

  private record(method: string): void {
    this.calls.record(`Properties.${method}`);
  }

  /** Bytes used by keys and values. */
  size(): number {
    let total = 0;
    for (const [k, v] of this.data) total += bytes(k) + bytes(v);
    return total;
  }

  private check(next: Map<string, string>): void {
    for (const v of next.values()) if (bytes(v) > PROPERTY_VALUE_LIMIT) throw new Error(VALUE_TOO_LARGE);
    let total = 0;
    for (const [k, v] of next) total += bytes(k) + bytes(v);
    if (total > PROPERTY_STORE_LIMIT) throw new Error(STORE_QUOTA_EXCEEDED);
  }

  getProperty(key: string): string | null {
    this.record('getProperty');
    return this.data.get(String(key)) ?? null;
  }

  getProperties(): { [key: string]: string } {
    this.record('getProperties');
    return Object.fromEntries(this.data);
  }

  getKeys(): string[] {
    this.record('getKeys');
    return [...this.data.keys()];
  }

  setProperty(key: string, value: string): GasProperties {
    this.record('setProperty');
    const next = new Map(this.data).set(String(key), String(value));
    this.check(next);
    this.data.set(String(key), String(value));
    return this;
  }

  setProperties(properties: { [key: string]: string }, deleteAllOthers?: boolean): GasProperties {
    this.record('setProperties');
    const next = deleteAllOthers ? new Map<string, string>() : new Map(this.data);
    for (const [k, v] of Object.entries(properties)) next.set(k, String(v));
    this.check(next);
    this.data.clear();
    for (const [k, v] of next) this.data.set(k, v);
    return this;
  }

  deleteProperty(key: string): GasProperties {
    this.record('deleteProperty');
    this.data.delete(String(key));
    return this;
  }

  deleteAllProperties(): GasProperties {
    this.record('deleteAllProperties');
    this.data.clear();
    return this;
  }

  toString(): string {
    return `${this.kind}Properties`;
  }
}

/** The three stores of one emulated project/document/user. */
export interface PropertyStores {
  document: EmuProperties;
  user: EmuProperties;
  script: EmuProperties;
}

/** Creates the stores. */
export function propertyStores(calls: ServiceCalls): PropertyStores {
  return {
    document: new EmuProperties(calls, 'Document'),
    user: new EmuProperties(calls, 'User'),
    script: new EmuProperties(calls, 'Script'),
  };
}

/** The `PropertiesService` global over the stores. */
export function propertiesService(
  calls: ServiceCalls,
  stores: PropertyStores,
): GoogleAppsScript.Properties.PropertiesService {
  return {
    getDocumentProperties: () => {
      calls.record('PropertiesService.getDocumentProperties');
      return stores.document;
    },
    getUserProperties: () => {
      calls.record('PropertiesService.getUserProperties');
      return stores.user;
    },
    getScriptProperties: () => {
      calls.record('PropertiesService.getScriptProperties');
      return stores.script;
    },
  };
}
