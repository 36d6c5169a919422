// Stand-in for the `server-only` marker package when server code runs under vitest or tsx.
export {};
