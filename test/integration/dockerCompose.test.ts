/**
 * Docker does not run here, so docker-compose.yml is checked by reading it: the images are
 * the current Temporal ones, every service reference resolves, and the API and worker get
 * an environment the service's own config parser accepts in production mode, pointing at
 * the services the file defines.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { CONFIG_KEYS, parseConfig } from '../../src/config/config';

const root = path.resolve(__dirname, '..', '..');
const compose = parse(readFileSync(path.join(root, 'docker-compose.yml'), 'utf8'), { merge: true });
const services = compose.services as Record<string, any>;

/** What `docker compose` would substitute with the variables README tells an operator to set. */
const operatorEnv: Record<string, string> = { SHOPIFY_API_SECRET: 'shpss_new,shpss_old', ADMIN_API_TOKEN: 'ops' };
function interpolate(value: string): string {
  return value.replace(/\$\{([A-Z_]+)(?::?([-?])([^}]*))?\}/g, (_m, name: string, op: string | undefined, arg: string) => {
    if (operatorEnv[name] !== undefined) return operatorEnv[name]!;
    if (op === '-') return arg;
    throw new Error(`${name} must be set: ${arg}`);
  });
}
const envOf = (service: string): Record<string, string> =>
  Object.fromEntries(Object.entries(services[service].environment ?? {}).map(([k, v]) => [k, interpolate(String(v))]));

describe('docker-compose.yml', () => {
  it('runs PostgreSQL, Temporal (server + one-shot schema set-up + namespace), its UI, the API and the worker', () => {
    expect(Object.keys(services).sort()).toEqual(
      ['api', 'app-postgres', 'temporal', 'temporal-admin-tools', 'temporal-create-namespace', 'temporal-postgresql', 'temporal-ui', 'worker'].sort(),
    );
    expect(services.temporal.image).toMatch(/^temporalio\/server:\d+\.\d+\.\d+$/);
    expect(services['temporal-admin-tools'].image).toMatch(/^temporalio\/admin-tools:/);
    expect(services['temporal-ui'].image).toMatch(/^temporalio\/ui:/);
    expect(JSON.stringify(compose)).not.toContain('auto-setup');
  });

  it('orders start-up: schema before server, namespace before the service', () => {
    expect(services.temporal.depends_on['temporal-admin-tools'].condition).toBe('service_completed_successfully');
    expect(services.api.depends_on['temporal-create-namespace'].condition).toBe('service_completed_successfully');
    for (const [name, service] of Object.entries(services)) {
      for (const dependency of Object.keys(service.depends_on ?? {})) {
        expect([name, dependency, dependency in services]).toEqual([name, dependency, true]);
      }
    }
  });

  it.each(['api', 'worker'])('%s gets only keys the config schema knows, and they parse in production mode', (service) => {
    const env = envOf(service);
    expect(Object.keys(env).filter((key) => !CONFIG_KEYS.includes(key))).toEqual([]);
    const config = parseConfig(env);
    expect(config.env).toBe('production');
    expect(config.shopifyApiSecrets).toEqual(['shpss_new', 'shpss_old']);
  });

  it('the service points at the PostgreSQL and Temporal defined here, with their credentials and ports', () => {
    const config = parseConfig(envOf('api'));
    const db = new URL(config.databaseUrl!);
    const pg = envOf('app-postgres');
    expect([db.hostname, db.port, db.username, db.password, db.pathname]).toEqual(['app-postgres', '5432', pg.POSTGRES_USER, pg.POSTGRES_PASSWORD, `/${pg.POSTGRES_DB}`]);
    const [host, port] = config.temporal.address!.split(':');
    expect(host! in services).toBe(true);
    expect(services[host!].ports).toContain(`${port}:${port}`);
    expect(services.api.ports).toContain(`${config.port}:${config.port}`);
    expect(envOf('temporal-ui').TEMPORAL_ADDRESS).toBe(config.temporal.address);
  });

  it('the commands run files the build produces, and mounted scripts exist', () => {
    for (const service of ['api', 'worker']) {
      const entry = services[service].command[1] as string;
      expect(existsSync(path.join(root, entry.replace(/^dist\//, 'src/').replace(/\.js$/, '.ts')))).toBe(true);
    }
    for (const service of ['temporal-admin-tools', 'temporal-create-namespace']) {
      const script = (services[service].command[0] as string).replace('/deploy/', 'deploy/temporal/');
      expect(existsSync(path.join(root, script))).toBe(true);
    }
    const dockerfile = readFileSync(path.join(root, 'Dockerfile'), 'utf8');
    expect(dockerfile).toMatch(/npm run build/);
    expect(dockerfile).toMatch(/COPY drizzle/);
  });

  it('refuses to start the service without the secrets it needs in production', () => {
    delete operatorEnv.SHOPIFY_API_SECRET;
    expect(() => envOf('api')).toThrow(/SHOPIFY_API_SECRET must be set/);
    operatorEnv.SHOPIFY_API_SECRET = 'shpss_new,shpss_old';
  });
});
