package org.liandong.reach;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.ext.mail.LoginOption;
import io.vertx.ext.mail.MailClient;
import io.vertx.ext.mail.MailConfig;
import io.vertx.ext.mail.MailMessage;
import io.vertx.ext.mail.StartTLSOptions;
import org.liandong.config.Reach;

/**
 * E-mail through the configured SMTP server (Vert.x's mail client: STARTTLS when the server offers
 * it, TLS from the start with smtps://). Each mail's Message-ID carries its delivery's id, so a
 * receiver can drop a repeat.
 */
final class Mailer {
  private final MailClient client;
  private final Reach.Smtp smtp;

  Mailer(Vertx vertx, Reach.Smtp smtp, String ownHostname) {
    this.smtp = smtp;
    var config = new MailConfig().setHostname(smtp.host()).setPort(smtp.port()).setSsl(smtp.ssl())
        .setStarttls(StartTLSOptions.OPTIONAL).setLogin(smtp.user().isPresent() ? LoginOption.REQUIRED : LoginOption.DISABLED)
        .setKeepAlive(true).setMaxPoolSize(2).setConnectTimeout(10_000)
        // the name said in EHLO: the public address's host (finding the machine's own name may wait on DNS)
        .setOwnHostname(ownHostname);
    smtp.user().ifPresent(config::setUsername);
    smtp.password().ifPresent(config::setPassword);
    this.client = MailClient.createShared(vertx, config, "liandong-mail");
  }

  /** The Message-ID of a delivery's mail: the same on every try. */
  static String messageId(String deliveryId, String from) {
    return "<" + deliveryId + "." + from.substring(from.indexOf('@') + 1) + ">";
  }

  Future<Void> send(Outgoing d, Message words) {
    var parts = words.mail(d);
    var mail = new MailMessage().setFrom(smtp.from()).setTo(d.address()).setSubject(parts.subject())
        .setText(parts.plain()).setHtml(parts.html())
        .setHeaders(MultiMap.caseInsensitiveMultiMap().add("Message-ID", messageId(d.id(), smtp.from()))
            .add("X-Liandong-Delivery", d.id()));
    return client.sendMail(mail).mapEmpty();
  }
}
