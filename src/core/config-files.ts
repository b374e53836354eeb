/** The names of hoplint's own config file, looked for in this order in each directory. */
export const CONFIG_FILE_NAMES = ['hoplint.config.yaml', 'hoplint.config.yml', 'hoplint.config.json'];
