import { IsISO8601, IsInt, IsNotEmpty, IsObject, IsOptional, IsString, IsUUID, MaxLength, Min } from 'class-validator';

/** The envelope and payload schema version every v1 topic carries; consumers refuse any other. */
export const SCHEMA_VERSION = 1;

/** The one envelope every Parkmatch event travels in. */
export interface EventEnvelope<TType extends string = string, TPayload = unknown> {
  readonly eventId: string;
  readonly type: TType;
  readonly schemaVersion: number;
  readonly occurredAt: string;
  readonly producer: string;
  readonly correlationId: string;
  readonly causationId: string | null;
  readonly key: string;
  readonly entityVersion?: number;
  readonly payload: TPayload;
}

/** Structural validation of an incoming envelope; the payload is validated against its own class afterwards. */
export class EventEnvelopeShape {
  @IsUUID()
  eventId!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  type!: string;

  @IsInt()
  @Min(1)
  schemaVersion!: number;

  @IsISO8601()
  occurredAt!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  producer!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  correlationId!: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  causationId!: string | null;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  key!: string;

  @IsOptional()
  @IsInt()
  @Min(1)
  entityVersion?: number;

  @IsObject()
  payload!: Record<string, unknown>;
}
