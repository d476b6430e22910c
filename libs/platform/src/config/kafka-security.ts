import { readFileSync } from 'node:fs';
import type { KafkaConfig, SASLOptions } from 'kafkajs';
import { boolVar, ConfigError, enumVar, optional, readEnv, stringVar } from '../env/env.js';

export const KAFKA_SASL_MECHANISMS = ['scram-sha-256', 'scram-sha-512', 'plain'] as const;

/** TLS and SASL settings for the brokers: what production brokers need; plaintext is for loopback in development. */
export interface KafkaSecurity {
  readonly ssl?: KafkaConfig['ssl'];
  readonly sasl?: SASLOptions;
  /** Said once at boot: plaintext to a broker that is not on this machine. */
  readonly warnings: readonly string[];
}

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[?::1\]?)$/i;

export const isLoopbackBroker = (broker: string): boolean => {
  const host = broker.startsWith('[') ? broker.slice(0, broker.indexOf(']') + 1) : broker.split(':')[0]!;
  return LOOPBACK.test(host);
};

/** Reads KAFKA_SSL, KAFKA_SSL_CA_FILE, KAFKA_SASL_* and KAFKA_ALLOW_PLAINTEXT; names every bad variable. */
export const readKafkaSecurity = (
  brokers: readonly string[],
  production: boolean,
  env: NodeJS.ProcessEnv = process.env,
): KafkaSecurity => {
  const values = readEnv(
    {
      ssl: boolVar('KAFKA_SSL', false),
      caFile: optional(stringVar('KAFKA_SSL_CA_FILE')),
      mechanism: optional(enumVar('KAFKA_SASL_MECHANISM', KAFKA_SASL_MECHANISMS)),
      username: optional(stringVar('KAFKA_SASL_USERNAME')),
      // Not trimmed: a password is taken exactly as given.
      password: optional({ ...stringVar('KAFKA_SASL_PASSWORD'), parse: (raw: string) => raw }),
      allowPlaintext: boolVar('KAFKA_ALLOW_PLAINTEXT', false),
    },
    env,
  );
  const problems: string[] = [];
  let ca: string | undefined;
  if (values.caFile) {
    try {
      ca = readFileSync(values.caFile, 'utf8');
    } catch {
      problems.push(`KAFKA_SSL_CA_FILE=${JSON.stringify(values.caFile)} is not a readable file`);
    }
  }
  const tls = values.ssl || Boolean(values.caFile);
  let sasl: SASLOptions | undefined;
  if (values.mechanism) {
    if (!values.username)
      problems.push(`KAFKA_SASL_USERNAME is required with KAFKA_SASL_MECHANISM=${values.mechanism}`);
    if (!values.password)
      problems.push(`KAFKA_SASL_PASSWORD is required with KAFKA_SASL_MECHANISM=${values.mechanism}`);
    sasl = { mechanism: values.mechanism, username: values.username, password: values.password } as SASLOptions;
  } else if (values.username || values.password) {
    problems.push('KAFKA_SASL_USERNAME/KAFKA_SASL_PASSWORD are set but KAFKA_SASL_MECHANISM is not');
  }
  const remote = brokers.filter((broker) => !isLoopbackBroker(broker));
  const warnings: string[] = [];
  if (!tls && remote.length > 0) {
    const what = `KAFKA_BROKERS has non-loopback brokers (${remote.join(', ')}) without KAFKA_SSL=true`;
    if (values.allowPlaintext) warnings.push(`${what}: plaintext allowed by KAFKA_ALLOW_PLAINTEXT=true`);
    else if (production)
      problems.push(`${what}; set KAFKA_SSL=true (or KAFKA_ALLOW_PLAINTEXT=true on a private network)`);
    else warnings.push(`${what}: plaintext is meant for loopback development brokers only`);
  }
  if (sasl?.mechanism === 'plain' && !tls && remote.length > 0 && !values.allowPlaintext) {
    problems.push('KAFKA_SASL_MECHANISM=plain sends the password in clear: it needs KAFKA_SSL=true');
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return { ...(tls ? { ssl: ca ? { ca: [ca] } : true } : {}), ...(sasl ? { sasl } : {}), warnings };
};
