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
import { CompaniesService } from './companies.service.js';
import {
  CreateCompanyDto,
  ListCompaniesQuery,
  UpdateCompanyDto,
  type CompanyPage,
  type CompanyResponse,
} from './company.dto.js';
import type { CompanyWriter } from './company.profile.js';

@Controller('companies')
export class CompaniesController {
  constructor(
    private readonly companies: CompaniesService,
    @Inject(ProfileWriter) private readonly writer: CompanyWriter,
  ) {}

  // A partner key creates, reads, updates and withdraws its own source's companies only (others are 404).
  @Post()
  @Roles('admin', 'partner')
  create(@Body() body: CreateCompanyDto, @Principal() principal?: Principal): Promise<CompanyResponse> {
    return this.writer.create(body, 'strict', partnerScopeOf(principal));
  }

  @Get()
  list(@Query() query: ListCompaniesQuery, @Principal() principal?: Principal): Promise<CompanyPage> {
    return this.companies.list(query, partnerScopeOf(principal));
  }

  @Get(':id')
  get(@Param('id', ParseUUIDPipe) id: string, @Principal() principal?: Principal): Promise<CompanyResponse> {
    return this.writer.get(id, partnerScopeOf(principal));
  }

  @Put(':id')
  @Roles('admin', 'partner')
  replace(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: CreateCompanyDto,
    @Principal() principal?: Principal,
  ): Promise<CompanyResponse> {
    return this.writer.replace(id, body, partnerScopeOf(principal));
  }

  @Patch(':id')
  @Roles('admin', 'partner')
  patch(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateCompanyDto,
    @Principal() principal?: Principal,
  ): Promise<CompanyResponse> {
    return this.writer.patch(id, body, partnerScopeOf(principal));
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles('admin', 'partner')
  delete(@Param('id', ParseUUIDPipe) id: string, @Principal() principal?: Principal): Promise<void> {
    return this.writer.delete(id, partnerScopeOf(principal));
  }
}
