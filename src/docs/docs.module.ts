import { Module } from '@nestjs/common';
import { JsonSchemaController } from './json-schema.controller.js';

// Machine-readable descriptions of the API's formats, for client developers and their tools.
@Module({ controllers: [JsonSchemaController] })
export class DocsModule {}
