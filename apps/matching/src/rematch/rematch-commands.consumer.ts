import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, type KafkaContext } from '@nestjs/microservices';
import { TOPICS } from '#contracts';
import { consumedRecord, EventIntake } from '#messaging';
import { RematchService } from './rematch.service.js';

export const REMATCH_COMMANDS_CONSUMER = 'matching.commands';

/** `RematchRequested` commands: the same request as `POST /admin/rematch`, deduplicated the same way. */
@Controller()
export class RematchCommandsConsumer {
  constructor(
    private readonly intake: EventIntake,
    private readonly rematch: RematchService,
  ) {}

  @EventPattern(TOPICS.matchingCommands)
  async onCommand(@Ctx() context: KafkaContext): Promise<void> {
    await this.intake.handle(REMATCH_COMMANDS_CONSUMER, TOPICS.matchingCommands, consumedRecord(context), {
      RematchRequested: async (event) => {
        await this.rematch.request({ ...event.payload, requestedBy: `event:${event.producer}` });
      },
    });
  }
}
