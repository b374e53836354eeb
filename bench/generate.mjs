// Generates benchmark corpora under bench/out/. Deterministic: the same input every run.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** nginx.conf with `servers` server blocks × 5 proxying locations: 30 lines per server. */
export function generateNginxConfig(servers = 2000) {
  const out = ['worker_processes 2;', 'events { worker_connections 4096; }', 'http {'];
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

/** A main nginx.conf that includes `files` conf.d files of 3 servers each. */
export function writeNginxIncludeTree(dir, files = 1000) {
  mkdirSync(join(dir, 'conf.d'), { recursive: true });
  writeFileSync(
    join(dir, 'nginx.conf'),
    ['events { worker_connections 1024; }', 'http {', '    upstream app { server 10.1.0.1:8080; keepalive 16; }', '    include conf.d/*.conf;', '}', ''].join('\n'),
  );
  for (let f = 0; f < files; f++) {
    const out = [];
    for (let s = 0; s < 3; s++) {
      const id = f * 3 + s;
      out.push('server {', `    listen 127.1.${(id >> 8) & 255}.${id & 255}:80;`, `    server_name s${id}.example.test;`);
      out.push('    location / {', '        proxy_http_version 1.1;', '        proxy_set_header Connection "";', '        proxy_pass http://app;', '    }', '}');
    }
    writeFileSync(join(dir, 'conf.d', `site-${String(f).padStart(4, '0')}.conf`), out.join('\n') + '\n');
  }
  return dir;
}

/** `count` manifests: Deployment + Service pairs, one pair per file, all ports lined up. */
export function writeKubernetesCorpus(dir, count = 10000) {
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < count / 2; i++) {
    const name = `app-${i}`;
    const text = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: team-${i % 50}
spec:
  replicas: 2
  selector:
    matchLabels:
      app: ${name}
  template:
    metadata:
      labels:
        app: ${name}
    spec:
      containers:
        - name: web
          image: registry.example.test/${name}:1.0.${i % 10}
          ports:
            - name: http
              containerPort: 8080
          resources:
            limits:
              cpu: 500m
              memory: 256Mi
---
apiVersion: v1
kind: Service
metadata:
  name: ${name}
  namespace: team-${i % 50}
spec:
  selector:
    app: ${name}
  ports:
    - name: http
      port: 80
      targetPort: http
`;
    writeFileSync(join(dir, `${name}.yaml`), text);
  }
  return dir;
}

/** `count` sysctl.d files of 8 settings each, under etc/sysctl.d and usr/lib/sysctl.d. */
export function writeSysctlCorpus(dir, count = 1000) {
  const etc = join(dir, 'etc', 'sysctl.d');
  const lib = join(dir, 'usr', 'lib', 'sysctl.d');
  mkdirSync(etc, { recursive: true });
  mkdirSync(lib, { recursive: true });
  for (let i = 0; i < count; i++) {
    const lines = [
      `# tuning set ${i}`,
      'net.core.somaxconn = 4096',
      'net.ipv4.tcp_max_syn_backlog = 8192',
      'net.ipv4.ip_local_port_range = 10000 65535',
      'net.ipv4.tcp_tw_reuse = 1',
      'net.ipv4.tcp_fin_timeout = 30',
      `net.ipv4.conf.eth${i % 8}.rp_filter = 2`,
      'vm.swappiness = 10',
      'fs.file-max = 2097152',
    ];
    writeFileSync(join(i % 2 === 0 ? etc : lib, `${String(i).padStart(4, '0')}-tuning.conf`), lines.join('\n') + '\n');
  }
  return dir;
}

/** `count` CNI conflists (bridge + portmap, MTU 1450). */
export function writeCniCorpus(dir, count = 200) {
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < count; i++) {
    const conf = {
      cniVersion: '1.0.0',
      name: `net-${i}`,
      plugins: [
        { type: 'bridge', bridge: `cni${i}`, isGateway: true, ipMasq: true, mtu: 1450, ipam: { type: 'host-local', subnet: `10.${i % 250}.0.0/16` } },
        { type: 'portmap', capabilities: { portMappings: true } },
      ],
    };
    writeFileSync(join(dir, `${String(i).padStart(3, '0')}-net.conflist`), JSON.stringify(conf, null, 2) + '\n');
  }
  return dir;
}
