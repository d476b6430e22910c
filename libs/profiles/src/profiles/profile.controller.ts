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
  type Type,
} from '@nestjs/common';
import { PARAMTYPES_METADATA } from '@nestjs/common/constants.js';
import { inPartnerScope, partnerScopeOf, Principal, type ProfileListQuery, Roles } from '#platform';
import {
  toStoredProfile,
  type ProfileDefinition,
  type ProfileFields,
  type StoredProfile,
} from './profile.definition.js';
import type { ProfileEntity } from './profile.entity.js';
import { ProfileWriter } from './profile.writer.js';

/** A page of stored profiles, as `GET /<path>` answers it. */
export interface ProfilePage<F extends ProfileFields> {
  items: StoredProfile<F>[];
  total: number;
  limit: number;
  offset: number;
}

/** The app's filtered, ordered reads of its profiles (the filters differ per kind of profile). */
export interface ProfileLister<Row extends ProfileEntity, Q extends ProfileListQuery> {
  list(query: Q): Promise<[Row[], number]>;
}

/** The REST routes of one kind of profile: where they live, and the classes that validate their input. */
export interface ProfileRoutes<F extends ProfileFields, Row extends ProfileEntity, Q extends ProfileListQuery> {
  /** The controller's class name, which its OpenAPI operation ids start with (`CompaniesController_create`). */
  readonly name: string;
  readonly path: string;
  readonly profile: ProfileDefinition<F, Row>;
  /** The app's repository, which lists the profiles. */
  readonly lister: Type<ProfileLister<Row, Q>>;
  readonly createDto: Type<F>;
  readonly updateDto: Type<Partial<F>>;
  readonly listQuery: Type<Q>;
}

/**
 * The REST controller of one kind of profile: create, list, read, replace, patch and delete, writes and single reads
 * through the app's ProfileWriter. A partner key creates, reads, updates and withdraws its own source's records only
 * (others are 404).
 */
export const profileController = <F extends ProfileFields, Row extends ProfileEntity, Q extends ProfileListQuery>(
  routes: ProfileRoutes<F, Row, Q>,
): Type => {
  @Controller(routes.path)
  class ProfileController {
    constructor(
      @Inject(routes.lister) private readonly rows: ProfileLister<Row, Q>,
      @Inject(ProfileWriter) private readonly writer: ProfileWriter<F, Row>,
    ) {}

    @Post()
    @Roles('admin', 'partner')
    create(@Body() body: F, @Principal() principal?: Principal): Promise<StoredProfile<F>> {
      return this.writer.create(body, 'strict', partnerScopeOf(principal));
    }

    @Get()
    async list(@Query() query: Q, @Principal() principal?: Principal): Promise<ProfilePage<F>> {
      const scope = partnerScopeOf(principal);
      if (!inPartnerScope(query.source ?? scope, scope)) {
        return { items: [], total: 0, limit: query.limit, offset: query.offset };
      }
      const [rows, total] = await this.rows.list(scope === undefined ? query : { ...query, source: scope });
      return {
        items: rows.map((row) => toStoredProfile(routes.profile, row)),
        total,
        limit: query.limit,
        offset: query.offset,
      };
    }

    @Get(':id')
    get(@Param('id', ParseUUIDPipe) id: string, @Principal() principal?: Principal): Promise<StoredProfile<F>> {
      return this.writer.get(id, partnerScopeOf(principal));
    }

    @Put(':id')
    @Roles('admin', 'partner')
    replace(
      @Param('id', ParseUUIDPipe) id: string,
      @Body() body: F,
      @Principal() principal?: Principal,
    ): Promise<StoredProfile<F>> {
      return this.writer.replace(id, body, partnerScopeOf(principal));
    }

    @Patch(':id')
    @Roles('admin', 'partner')
    patch(
      @Param('id', ParseUUIDPipe) id: string,
      @Body() body: Partial<F>,
      @Principal() principal?: Principal,
    ): Promise<StoredProfile<F>> {
      return this.writer.patch(id, body, partnerScopeOf(principal));
    }

    @Delete(':id')
    @HttpCode(204)
    @Roles('admin', 'partner')
    delete(@Param('id', ParseUUIDPipe) id: string, @Principal() principal?: Principal): Promise<void> {
      return this.writer.delete(id, partnerScopeOf(principal));
    }
  }

  // Decorator metadata records a type parameter as Object: validation and the OpenAPI document read the parameter
  // types, so each route names its DTO classes here, as a controller written out per profile would reflect them.
  const { createDto, updateDto, listQuery } = routes;
  const parameterTypes: Record<keyof ProfileController, unknown[]> = {
    create: [createDto, Object],
    list: [listQuery, Object],
    get: [String, Object],
    replace: [String, createDto, Object],
    patch: [String, updateDto, Object],
    delete: [String, Object],
  };
  for (const [method, types] of Object.entries(parameterTypes)) {
    Reflect.defineMetadata(PARAMTYPES_METADATA, types, ProfileController.prototype, method);
  }
  Object.defineProperty(ProfileController, 'name', { value: routes.name });
  return ProfileController;
};
