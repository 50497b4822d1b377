import js from "@eslint/js";
import jsxA11y from "eslint-plugin-jsx-a11y";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["build/", "public/build/", "public/sw.js", "node_modules/", "data/", "tests/.tmp/", "test-results/", "playwright-report/", "bench/.data/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx,js}"],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "no-console": ["error", { allow: ["warn", "error"] }],
    },
  },
  {
    files: ["app/**/*.tsx"],
    plugins: { "react-hooks": reactHooks, "jsx-a11y": jsxA11y },
    rules: { ...reactHooks.configs.recommended.rules, ...jsxA11y.flatConfigs.recommended.rules },
  },
  // The direction of dependencies (docs/architecture.md): routes → activities → models → the pure
  // rules (machines, quiz, scenario, content, learning). Pure rules do no I/O, so they never
  // import models, activities or routes; models never import activities or routes.
  {
    files: ["app/{machines,quiz,scenario,content,learning,organisation}/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["**/models/**", "**/activities/**", "**/routes/**", "**/db/client"], message: "Pure rules (machines, quiz, scenario, content, learning) do no I/O: pass them data instead of importing models, activities, routes or the database." }] }],
    },
  },
  {
    files: ["app/models/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["**/activities/**", "**/routes/**"], message: "Models are called by activities and routes, never the other way round." }] }],
    },
  },
  {
    files: ["app/activities/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["**/routes/**"], message: "Activities are called by the learn item route, never the other way round." }] }],
    },
  },
  {
    // Migrations are written against Kysely<any> on purpose: they must not change when types do.
    files: ["db/migrations/**/*.ts", "tests/setup/global-pglite.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    files: ["scripts/**/*.{js,ts}", "bench/**/*.ts"],
    rules: { "no-console": "off" },
  },
);
