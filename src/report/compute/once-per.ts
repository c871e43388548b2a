/**
 * A value worked out once per source object and kept with it (a `WeakMap`, so it goes with the
 * source): what every window of a report asks for again, such as a survey's CSAT scale or the
 * orders' columns.
 */

/**
 * `build` wrapped so that each key is built once; later calls with the same object return the kept
 * value (`undefined` included).
 * @example const scaleOf = oncePer((surveys: SourceData<SurveyRecord>) => csatScale(…)); scaleOf(s) === scaleOf(s)
 */
export function oncePer<K extends object, V>(build: (key: K) => V): (key: K) => V {
  const kept = new WeakMap<K, V>();
  return (key) => {
    if (kept.has(key)) return kept.get(key) as V;
    const value = build(key);
    kept.set(key, value);
    return value;
  };
}
