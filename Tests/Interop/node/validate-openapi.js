// Reads an OpenAPI document from a URL, checks it with @seriousme/openapi-schema-validator (the OpenAPI
// Initiative's JSON schemas for the document's version; pinned in package-lock.json), resolves every $ref, and
// prints one JSON report. Run by Tests/OpenApi/OpenApiDocumentTests.cs.
"use strict";

async function main() {
  const { Validator } = await import("@seriousme/openapi-schema-validator");
  const [address] = process.argv.slice(2);
  const response = await fetch(address);
  if (!response.ok) {
    throw new Error(`GET ${address} answered ${response.status}`);
  }

  const validator = new Validator();
  const result = await validator.validate(await response.json());
  let unresolved = null;
  if (result.valid) {
    try {
      validator.resolveRefs();
    } catch (error) {
      unresolved = error.message;
    }
  }

  const operations = [];
  for (const [path, item] of Object.entries(validator.specification.paths ?? {})) {
    for (const [method, operation] of Object.entries(item)) {
      operations.push({ method: method.toUpperCase(), path, operationId: operation.operationId, responses: Object.keys(operation.responses ?? {}) });
    }
  }

  console.log(JSON.stringify({ valid: result.valid, version: validator.version, errors: result.errors ?? [], unresolved, operations }));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
