package org.liandong.signon;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A person's browser reduced to what the sign-in needs: cookies, and the provider's own login
 * form filled in and sent (Keycloak's page as it serves it). Redirects are not followed, so a
 * test sees each step: the address the server sends the browser to, and where the provider
 * sends it back.
 */
public final class SignInAgent {
  private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");

  private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
  /** As a browser does, 127.0.0.1 counts as a secure context: its Secure cookies (Keycloak's) go back over http. */
  private final CookieHandler local = new CookieHandler() {
    @Override
    public Map<String, List<String>> get(URI uri, Map<String, List<String>> headers) throws IOException {
      return cookies.get(secure(uri), headers);
    }

    @Override
    public void put(URI uri, Map<String, List<String>> headers) throws IOException {
      cookies.put(secure(uri), headers);
    }
  };
  private final HttpClient http = HttpClient.newBuilder().cookieHandler(local).followRedirects(HttpClient.Redirect.NEVER)
      .connectTimeout(Duration.ofSeconds(5)).build();

  private static URI secure(URI uri) {
    return URI.create(uri.toString().replaceFirst("^http:", "https:"));
  }

  public HttpResponse<String> get(String url) {
    try {
      return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The value of a cookie this browser holds for the address, or null. */
  public String cookie(String url, String name) {
    return cookies.getCookieStore().get(secure(URI.create(url))).stream().filter(c -> c.getName().equals(name))
        .map(java.net.HttpCookie::getValue).filter(v -> !v.isEmpty()).findFirst().orElse(null);
  }

  /**
   * At the provider's authorization address: its login page, the person's name and password in
   * its form, and the address the provider sends the browser back to (the callback with a code).
   */
  public String logInAtProvider(String authorization, String username, String password) {
    var page = get(authorization);
    if (page.statusCode() == 302) return location(page); // a session at the provider already: straight back
    var action = FORM_ACTION.matcher(page.body());
    if (!action.find()) throw new AssertionError("no login form at " + authorization + ": " + page.statusCode());
    var posted = post(action.group(1).replace("&amp;", "&"), Map.of("username", username, "password", password));
    if (posted.statusCode() != 302) {
      throw new AssertionError("the provider did not let " + username + " in: " + posted.statusCode() + " " + posted.body().replaceAll("(?s)<head>.*</head>", "").replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").strip());
    }
    return location(posted);
  }

  private HttpResponse<String> post(String url, Map<String, String> fields) {
    var body = String.join("&", fields.entrySet().stream().map(e -> Keycloak.encode(e.getKey()) + "=" + Keycloak.encode(e.getValue())).toList());
    try {
      return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public static String location(HttpResponse<?> answer) {
    return answer.headers().firstValue("Location").orElseThrow(() -> new AssertionError("no Location in " + answer.statusCode()));
  }
}
