import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put, Query } from '@nestjs/common';
import { CompaniesService } from './companies.service.js';
import {
  CreateCompanyDto,
  ListCompaniesQuery,
  UpdateCompanyDto,
  type CompanyPage,
  type CompanyResponse,
} from './company.dto.js';

@Controller('companies')
export class CompaniesController {
  constructor(private readonly companies: CompaniesService) {}

  @Post()
  create(@Body() body: CreateCompanyDto): Promise<CompanyResponse> {
    return this.companies.create(body);
  }

  @Get()
  list(@Query() query: ListCompaniesQuery): Promise<CompanyPage> {
    return this.companies.list(query);
  }

  @Get(':id')
  get(@Param('id', ParseUUIDPipe) id: string): Promise<CompanyResponse> {
    return this.companies.get(id);
  }

  @Put(':id')
  replace(@Param('id', ParseUUIDPipe) id: string, @Body() body: CreateCompanyDto): Promise<CompanyResponse> {
    return this.companies.replace(id, body);
  }

  @Patch(':id')
  patch(@Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateCompanyDto): Promise<CompanyResponse> {
    return this.companies.patch(id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  delete(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.companies.delete(id);
  }
}
