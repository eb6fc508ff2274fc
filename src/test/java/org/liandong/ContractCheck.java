package org.liandong;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.validation.ResponseValidator;
import io.vertx.openapi.validation.ValidatableResponse;
import java.net.http.HttpResponse;

/**
 * Every answer the tests' HTTP client ({@link Api}) receives from an operation of the contract,
 * checked against what {@code openapi.yaml} says that operation answers: a status it does not
 * document, or a JSON body its schema does not allow (an undocumented field where the schema
 * closes its object, a missing required one, a wrong type, a null where none is allowed), fails
 * the test that received it. Pages, health, metrics and the socket are outside the contract.
 */
final class ContractCheck {
  private static final Vertx VERTX = Vertx.vertx();
  private static final OpenAPIContract CONTRACT = OpenAPIContract.from(VERTX, "src/main/resources/openapi.yaml").await();
  private static final ResponseValidator RESPONSES = ResponseValidator.create(VERTX, CONTRACT);

  private ContractCheck() {}

  /** Fails with what the contract says and what came, when they differ. */
  static void check(HttpResponse<?> response, byte[] body) {
    var request = response.request();
    var path = request.uri().getPath();
    var operation = CONTRACT.findOperation(path, HttpMethod.valueOf(request.method()));
    if (operation == null) return;
    var status = response.statusCode();
    var type = response.headers().firstValue("Content-Type").orElse(null);
    var declared = operation.getResponse(status) != null ? operation.getResponse(status) : operation.getDefaultResponse();
    var said = request.method() + " " + path + " → " + status;
    if (declared == null) throw new AssertionError(said + ": the contract documents no such answer of " + operation.getOperationId());
    if (type == null || body.length == 0) return;
    var media = type.split(";")[0].trim();
    if (!media.equals("application/json")) {
      // vertx-openapi loads only a few media types: the others an answer is served as are named in x-served-as
      var servedAs = String.valueOf(declared.getExtensions().get("x-served-as"));
      if (!declared.getContent().containsKey(media) && !servedAs.contains(media)) {
        throw new AssertionError(said + ": served as " + media + ", the contract says " + declared.getContent().keySet() + " " + servedAs);
      }
      return;
    }
    try {
      RESPONSES.validate(ValidatableResponse.create(status, Buffer.buffer(body), media), operation.getOperationId()).await();
    } catch (RuntimeException e) {
      throw new AssertionError(said + " is not what the contract says (" + operation.getOperationId() + "): " + e.getMessage()
          + "\n" + new String(body, java.nio.charset.StandardCharsets.UTF_8), e);
    }
  }
}
