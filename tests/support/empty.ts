// Stand-in for the `server-only` package under vitest: the real one throws outside a React server bundle.
export {};
