package org.liandong.web;

import io.vertx.core.file.FileSystem;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.SchemaException;
import io.vertx.json.schema.SchemaRepository;
import io.vertx.json.schema.Validator;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.OpenAPIVersion;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.Path;
import io.vertx.openapi.contract.SecurityRequirement;
import io.vertx.openapi.contract.SecurityScheme;
import io.vertx.openapi.contract.Server;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The contract as the request validator sees it, with each schema's validator built once.
 * vertx-openapi asks the schema repository for a new validator for every parameter and body of
 * every request, and each one copies the repository's whole lookup table: on the write path
 * that was the largest single cost of a request (a profile of the benchmark's hot-project run).
 * A validator keeps no state between validations, so one per schema serves every request.
 */
final class ValidatorCache {
  private ValidatorCache() {}

  static OpenAPIContract of(OpenAPIContract contract) {
    var schemas = new Schemas(contract.getSchemaRepository());
    return new OpenAPIContract() {
      @Override public Operation operation(String operationId) { return contract.operation(operationId); }
      @Override public List<Operation> operations() { return contract.operations(); }
      @Override public List<Path> getPaths() { return contract.getPaths(); }
      @Override public JsonObject getRawContract() { return contract.getRawContract(); }
      @Override public OpenAPIVersion getVersion() { return contract.getVersion(); }
      @Override public SchemaRepository getSchemaRepository() { return schemas; }
      @Override public List<Server> getServers() { return contract.getServers(); }
      @Override public Path findPath(String urlPath) { return contract.findPath(urlPath); }
      @Override public Operation findOperation(String urlPath, HttpMethod method) { return contract.findOperation(urlPath, method); }
      @Override public List<SecurityRequirement> getSecurityRequirements() { return contract.getSecurityRequirements(); }
      @Override public SecurityScheme securityScheme(String name) { return contract.securityScheme(name); }
    };
  }

  /** The same schemas; {@link #validator(JsonSchema)} answers the one validator of each (by identity: the contract's own objects). */
  private static final class Schemas implements SchemaRepository {
    private final SchemaRepository schemas;
    private final Map<Identity, Validator> validators = new ConcurrentHashMap<>();

    Schemas(SchemaRepository schemas) {
      this.schemas = schemas;
    }

    private record Identity(JsonSchema schema) {
      @Override public boolean equals(Object o) { return o instanceof Identity i && i.schema == schema; }
      @Override public int hashCode() { return System.identityHashCode(schema); }
    }

    @Override
    public Validator validator(JsonSchema schema) {
      return validators.computeIfAbsent(new Identity(schema), k -> schemas.validator(schema));
    }

    @Override public SchemaRepository dereference(JsonSchema schema) throws SchemaException { return schemas.dereference(schema); }
    @Override public SchemaRepository dereference(String uri, JsonSchema schema) throws SchemaException { return schemas.dereference(uri, schema); }
    @Override public SchemaRepository preloadMetaSchema(FileSystem fs) { return schemas.preloadMetaSchema(fs); }
    @Override public SchemaRepository preloadMetaSchema(FileSystem fs, Draft draft) { return schemas.preloadMetaSchema(fs, draft); }
    @Override public Validator validator(String ref) { return schemas.validator(ref); }
    @Override public Validator validator(String ref, JsonSchemaOptions options) { return schemas.validator(ref, options); }
    @Override public Validator validator(JsonSchema schema, JsonSchemaOptions options, boolean dereference) {
      return schemas.validator(schema, options, dereference);
    }
    @Override public JsonObject resolve(JsonObject schema) { return schemas.resolve(schema); }
    @Override public JsonSchema find(String pointer) { return schemas.find(pointer); }
  }
}
