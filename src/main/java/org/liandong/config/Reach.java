package org.liandong.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * Where notices go beyond the app (docs/reach.md): e-mail through an SMTP server, text messages
 * through an SMS gateway, and the address the links in them open. Unset, nothing is sent and
 * nothing is waiting to be sent.
 */
public record Reach(Optional<Smtp> smtp, Optional<Sms> sms, URI publicUrl, int maxAttempts, int everySeconds) {

  /** LIANDONG_SMTP_URL and LIANDONG_MAIL_FROM: the server, how to reach it and whom the mail is from. */
  public record Smtp(String host, int port, boolean ssl, Optional<String> user, Optional<String> password, String from) {
    @Override
    public String toString() {
      return (ssl ? "smtps://" : "smtp://") + host + ":" + port;
    }
  }

  /** LIANDONG_SMS_URL and LIANDONG_SMS_SECRET: the gateway a signed request is posted to. */
  public record Sms(URI url, String secret) {
    @Override
    public String toString() {
      return url.toString();
    }
  }

  public boolean any() {
    return smtp.isPresent() || sms.isPresent();
  }

  static Reach from(Env env) {
    return new Reach(smtp(env), sms(env), publicUrl(env), env.integer("LIANDONG_DELIVERY_ATTEMPTS", 8, 1, 20),
        env.integer("LIANDONG_DELIVERY_SECONDS", 5, 1, 86_400));
  }

  private static Optional<Smtp> smtp(Env env) {
    return env.optional("LIANDONG_SMTP_URL").map(text -> {
      // the URL may hold a password: a refusal does not repeat it
      var url = uri("LIANDONG_SMTP_URL", text, "smtp://host:25 or smtps://user:password@host:465");
      var ssl = "smtps".equals(url.getScheme());
      if (!ssl && !"smtp".equals(url.getScheme()) || url.getHost() == null) {
        throw new Env.BadSetting("LIANDONG_SMTP_URL", "…", "smtp://host:25 or smtps://user:password@host:465");
      }
      var info = Optional.ofNullable(url.getUserInfo());
      var user = env.optional("LIANDONG_SMTP_USER").or(() -> info.map(i -> i.split(":", 2)[0]));
      var password = env.optional("LIANDONG_SMTP_PASSWORD").or(() -> info.filter(i -> i.contains(":")).map(i -> i.split(":", 2)[1]));
      var from = env.optional("LIANDONG_MAIL_FROM").orElseThrow(() ->
          new Env.BadSetting("LIANDONG_MAIL_FROM", "", "the sender's address, e.g. liandong@zhenjiang.gov.cn (needed with LIANDONG_SMTP_URL)"));
      if (!from.matches("[^@\\s<>]+@[^@\\s<>]+")) throw new Env.BadSetting("LIANDONG_MAIL_FROM", from, "an e-mail address");
      return new Smtp(url.getHost(), url.getPort() > 0 ? url.getPort() : ssl ? 465 : 25, ssl, user, password, from);
    });
  }

  private static Optional<Sms> sms(Env env) {
    return env.optional("LIANDONG_SMS_URL").map(text -> {
      var url = uri("LIANDONG_SMS_URL", text, "an http:// or https:// address");
      if (!("http".equals(url.getScheme()) || "https".equals(url.getScheme())) || url.getHost() == null) {
        throw new Env.BadSetting("LIANDONG_SMS_URL", text, "an http:// or https:// address");
      }
      var secret = env.optional("LIANDONG_SMS_SECRET").filter(s -> s.length() >= 16).orElseThrow(() ->
          new Env.BadSetting("LIANDONG_SMS_SECRET", "…", "at least 16 characters, shared with the gateway (needed with LIANDONG_SMS_URL)"));
      return new Sms(url, secret);
    });
  }

  private static URI publicUrl(Env env) {
    var text = env.text("LIANDONG_PUBLIC_URL", "http://localhost:8080");
    var url = uri("LIANDONG_PUBLIC_URL", text, "the address people open Liandong at, e.g. https://liandong.zhenjiang.gov.cn");
    if (!("http".equals(url.getScheme()) || "https".equals(url.getScheme())) || url.getHost() == null) {
      throw new Env.BadSetting("LIANDONG_PUBLIC_URL", text, "an http:// or https:// address");
    }
    return URI.create(text.replaceAll("/+$", ""));
  }

  private static URI uri(String name, String text, String accepted) {
    try {
      return new URI(text);
    } catch (URISyntaxException e) {
      throw new Env.BadSetting(name, "…", accepted);
    }
  }
}
