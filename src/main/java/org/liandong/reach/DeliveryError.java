package org.liandong.reach;

/**
 * Why a try of a delivery failed, as the admins read it in their language ({@code
 * reach.reason.<reason>}), beside what the other side said (the message, kept as it came).
 */
final class DeliveryError extends RuntimeException {
  enum Reason {
    /** The person has no address for the channel any more, or is deactivated: no retry can help. */
    noAddress,
    /** The server no longer sends by the channel: no retry can help. */
    notConfigured,
    /** The mail server, the gateway or the robot's platform answered and refused it. */
    refused,
    /** No answer: the other side could not be reached, or did not answer in time. */
    unreachable
  }

  final Reason reason;

  private DeliveryError(Reason reason, String detail) {
    super(detail);
    this.reason = reason;
  }

  static DeliveryError noAddress(String channel) {
    return new DeliveryError(Reason.noAddress, "no " + channel + " address, or the account is deactivated");
  }

  static DeliveryError notConfigured(String setting) {
    return new DeliveryError(Reason.notConfigured, setting + " is not set");
  }

  static DeliveryError refused(String detail) {
    return new DeliveryError(Reason.refused, detail);
  }

  /** A retry cannot help: the delivery fails at once. */
  boolean isFinal() {
    return reason == Reason.noAddress || reason == Reason.notConfigured;
  }

  /** The reason of any failed try: the mail client's refusal (an SMTP reply) is the server's answer; anything else unreached. */
  static Reason of(Throwable error) {
    if (error instanceof DeliveryError e) return e.reason;
    if (error instanceof io.vertx.ext.mail.SMTPException) return Reason.refused;
    return Reason.unreachable;
  }
}
