// Select options from a Vietnamese label map, shared by every form and filter that picks an enum value.

export type Option<V extends string = string> = { value: V; label: string };

/** One option per entry, in the label map's order. */
export function optionsOf<V extends string>(labels: Record<V, string>): Option<V>[] {
  return (Object.entries(labels) as [V, string][]).map(([value, label]) => ({ value, label }));
}

/** The enum value a URL parameter names, or undefined when it names none. */
export function valueOf<V extends string>(labels: Record<V, string>, raw: string | undefined): V | undefined {
  return raw !== undefined && Object.hasOwn(labels, raw) ? (raw as V) : undefined;
}
