// Setup for the integration project. Offline-store tests need nothing here; server tests create their
// own database with test/helpers/test-db.ts, so no test depends on another's data.
export {};

// better-auth refuses to run without a secret; tests use a fixed one.
process.env.BETTER_AUTH_SECRET ??= "test-secret-test-secret-test-secret-0123456789";
