import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put, Query } from '@nestjs/common';
import { RdNeedsService } from './rd-needs.service.js';
import {
  CreateRdNeedDto,
  ListRdNeedsQuery,
  UpdateRdNeedDto,
  type RdNeedPage,
  type RdNeedResponse,
} from './rd-need.dto.js';

@Controller('needs')
export class RdNeedsController {
  constructor(private readonly needs: RdNeedsService) {}

  @Post()
  create(@Body() body: CreateRdNeedDto): Promise<RdNeedResponse> {
    return this.needs.create(body);
  }

  @Get()
  list(@Query() query: ListRdNeedsQuery): Promise<RdNeedPage> {
    return this.needs.list(query);
  }

  @Get(':id')
  get(@Param('id', ParseUUIDPipe) id: string): Promise<RdNeedResponse> {
    return this.needs.get(id);
  }

  @Put(':id')
  replace(@Param('id', ParseUUIDPipe) id: string, @Body() body: CreateRdNeedDto): Promise<RdNeedResponse> {
    return this.needs.replace(id, body);
  }

  @Patch(':id')
  patch(@Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateRdNeedDto): Promise<RdNeedResponse> {
    return this.needs.patch(id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  delete(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.needs.delete(id);
  }
}
