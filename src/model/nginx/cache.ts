import type { NginxConfig } from '../../languages/nginx/ast.js';
import { buildNginxModel, type NginxModel } from './index.js';

const models = new WeakMap<NginxConfig, NginxModel>();

/** The model of a configuration (a snippet in the context it was read in), built once however many rules ask for it. */
export function nginxModelOf(config: NginxConfig): NginxModel {
  let model = models.get(config);
  if (!model) {
    model = buildNginxModel(config, config.context ?? []);
    models.set(config, model);
  }
  return model;
}
