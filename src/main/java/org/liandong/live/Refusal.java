package org.liandong.live;

/** A message or subscription the server will not carry out, with a stable code for clients. */
final class Refusal extends RuntimeException {
  final String code;

  Refusal(String code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  static Refusal forbidden(String message) {
    return new Refusal("forbidden", message);
  }

  static Refusal notFound(Channel channel) {
    return new Refusal("not_found", "there is no " + channel.kind() + " '" + channel.id() + "'");
  }
}
