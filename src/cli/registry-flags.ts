/** The flags `hoplint rules`, `explain` and `test` accept to find the config, its policies and plugins. */
export const REGISTRY_FLAGS = {
  config: { type: 'string', short: 'c' },
  'no-config-lookup': { type: 'boolean' },
  policy: { type: 'string', multiple: true },
} as const;
