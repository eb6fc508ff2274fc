package org.liandong.reach;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Department group robots, each in its platform's documented format (docs/reach.md): 企业微信 (a
 * markdown message to the webhook with its key), 钉钉 (markdown; with a secret, the URL signed by
 * timestamp and sign), 飞书 (an interactive card; with a secret, timestamp and sign in the body),
 * and a generic JSON webhook signed as the SMS gateway's requests are. The platforms answer 200
 * with an error code of their own: anything but 0 is a failed try.
 */
final class Webhooks {
  static final List<String> PLATFORMS = List.of("wecom", "dingtalk", "feishu", "generic");

  private final HttpClient http;
  private final Clock clock;
  private final Message words;

  Webhooks(Vertx vertx, Clock clock, Message words) {
    this.http = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(10_000));
    this.clock = clock;
    this.words = words;
  }

  /** 钉钉: Base64 of HMAC-SHA256 under the secret of {@code <millis>\n<secret>}, URL-encoded. */
  static String dingtalkSign(String secret, long millis) {
    var signed = Hmac.sha256(secret.getBytes(StandardCharsets.UTF_8), (millis + "\n" + secret).getBytes(StandardCharsets.UTF_8));
    return URLEncoder.encode(Base64.getEncoder().encodeToString(signed), StandardCharsets.UTF_8);
  }

  /** 飞书: Base64 of HMAC-SHA256 keyed by {@code <seconds>\n<secret>} over nothing. */
  static String feishuSign(String secret, long seconds) {
    return Base64.getEncoder().encodeToString(Hmac.sha256((seconds + "\n" + secret).getBytes(StandardCharsets.UTF_8), new byte[0]));
  }

  Future<Void> send(Outgoing d) {
    var robot = d.robot();
    var platform = (String) robot.get("platform");
    var url = (String) robot.get("url");
    var secret = (String) robot.get("secret");
    var now = clock.instant();
    var title = words.title(d);
    var text = words.markdown(d);
    var headers = new java.util.LinkedHashMap<String, String>();
    JsonObject body;
    switch (platform) {
      case "wecom" -> body = new JsonObject().put("msgtype", "markdown").put("markdown", new JsonObject().put("content", text));
      case "dingtalk" -> {
        body = new JsonObject().put("msgtype", "markdown").put("markdown", new JsonObject().put("title", title).put("text", text));
        if (secret != null) url += (url.contains("?") ? "&" : "?") + "timestamp=" + now.toEpochMilli() + "&sign=" + dingtalkSign(secret, now.toEpochMilli());
      }
      case "feishu" -> {
        body = new JsonObject().put("msg_type", "interactive").put("card", new JsonObject()
            .put("header", new JsonObject().put("title", new JsonObject().put("tag", "plain_text").put("content", title)))
            .put("elements", List.of(new JsonObject().put("tag", "div").put("text", new JsonObject().put("tag", "lark_md").put("content", text)))));
        if (secret != null) body.put("timestamp", Long.toString(now.getEpochSecond())).put("sign", feishuSign(secret, now.getEpochSecond()));
      }
      default -> {
        body = new JsonObject().put("id", d.id()).put("kind", d.text("kind")).put("title", title).put("text", text).put("link", words.link(d))
            .put("department", robot.get("departmentName"));
        var bytes = body.toBuffer().getBytes();
        headers.put(SmsGateway.TIMESTAMP, Long.toString(now.getEpochSecond()));
        headers.put(SmsGateway.SIGNATURE, SmsGateway.signature(secret == null ? "" : secret, now.getEpochSecond(), bytes));
      }
    }
    return post(url, body, headers);
  }

  private Future<Void> post(String url, JsonObject body, Map<String, String> headers) {
    var options = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(url).setTimeout(15_000)
        .putHeader("Content-Type", "application/json; charset=utf-8");
    headers.forEach(options::putHeader);
    return http.request(options).compose(request -> request.send(body.toBuffer())).compose(response -> response.body().compose(answer -> {
      var text = answer.toString(StandardCharsets.UTF_8);
      if (response.statusCode() / 100 != 2) return Future.failedFuture(DeliveryError.refused("the robot answered " + response.statusCode() + ": " + clip(text)));
      var code = platformCode(text);
      return code == 0 ? Future.<Void>succeededFuture() : Future.failedFuture(DeliveryError.refused("the robot refused the message: " + clip(text)));
    }));
  }

  /** The platforms' own result code in a 200 (errcode, code or StatusCode); 0 when the answer has none. */
  private static long platformCode(String text) {
    try {
      var json = new JsonObject(text);
      for (var field : List.of("errcode", "code", "StatusCode")) {
        if (json.getValue(field) instanceof Number n) return n.longValue();
      }
      return 0;
    } catch (RuntimeException notJson) {
      return 0;
    }
  }

  private static String clip(String text) {
    return text.length() > 200 ? text.substring(0, 200) + "…" : text;
  }
}
