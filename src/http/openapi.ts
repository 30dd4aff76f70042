// The OpenAPI document: @fastify/swagger over the zod route schemas, served as JSON and YAML, with /docs.
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { stringify } from 'yaml';
import { finishDocument, type RouteFacts } from './openapi-document.js';

export const API_VERSION = '1.0.0';

export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  // What each operation's route says beyond its schema (collected as the routes are transformed).
  const facts = new Map<string, RouteFacts>();
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Central Asia foreign-conflict law API',
        version: API_VERSION,
        description: [
          'The law of Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan and Uzbekistan on citizens who take part in',
          'armed conflicts abroad (mercenarism, participation in foreign conflicts, recruitment, financing, foreign',
          'military service), the documented prosecution practice and the court rulings. Every fact names its sources',
          'and how it is known (official text, official statement, or reported).',
          '',
          'Unknown is written one way: a value the dataset does not know is null, and the field is always there. No',
          'enum has an "unknown" member (a case outcome, a practice stance, a comparison\'s inForce are null when not',
          'known). Booleans say what the dataset holds, never "unknown": found=false means no applicable article is',
          'known, which is not "no penalty"; penaltyKnown=false means the text in force was not read or states none.',
          '`unknowns` says in words what is not known and why.',
          '',
          'This is a reference, not legal advice. Errors are RFC 9457 problem details (application/problem+json).',
        ].join('\n'),
        license: { name: 'Code MIT; data CC BY 4.0', identifier: 'MIT' },
      },
      servers: [{ url: '/', description: 'This server' }],
      tags: [
        { name: 'countries', description: 'Countries and what is known or missing for each' },
        { name: 'law', description: 'Instruments, provisions, versions in force over time, penalties, exemptions' },
        { name: 'cases', description: 'Court rulings and prosecutions' },
        { name: 'practice', description: 'Prosecution practice, statements and statistics' },
        { name: 'registry', description: 'Conducts, forces and sources' },
        { name: 'service', description: 'Dataset revision, health and readiness' },
      ],
    },
    transform: (input) => {
      const id = (input.schema as { operationId?: string } | undefined)?.operationId;
      if (id) facts.set(id, { cached: input.route.config?.cache !== false });
      return jsonSchemaTransform(input);
    },
    transformObject: (input) => finishDocument(jsonSchemaTransformObject(input) as never, facts) as never,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/docs', uiConfig: { docExpansion: 'list' } });

  app.get(
    '/openapi.json',
    { schema: { hide: true }, config: { produces: ['application/json'], cache: false } },
    async (_req, reply) => reply.type('application/json').send(app.swagger()),
  );
  app.get(
    '/openapi.yaml',
    { schema: { hide: true }, config: { produces: ['application/yaml'], cache: false } },
    async (_req, reply) => reply.type('application/yaml').send(openApiYaml(app)),
  );
}

/** The document as committed in openapi.yaml. */
export function openApiYaml(app: FastifyInstance): string {
  return stringify(app.swagger(), { lineWidth: 0, aliasDuplicateObjects: false });
}
