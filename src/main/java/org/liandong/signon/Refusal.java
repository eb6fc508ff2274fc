package org.liandong.signon;

/**
 * Why a sign-in through the provider did not open a session. The person lands on the login page
 * at {@code /#/sso/<code>}, which says it in their language (catalogue {@code login.sso.<code>});
 * the server's log says the detail.
 */
final class Refusal extends RuntimeException {
  enum Reason {
    /** The person cancelled at the provider, or the provider refused them. */
    DENIED("denied"),
    /** The answer was not the one this sign-in expects: another browser's, a replay, a token that does not verify. */
    FAILED("failed"),
    /** More than ten minutes passed between leaving for the provider and coming back. */
    EXPIRED("expired"),
    /** The provider's claims give no role here. */
    NO_ROLE("norole"),
    /** The account here is deactivated. */
    INACTIVE("inactive"),
    /** A local account has the name already; an admin links it to the subject. */
    TAKEN("taken"),
    /** The provider cannot be reached. */
    UNAVAILABLE("unavailable"),
    /** Too many refused sign-ins from this address. */
    LIMITED("limited");

    final String code;

    Reason(String code) {
      this.code = code;
    }
  }

  final Reason reason;

  Refusal(Reason reason, String detail) {
    super(reason.code + ": " + detail, null, false, false);
    this.reason = reason;
  }
}
