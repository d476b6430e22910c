import { Controller } from '@nestjs/common';
import { Ctx, EventPattern } from '@nestjs/microservices';
import { TOPICS } from '#contracts';
import { EventIntake, type KafkaBatchContext } from '#messaging';
import { RematchService } from './rematch.service.js';

export const REMATCH_COMMANDS_CONSUMER = 'matching.commands';

/**
 * `RematchRequested` commands: the same request as `POST /admin/rematch`, deduplicated the same way. A command for a
 * need or company matching does not hold is dead-lettered with the reason (REST answers 404), not queued; once the
 * entity has arrived, `npm run dlq -- replay matching.commands.v1 --id <event id>` runs it.
 */
@Controller()
export class RematchCommandsConsumer {
  constructor(
    private readonly intake: EventIntake,
    private readonly rematch: RematchService,
  ) {}

  @EventPattern(TOPICS.matchingCommands)
  async onCommand(@Ctx() context: KafkaBatchContext): Promise<void> {
    await this.intake.handleBatch(REMATCH_COMMANDS_CONSUMER, TOPICS.matchingCommands, context.getBatch(), {
      RematchRequested: async (event) => {
        await this.rematch.requestKnown({ ...event.payload, requestedBy: `event:${event.producer}` });
      },
    });
  }
}
