// Types for kafka.mjs (plain Node ESM), so TypeScript callers such as the fault tests can import it.

export interface KafkaBrokerOptions {
  readonly port?: number;
  readonly controllerPort?: number;
  readonly dataDir?: string;
  readonly timeoutMs?: number;
}

export declare const REPO_ROOT: string;
export declare const POM: string;
export declare const LIBS_DIR: string;

export declare function kafkaVersion(): string;
export declare function ensureJars(): { downloaded: boolean; libsDir: string };
export declare function probeKafka(
  port: number,
  host?: string,
  timeoutMs?: number,
): Promise<{ brokers: unknown[]; clusterId: string; controllerId: number | null }>;
export declare function isKafkaUp(port?: number, host?: string): Promise<boolean>;
export declare function startKafka(
  options?: KafkaBrokerOptions,
): Promise<{ started: boolean; pid?: number; bootstrap: string }>;
export declare function stopKafka(
  options?: Pick<KafkaBrokerOptions, 'port' | 'dataDir'>,
): Promise<{ stopped: boolean; pid?: number }>;
export declare function kafkaStatus(options?: KafkaBrokerOptions): Promise<{
  running: boolean;
  pid?: number;
  managed: boolean;
  bootstrap: string;
  dataDir: string;
}>;
