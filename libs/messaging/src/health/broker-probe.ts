import type { OnModuleDestroy } from '@nestjs/common';
import type { HealthIndicatorService } from '@nestjs/terminus';
import type { Admin, Kafka } from 'kafkajs';
import { CHECK_TIMEOUT_MS, type ReadinessProbe } from '#platform';

/**
 * The broker answers an admin request: a failure makes the service not ready. Health probes come unauthenticated and
 * often, so they share one admin connection for the life of the process (a connection per probe let a flood of
 * them slow every request), and probes that arrive together share one request. A failed request drops the
 * connection; the next probe opens a new one.
 */
export class BrokerProbe implements ReadinessProbe, OnModuleDestroy {
  readonly name = 'kafka';
  readonly summarised = true;
  private admin: Promise<Admin> | undefined;
  private inFlight: Promise<void> | undefined;

  constructor(private readonly kafka: Kafka) {}

  applies(): boolean {
    return true;
  }

  check(indicators: HealthIndicatorService) {
    return indicators
      .check(this.name)
      .attempt(() => this.describeCluster())
      .withTimeout(CHECK_TIMEOUT_MS);
  }

  async onModuleDestroy(): Promise<void> {
    await this.drop();
  }

  private describeCluster(): Promise<void> {
    this.inFlight ??= (async () => {
      const admin = await this.connected();
      try {
        await admin.describeCluster();
      } catch (error) {
        await this.drop();
        throw error;
      }
    })().finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  private connected(): Promise<Admin> {
    this.admin ??= (async () => {
      const admin = this.kafka.admin();
      try {
        await admin.connect();
        return admin;
      } catch (error) {
        this.admin = undefined;
        await admin.disconnect().catch(() => undefined);
        throw error;
      }
    })();
    return this.admin;
  }

  private async drop(): Promise<void> {
    const admin = this.admin;
    this.admin = undefined;
    await admin?.then((connected) => connected.disconnect()).catch(() => undefined);
  }
}
