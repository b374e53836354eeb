// Generates benchmark corpora under bench/out/. Deterministic: the same input every run.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** nginx.conf with `servers` server blocks × 5 proxying locations: 30 lines per server. */
export function generateNginxConfig(servers = 2000) {
  const out = ['worker_processes 2;', 'events { worker_connections 1024; }', 'http {'];
  for (let u = 0; u < 20; u++) {
    out.push(`    upstream backend_${u} {`, `        server 10.0.${u}.1:8080;`, `        server 10.0.${u}.2:8080;`, '        keepalive 32;', '    }');
  }
  for (let s = 0; s < servers; s++) {
    out.push('    server {');
    out.push(`        listen 127.0.${(s >> 8) & 255}.${s & 255}:${8000 + (s % 1000)};`);
    out.push(`        server_name site${s}.example.test www.site${s}.example.test;`);
    for (let l = 0; l < 5; l++) {
      out.push(`        location /app${l}/ {`);
      out.push(`            proxy_pass http://backend_${(s + l) % 20};`);
      out.push('            proxy_http_version 1.1;');
      out.push('            proxy_set_header Connection "";');
      out.push('            proxy_set_header Host $host;');
      out.push('        }');
    }
    out.push('    }');
  }
  out.push('}');
  return out.join('\n') + '\n';
}

export function writeNginxCorpus(dir, servers = 2000) {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'nginx.conf');
  writeFileSync(file, generateNginxConfig(servers));
  return file;
}
