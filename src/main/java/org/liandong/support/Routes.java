package org.liandong.support;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/** A feature's handlers, each bound to an operation of the contract (openapi.yaml) by its operationId. */
public interface Routes {
  void mount(Operations operations);

  /** Where a feature binds its handlers; an operationId the contract does not have stops the start-up. */
  interface Operations {
    Operations on(String operationId, Handler<RoutingContext> handler);
  }
}
