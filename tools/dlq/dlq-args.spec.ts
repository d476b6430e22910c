import { describe, expect, it } from '@jest/globals';
import { parseDlqArgs } from './dlq-args.js';

describe('parseDlqArgs', () => {
  it('reads a command, a topic, repeated ids and the brokers from the environment', () => {
    expect(
      parseDlqArgs(['show', 'partner.company-profiles.v1', '--id', '0:4', '--id=ev-1'], { KAFKA_BROKERS: 'a:1, b:2' }),
    ).toEqual({
      kind: 'run',
      options: {
        command: 'show',
        topic: 'partner.company-profiles.v1',
        ids: ['0:4', 'ev-1'],
        all: false,
        brokers: ['a:1', 'b:2'],
      },
    });
  });

  it('prefers --brokers to the environment and defaults to the local broker', () => {
    const brokersOf = (argv: string[], env = {}) => {
      const parsed = parseDlqArgs(argv, env);
      return parsed.kind === 'run' ? parsed.options.brokers : parsed;
    };
    expect(brokersOf(['list', 't', '--brokers', 'x:9'], { KAFKA_BROKERS: 'a:1' })).toEqual(['x:9']);
    expect(brokersOf(['list', 't'])).toEqual(['127.0.0.1:9092']);
  });

  it('reports every problem at once', () => {
    expect(parseDlqArgs(['purge'])).toEqual({
      kind: 'invalid',
      problems: [
        'the command must be one of list, show, replay, not "purge"',
        'a topic is required, e.g. partner.company-profiles.v1',
      ],
    });
    expect(parseDlqArgs(['replay', 't'])).toEqual({ kind: 'invalid', problems: ['replay needs --id <id> or --all'] });
    expect(parseDlqArgs(['replay', 't', '--all', '--id', '0:1'])).toEqual({
      kind: 'invalid',
      problems: ['replay takes --id or --all, not both'],
    });
    expect(parseDlqArgs(['list', 't', '--all', '--id', '0:1'])).toEqual({
      kind: 'invalid',
      problems: ['--all goes with replay only', '--id goes with show or replay'],
    });
  });

  it('names an unknown flag', () => {
    const parsed = parseDlqArgs(['list', 't', '--force']);
    expect(parsed.kind === 'invalid' && parsed.problems.join()).toContain("'--force'");
  });

  it('answers --help', () => {
    expect(parseDlqArgs(['list', '--help'])).toEqual({ kind: 'help' });
  });
});
