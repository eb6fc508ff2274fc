package org.liandong.accounts;

import io.vertx.core.Future;
import java.util.Optional;

/**
 * Where a person who signed in through the identity provider is sent to log out there too
 * (RP-initiated logout, docs/sso.md), given the ID token their session was opened with.
 */
public interface ProviderLogout {
  Future<Optional<String>> url(String idToken);

  /** No provider: logging out here is all there is. */
  static ProviderLogout none() {
    return idToken -> Future.succeededFuture(Optional.empty());
  }
}
