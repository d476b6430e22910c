import type { MigrationInterface } from 'typeorm';

/** A migration class TypeORM runs and records under `name` (its timestamp is the name's trailing digits). */
export type MigrationClass = new () => MigrationInterface;

/** A reversible migration recorded under `name`, which must never change once a database has run it. */
export const defineMigration = (name: string, change: Pick<MigrationInterface, 'up' | 'down'>): MigrationClass =>
  class implements MigrationInterface {
    readonly name = name;
    readonly up = change.up;
    readonly down = change.down;
  };
