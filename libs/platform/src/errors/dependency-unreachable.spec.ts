import { describe, expect, it } from '@jest/globals';
import {
  connectionFailureReason,
  DependencyUnreachableError,
  postgresDependency,
  reachDependency,
} from './dependency-unreachable.js';

const withCode = (message: string, code: string): Error => Object.assign(new Error(message), { code });

describe('connectionFailureReason', () => {
  it('names the socket error, also inside an AggregateError or a cause chain', () => {
    expect(connectionFailureReason(withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'))).toBe(
      'ECONNREFUSED',
    );
    const both = new AggregateError([withCode('::1', 'ECONNREFUSED'), withCode('127.0.0.1', 'ECONNREFUSED')], '');
    expect(connectionFailureReason(both)).toBe('ECONNREFUSED');
    const kafka = Object.assign(new Error('Connection error: getaddrinfo ENOTFOUND kafka'), {
      name: 'KafkaJSConnectionError',
      code: 'ENOTFOUND',
    });
    const retriesExceeded = Object.assign(new Error(kafka.message), {
      name: 'KafkaJSNumberOfRetriesExceeded',
      cause: kafka,
    });
    expect(connectionFailureReason(retriesExceeded)).toBe('ENOTFOUND');
  });

  it("gives Postgres's login refusal and Kafka's timeout as they are worded", () => {
    expect(connectionFailureReason(withCode('password authentication failed for user "app"', '28P01'))).toBe(
      'password authentication failed for user "app"',
    );
    const timeout = Object.assign(new Error('Connection timeout'), { name: 'KafkaJSConnectionError' });
    expect(connectionFailureReason(new Error('retries exceeded', { cause: timeout }))).toBe('Connection timeout');
  });

  it('leaves errors that are not about connecting alone', () => {
    expect(connectionFailureReason(withCode('relation "x" already exists', '42P07'))).toBeUndefined();
    expect(connectionFailureReason(new Error('boom'))).toBeUndefined();
    expect(connectionFailureReason(undefined)).toBeUndefined();
  });
});

describe('reachDependency', () => {
  const postgres = postgresDependency('postgres://app:secret@db.internal:6543/parkmatch');

  it('names the dependency, its address without credentials, the variable and the reason', async () => {
    const failure = reachDependency(postgres, () => Promise.reject(withCode('connect', 'ECONNREFUSED')));
    await expect(failure).rejects.toThrow(new DependencyUnreachableError(postgres, 'ECONNREFUSED').message);
    await expect(failure).rejects.toThrow('cannot reach Postgres at db.internal:6543 (DATABASE_URL): ECONNREFUSED');
    await expect(failure).rejects.not.toThrow('secret');
  });

  it('rethrows any other failure unchanged, and passes a success through', async () => {
    const other = new Error('migration failed');
    await expect(reachDependency(postgres, () => Promise.reject(other))).rejects.toBe(other);
    await expect(reachDependency(postgres, () => Promise.resolve(42))).resolves.toBe(42);
  });

  it('defaults the port of a URL without one to 5432', () => {
    expect(postgresDependency('postgres://postgres@127.0.0.1/parkmatch').address).toBe('127.0.0.1:5432');
  });
});
