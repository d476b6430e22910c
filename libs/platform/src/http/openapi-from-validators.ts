import type { INestApplication, Type } from '@nestjs/common';
import { PARAMTYPES_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants.js';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum.js';
import { ModulesContainer } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import { defaultMetadataStorage } from 'class-transformer/cjs/storage.js';
import { getMetadataStorage } from 'class-validator';
import { EXAMPLE_COMPANY_PROFILE, EXAMPLE_RD_NEED } from '#contracts';

type Schema = Record<string, unknown>;
type MetadataStorage = ReturnType<typeof getMetadataStorage>;
type ValidationMetadata = ReturnType<MetadataStorage['getTargetValidationMetadatas']>[number];
/** A class, as class-validator keys its metadata. */
type ValidatedClass = Parameters<MetadataStorage['getTargetValidationMetadatas']>[0];

/** Example bodies, by the class that defines the fields (a DTO inherits its base's example). */
const EXAMPLES: Record<string, object> = {
  CompanyProfileFields: EXAMPLE_COMPANY_PROFILE,
  RdNeedFields: EXAMPLE_RD_NEED,
};

const exampleFor = (target: ValidatedClass): object | undefined => {
  for (let type: unknown = target; typeof type === 'function' && type !== Function.prototype;) {
    const example = EXAMPLES[type.name];
    if (example) return example;
    type = Object.getPrototypeOf(type);
  }
  return undefined;
};

const metadataOf = (target: ValidatedClass): ValidationMetadata[] =>
  getMetadataStorage().getTargetValidationMetadatas(target, '', true, false);

/** One property's schema from its validators: types, formats, enums, lengths, ranges, nesting. */
const propertySchema = (
  target: ValidatedClass,
  property: string,
  rules: ValidationMetadata[],
  nest: (nested: ValidatedClass) => Schema,
) => {
  const item: Schema = {};
  const schema: Schema = {};
  const on = (rule: ValidationMetadata): Schema => (rule.each ? item : schema);
  for (const rule of rules) {
    const [first, second] = (rule.constraints ?? []) as unknown[];
    switch (rule.name ?? rule.type) {
      case 'isString':
        on(rule).type = 'string';
        break;
      case 'isNotEmpty':
        if (on(rule).type === 'string' || on(rule).type === undefined) on(rule).minLength = 1;
        break;
      case 'isBoolean':
        on(rule).type = 'boolean';
        break;
      case 'isInt':
        on(rule).type = 'integer';
        break;
      case 'isNumber':
        on(rule).type = 'number';
        break;
      case 'isArray':
        schema.type = 'array';
        break;
      case 'isObject':
        schema.type = 'object';
        break;
      case 'isIn':
        on(rule).enum = first;
        break;
      case 'isUUID':
        Object.assign(on(rule), { type: 'string', format: 'uuid' });
        break;
      case 'isIso8601':
      case 'isISO8601':
        Object.assign(on(rule), { type: 'string', format: 'date-time' });
        break;
      case 'isUrl':
        Object.assign(on(rule), { type: 'string', format: 'uri' });
        break;
      case 'isISO31661Alpha2':
        Object.assign(on(rule), { type: 'string', pattern: '^[A-Za-z]{2}$' });
        break;
      case 'maxLength':
        on(rule).maxLength = first;
        break;
      case 'minLength':
        on(rule).minLength = first;
        break;
      case 'arrayMaxSize':
        schema.maxItems = first;
        break;
      case 'arrayMinSize':
        schema.minItems = first;
        break;
      case 'min':
        on(rule).minimum = first;
        break;
      case 'max':
        on(rule).maximum = first;
        break;
      case 'length':
        Object.assign(on(rule), { minLength: first, maxLength: second });
        break;
      case 'nestedValidation': {
        // A list of records names its element class with `@Type(() => X)`; a single record has it as design type.
        const declared = defaultMetadataStorage.findTypeMetadata(target, property);
        const nested: unknown =
          declared?.typeFunction() ??
          Reflect.getMetadata('design:type', (target as { prototype: object }).prototype, property);
        if (typeof nested === 'function' && nested !== Array && nested !== Object) {
          Object.assign(rule.each ? item : schema, nest(nested));
        }
        break;
      }
      default:
        break;
    }
  }
  if (schema.type === 'array' || Object.keys(item).length > 0) {
    schema.type = 'array';
    schema.items = Object.keys(item).length > 0 ? item : {};
  }
  return schema;
};

/** A JSON schema for a class validated with class-validator; nested classes become components too. */
const schemaFromValidators = (target: ValidatedClass, components: Record<string, Schema>): Schema => {
  const rulesByProperty = new Map<string, ValidationMetadata[]>();
  for (const rule of metadataOf(target)) {
    rulesByProperty.set(rule.propertyName, [...(rulesByProperty.get(rule.propertyName) ?? []), rule]);
  }
  const nest = (nested: ValidatedClass): Schema => {
    if (!components[nested.name] || Object.keys((components[nested.name]!.properties as object) ?? {}).length === 0) {
      components[nested.name] = { type: 'object', properties: {} };
      components[nested.name] = schemaFromValidators(nested, components);
    }
    return { $ref: `#/components/schemas/${nested.name}` };
  };
  const properties: Record<string, Schema> = {};
  const required: string[] = [];
  for (const [property, rules] of rulesByProperty) {
    properties[property] = propertySchema(target, property, rules, nest);
    const optional = rules.some((rule) => rule.type === 'conditionalValidation');
    if (!optional) required.push(property);
  }
  const example = exampleFor(target);
  return {
    type: 'object',
    properties,
    ...(required.length > 0 ? { required } : {}),
    ...(example ? { example } : {}),
  };
};

const isEmptyObjectSchema = (schema: Schema | undefined): boolean =>
  !!schema && schema.type === 'object' && Object.keys((schema.properties as object | undefined) ?? {}).length === 0;

/**
 * Fills the OpenAPI document from the DTOs' class-validator rules, the single source of truth for what the API
 * accepts: body schemas (with examples) and query parameters. Nest's generator alone only sees `@ApiProperty`.
 */
export const describeDtosFromValidators = (app: INestApplication, document: OpenAPIObject): OpenAPIObject => {
  const components = (document.components ??= {}).schemas ?? (document.components.schemas = {});
  const schemas = components as Record<string, Schema>;
  const operations = new Map<string, { operation: Record<string, unknown> }>();
  for (const pathItem of Object.values(document.paths)) {
    for (const operation of Object.values(pathItem as Record<string, Record<string, unknown>>)) {
      if (typeof operation?.operationId === 'string') operations.set(operation.operationId, { operation });
    }
  }
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type | null;
      if (!controller) continue;
      for (const method of Object.getOwnPropertyNames(controller.prototype)) {
        const found = operations.get(`${controller.name}_${method}`);
        if (!found) continue;
        const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, method) ?? {}) as Record<
          string,
          { index: number }
        >;
        const types = (Reflect.getMetadata(PARAMTYPES_METADATA, controller.prototype as object, method) ??
          []) as ValidatedClass[];
        for (const [key, { index }] of Object.entries(args)) {
          const kind = Number(key.split(':')[0]);
          const type = types[index];
          if (!type || metadataOf(type).length === 0) continue;
          if (kind === (RouteParamtypes.BODY as number) && isEmptyObjectSchema(schemas[type.name])) {
            schemas[type.name] = schemaFromValidators(type, schemas);
          }
          if (kind === (RouteParamtypes.QUERY as number)) {
            const schema = schemaFromValidators(type, schemas);
            const parameters = (found.operation.parameters ??= []) as { name: string; in: string }[];
            for (const [name, property] of Object.entries(schema.properties as Record<string, Schema>)) {
              if (parameters.some((parameter) => parameter.name === name && parameter.in === 'query')) continue;
              parameters.push({ name, in: 'query', required: false, schema: property } as never);
            }
          }
        }
      }
    }
  }
  return document;
};
