import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import { partnerScopeOf, Principal, Roles } from '#platform';
import { ProfileWriter } from '#profiles';
import { RdNeedsService } from './rd-needs.service.js';
import {
  CreateRdNeedDto,
  ListRdNeedsQuery,
  UpdateRdNeedDto,
  type RdNeedPage,
  type RdNeedResponse,
} from './rd-need.dto.js';
import type { RdNeedWriter } from './rd-need.profile.js';

@Controller('needs')
export class RdNeedsController {
  constructor(
    private readonly needs: RdNeedsService,
    @Inject(ProfileWriter) private readonly writer: RdNeedWriter,
  ) {}

  // A partner key creates, reads, updates and withdraws its own source's needs only (others are 404).
  @Post()
  @Roles('admin', 'partner')
  create(@Body() body: CreateRdNeedDto, @Principal() principal?: Principal): Promise<RdNeedResponse> {
    return this.writer.create(body, 'strict', partnerScopeOf(principal));
  }

  @Get()
  list(@Query() query: ListRdNeedsQuery, @Principal() principal?: Principal): Promise<RdNeedPage> {
    return this.needs.list(query, partnerScopeOf(principal));
  }

  @Get(':id')
  get(@Param('id', ParseUUIDPipe) id: string, @Principal() principal?: Principal): Promise<RdNeedResponse> {
    return this.writer.get(id, partnerScopeOf(principal));
  }

  @Put(':id')
  @Roles('admin', 'partner')
  replace(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: CreateRdNeedDto,
    @Principal() principal?: Principal,
  ): Promise<RdNeedResponse> {
    return this.writer.replace(id, body, partnerScopeOf(principal));
  }

  @Patch(':id')
  @Roles('admin', 'partner')
  patch(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateRdNeedDto,
    @Principal() principal?: Principal,
  ): Promise<RdNeedResponse> {
    return this.writer.patch(id, body, partnerScopeOf(principal));
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles('admin', 'partner')
  delete(@Param('id', ParseUUIDPipe) id: string, @Principal() principal?: Principal): Promise<void> {
    return this.writer.delete(id, partnerScopeOf(principal));
  }
}
