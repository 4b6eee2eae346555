/* eslint-disable @typescript-eslint/no-explicit-any -- the API's JSON answers, read as the tests assert them */
// The OpenAPI document of /api/v1 is generated from the zod schemas that validate the requests: it must be a
// valid OpenAPI 3.1 document and list every endpoint the issue names, each with its method.
import SwaggerParser from "@apidevtools/swagger-parser";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/api/openapi";

const EXPECTED = [
  "GET /me",
  "POST /tokens",
  "GET /resources",
  "GET /resources/{id}",
  "PATCH /resources/{id}",
  "GET /resources/{id}/lineage",
  "GET /search",
  "GET /users",
  "GET /teams",
  "POST /teams",
  "GET /teams/{id}",
  "GET /teams/{id}/members",
  "POST /teams/{id}/members",
  "DELETE /teams/{id}/members/{userId}",
  "POST /teams/{id}/resources",
  "DELETE /teams/{id}/resources/{resourceId}",
  "POST /teams/{id}/tokens",
  "GET /groups",
  "POST /invitations",
  "GET /integrations",
  "POST /integrations",
  "POST /integrations/{id}/sync",
  "GET /integrations/{id}/runs/{runId}",
  "GET /openapi.json",
];

describe("OpenAPI document", () => {
  it("validates as OpenAPI 3.1", async () => {
    const doc = openApiDocument();
    expect(doc.openapi).toBe("3.1.0");
    await expect(SwaggerParser.validate(structuredClone(doc) as never)).resolves.toBeTruthy();
  });

  it("lists every route of the API, and no other", () => {
    const doc = openApiDocument();
    const listed = Object.entries(doc.paths ?? {}).flatMap(([p, ops]) => Object.keys(ops as object).map((m) => `${m.toUpperCase()} ${p}`));
    expect(listed.sort()).toEqual([...EXPECTED].sort());
  });

  it("documents the errors as problem+json and the bodies from the same schemas", () => {
    const doc = openApiDocument() as any;
    const patch = doc.paths["/resources/{id}"].patch;
    expect(Object.keys(patch.responses).sort()).toEqual(["200", "400", "401", "403", "404", "409", "429"]);
    expect(patch.responses["403"].content["application/problem+json"]).toBeTruthy();
    const body = doc.components.schemas.CreateToken;
    expect(body.properties.expiresInDays).toMatchObject({ minimum: 1, maximum: 365 });
    expect(body.properties.scope.enum).toEqual(["read", "write"]);
  });
});
