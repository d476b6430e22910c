import { describe, expect, it } from '@jest/globals';
import { dropTestDatabase, recreateTestDatabase } from './ensure-database.js';

// Port 1: were the guard to let the call through, it would fail on connecting, with another message.
const production = 'postgres://postgres@127.0.0.1:1/parkmatch';

describe('throwaway databases', () => {
  it('refuses to drop a database whose name lacks the marker, before connecting', async () => {
    await expect(dropTestDatabase(production)).rejects.toThrow('Refusing to drop database "parkmatch"');
  });

  it('refuses to recreate a database whose name lacks the marker, before connecting', async () => {
    await expect(recreateTestDatabase(`${production}_test`, 'bench')).rejects.toThrow(
      'Refusing to recreate database "parkmatch_test": its name lacks "bench"',
    );
  });
});
