/** Injection tokens for the messaging infrastructure every service shares. */
export const KAFKA_PRODUCER = Symbol('KAFKA_PRODUCER');
export const KAFKA_CLIENT = Symbol('KAFKA_CLIENT');
