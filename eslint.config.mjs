// Flat config. Blocks go from general to specific: a later block replaces an earlier block's
// setting for the same rule (docs/architecture.md §8).
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import noOnlyTests from "eslint-plugin-no-only-tests";
import tseslint from "typescript-eslint";

const UI_LAYER = {
  group: ["idb", "@/lib/offline/*", "@/lib/server/*", "@/lib/server"],
  message:
    "UI reads and writes data through lib/hooks (client) or server pages through lib/server in app/ only.",
};

/**
 * Each table has one owner, its repository in lib/server/repositories; only those and lib/server/db
 * reach the database (docs/architecture.md §3, "Table owners").
 */
const TABLE_ACCESS = {
  group: [
    "drizzle-orm",
    "drizzle-orm/*",
    "**/db/schema",
    "pg",
    "pg-copy-streams",
    "better-auth/adapters/*",
  ],
  message:
    "Tables are read and written only by lib/server/repositories (docs/architecture.md, table owners): call a repository function.",
};

/** What the pure layers (lib/domain, lib/contracts) may not import. */
const PURE_LAYER = [
  "react",
  "react-dom",
  "next",
  "next/*",
  "idb",
  "@/lib/offline/*",
  "@/lib/sync/*",
  "@/lib/server/*",
  "@/lib/hooks/*",
  "@/components/*",
  "node:*",
];
/** Nor reach for the browser or the clock. */
const PURE_GLOBALS = {
  "no-restricted-globals": [
    "error",
    "fetch",
    "indexedDB",
    "localStorage",
    "window",
    "document",
    "navigator",
  ],
  "no-restricted-properties": [
    "error",
    { object: "Date", property: "now", message: "Take a Clock argument." },
    { object: "Math", property: "random", message: "Take ids/randomness as arguments." },
  ],
};

export default tseslint.config(
  {
    ignores: [
      ".next/**",
      "node_modules/**",
      "data/**",
      "public/sw.js",
      "public/vendor/**",
      "next-env.d.ts",
      "test-results/**",
      "playwright-report/**",
    ],
  },
  ...nextVitals,
  ...nextTs,
  {
    files: ["**/*.ts", "**/*.tsx"],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { "no-only-tests": noOnlyTests },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": [
        "error",
        { checksVoidReturn: { attributes: false } },
      ],
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/switch-exhaustiveness-check": "error",
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
      "no-console": ["error", { allow: ["warn", "error"] }],
      "no-only-tests/no-only-tests": "error",
      "react-hooks/exhaustive-deps": "error",
      // Imports in four blocks: node and packages, @/lib, @/components and the rest of @/, relative.
      "import/order": [
        "error",
        {
          groups: ["builtin", "external", "internal", ["parent", "sibling", "index"]],
          pathGroups: [
            { pattern: "@/lib/**", group: "internal", position: "before" },
            { pattern: "@/**", group: "internal" },
          ],
          pathGroupsExcludedImportTypes: ["builtin"],
          "newlines-between": "always",
          alphabetize: { order: "asc", caseInsensitive: true },
        },
      ],
    },
    settings: { "import/internal-regex": "^@/" },
  },
  {
    files: ["**/*.mjs", "**/*.js"],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    files: [
      "app/**/*.ts",
      "app/**/*.tsx",
      "components/**/*.ts",
      "components/**/*.tsx",
      "lib/**/*.ts",
    ],
    ignores: [
      "lib/server/repositories/**",
      "lib/server/db/**",
      // The documented exceptions (docs/architecture.md, table owners): better-auth's own tables
      // through its adapter, the scale seed's bulk COPY, and backup and restore of every table.
      "lib/server/auth/auth.ts",
      "lib/server/seed/scale.ts",
      "lib/server/backup/**",
      "lib/server/cli/restore.ts",
    ],
    rules: { "no-restricted-imports": ["error", { patterns: [TABLE_ACCESS] }] },
  },
  {
    files: ["lib/domain/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: PURE_LAYER, message: "lib/domain is pure: TypeScript + zod only." },
            TABLE_ACCESS,
          ],
        },
      ],
      ...PURE_GLOBALS,
    },
  },
  {
    // The contracts are shared by the routes and the browser: as pure as the domain they build on,
    // naming the sync protocol's messages (lib/sync/protocol.ts, zod only) for the sync endpoints.
    files: ["lib/contracts/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: [...PURE_LAYER, "!@/lib/sync/protocol"],
              message:
                "lib/contracts is shared by server and browser: domain, zod and the sync protocol.",
            },
            TABLE_ACCESS,
          ],
        },
      ],
      ...PURE_GLOBALS,
    },
  },
  {
    files: ["lib/offline/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: [
                "react",
                "next",
                "next/*",
                "@/lib/server/*",
                "@/lib/sync/*",
                "@/lib/hooks/*",
                "@/components/*",
              ],
              message: "lib/offline holds browser persistence only: domain + idb.",
            },
            TABLE_ACCESS,
          ],
        },
      ],
      "no-restricted-globals": ["error", "fetch"],
    },
  },
  {
    files: ["lib/sync/**/*.ts"],
    ignores: ["lib/sync/transport.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: [
                "react",
                "next",
                "next/*",
                "idb",
                "@/lib/server/*",
                "@/lib/hooks/*",
                "@/components/*",
              ],
              message: "lib/sync goes through lib/offline stores; only transport.ts calls fetch.",
            },
            TABLE_ACCESS,
          ],
        },
      ],
      "no-restricted-globals": ["error", "fetch"],
    },
  },
  {
    files: ["lib/photos/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: [
                "react",
                "next",
                "next/*",
                "idb",
                "@/lib/server/*",
                "@/lib/offline/*",
                "@/lib/sync/*",
                "@/components/*",
              ],
              message: "lib/photos is browser image processing only: no storage, no server, no UI.",
            },
            TABLE_ACCESS,
          ],
        },
      ],
    },
  },
  {
    // One client transport: pages and hooks reach the server through lib/hooks/api-client.ts (the
    // phone's sync through lib/sync/transport.ts), at the paths of the endpoints' contracts. The
    // service worker's fetch is the browser's own.
    files: [
      "app/**/*.ts",
      "app/**/*.tsx",
      "components/**/*.ts",
      "components/**/*.tsx",
      "lib/hooks/**/*.ts",
    ],
    ignores: ["lib/hooks/api-client.ts", "lib/hooks/api-send.ts", "app/sw.ts"],
    rules: {
      "no-restricted-globals": [
        "error",
        {
          name: "fetch",
          message: "Call the server through lib/hooks/api-client.ts (send / call).",
        },
      ],
      // Every endpoint's path comes from its contract (lib/contracts: `call`, `pathOf`).
      "no-restricted-syntax": [
        "error",
        {
          selector: "Literal[value=/^\\/api\\//]",
          message: "Take the path from the endpoint's contract (lib/contracts, pathOf).",
        },
        {
          selector: "TemplateLiteral > TemplateElement:first-child[value.raw=/^\\/api\\//]",
          message: "Take the path from the endpoint's contract (lib/contracts, pathOf).",
        },
      ],
    },
  },
  {
    files: ["components/**/*.tsx", "components/**/*.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [UI_LAYER, TABLE_ACCESS] }] },
  },
  {
    files: ["components/ui/**/*.tsx"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            UI_LAYER,
            TABLE_ACCESS,
            {
              group: ["@/lib/domain/*", "@/components/*", "!@/components/ui/*"],
              message: "ui primitives have no domain imports.",
            },
          ],
        },
      ],
    },
  },
  {
    // Integration tests build their own scenarios (test/helpers/builders); only the demo's own test
    // runs the demo seed, so the suite holds with the demo switched off (issue 13).
    files: ["test/integration/**/*.ts"],
    ignores: ["test/integration/server/demo-history.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "@/lib/server/seed/seed",
              importNames: ["seedDemo"],
              message: "Build the scenario with test/helpers/builders (buildCounty and the rest).",
            },
            {
              name: "@/lib/server/seed/demo-history",
              message: "Build the history a test needs with test/helpers/builders.",
            },
          ],
        },
      ],
    },
  },
);
