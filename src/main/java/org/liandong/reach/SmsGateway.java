package org.liandong.reach;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HexFormat;
import org.liandong.config.Reach;

/**
 * Text messages through the SMS gateway (docs/reach.md): a JSON POST {@code {id, to, text}},
 * signed with HMAC-SHA256 over {@code <timestamp>.<body>} under the shared secret, the timestamp
 * (seconds) and the signature in headers; any 2xx is taken as accepted.
 */
final class SmsGateway {
  static final String TIMESTAMP = "X-Liandong-Timestamp";
  static final String SIGNATURE = "X-Liandong-Signature";

  private final HttpClient http;
  private final Reach.Sms sms;
  private final Clock clock;

  SmsGateway(Vertx vertx, Reach.Sms sms, Clock clock) {
    this.sms = sms;
    this.clock = clock;
    this.http = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(10_000).setSsl("https".equals(sms.url().getScheme())));
  }

  /** HMAC-SHA256 of {@code <timestamp>.<body>} under the secret, in lower-case hex. */
  static String signature(String secret, long timestamp, byte[] body) {
    var prefix = (timestamp + ".").getBytes(StandardCharsets.UTF_8);
    var signed = new byte[prefix.length + body.length];
    System.arraycopy(prefix, 0, signed, 0, prefix.length);
    System.arraycopy(body, 0, signed, prefix.length, body.length);
    return HexFormat.of().formatHex(Hmac.sha256(secret.getBytes(StandardCharsets.UTF_8), signed));
  }

  Future<Void> send(Outgoing d, Message words) {
    var body = new JsonObject().put("id", d.id()).put("to", d.address()).put("text", words.sms(d)).toBuffer();
    long timestamp = clock.instant().getEpochSecond();
    var options = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(sms.url().toString()).setTimeout(15_000)
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .putHeader(TIMESTAMP, Long.toString(timestamp))
        .putHeader(SIGNATURE, signature(sms.secret(), timestamp, body.getBytes()));
    return http.request(options).compose(request -> request.send(body)).compose(response -> response.body().compose(answer ->
        response.statusCode() / 100 == 2 ? Future.<Void>succeededFuture()
            : Future.failedFuture(DeliveryError.refused("the SMS gateway answered " + response.statusCode() + ": " + clip(answer)))));
  }

  private static String clip(Buffer answer) {
    var text = answer.toString(StandardCharsets.UTF_8);
    return text.length() > 200 ? text.substring(0, 200) + "…" : text;
  }
}
