package th.go.senate.workflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import th.go.senate.workflow.support.PlatformTest;

/**
 * Issue 12 §3: an outsider who knows a clerk's id cannot keep the clerk out, on engine-rest and the webapps' login
 * alike, nor stop the metrics scrape: failed logins are throttled per client address (the address as Tomcat's
 * RemoteIpValve takes it from the proxy's X-Forwarded-For), not per account.
 */
class LoginThrottleTest extends PlatformTest {

  private static final AtomicInteger NEXT_ADDRESS = new AtomicInteger();

  @Autowired LoginThrottle throttle;
  private int suiteFreeFailures;
  private Duration suiteFirstDelay;

  @BeforeEach
  void productionBudget() {
    suiteFreeFailures = throttle.getFreeFailures();
    suiteFirstDelay = throttle.getFirstDelay();
    throttle.setFreeFailures(5); // application.yaml's value; the test profile lifts it for the rest of the suite
    throttle.setFirstDelay(Duration.ofSeconds(60)); // (1 s in production: long enough here for every probe)
  }

  @AfterEach
  void suiteBudget() {
    throttle.setFreeFailures(suiteFreeFailures);
    throttle.setFirstDelay(suiteFirstDelay);
    throttle.clear();
    // Camunda still stamps a (zero) lock time on a failed login; later tests move the engine clock back.
    identityService.unlockUser("burPrUser");
    identityService.unlockUser("demo");
  }

  @Test
  void wrongPasswordsFromOneAddressNeitherDelayNorLockTheClerkElsewhere() throws Exception {
    String attacker = address();
    String clerk = address();
    String profile = "/engine-rest/user/burPrUser/profile";

    // One wrong password, then the right one from another address: through at once (Camunda used to delay it).
    assertThat(basic("GET", profile, attacker, "burPrUser", "wrong").statusCode()).isEqualTo(401);
    assertThat(basic("GET", profile, clerk, "burPrUser", "demo").statusCode()).isEqualTo(200);
    // The attacker's own address keeps its five free failures, then is closed.
    for (int i = 2; i <= 6; i++) {
      assertThat(basic("GET", profile, attacker, "burPrUser", "wrong" + i).statusCode()).as("failure %d", i).isEqualTo(401);
      assertThat(basic("GET", profile, clerk, "burPrUser", "demo").statusCode()).as("clerk after failure %d", i)
          .isEqualTo(200);
    }
    HttpResponse<String> refused = basic("GET", profile, attacker, "burPrUser", "demo");
    assertThat(refused.statusCode()).as("even the right password, from the closed address").isEqualTo(429);
    assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(v -> assertThat(Integer.parseInt(v)).isBetween(1, 60));
    assertThat(refused.body()).contains("เข้าสู่ระบบไม่สำเร็จหลายครั้ง").doesNotContainPattern("[A-Za-z]{3,} [A-Za-z]{3,}");
    // Every route that checks a password is held for that address: the project's API, Actuator, the webapp login.
    assertThat(basic("GET", "/api/calendar/holidays?year=2026", attacker, "burPrUser", "demo").statusCode()).isEqualTo(429);
    assertThat(basic("GET", "/actuator/prometheus", attacker, "prometheus", "demo").statusCode()).isEqualTo(429);
    assertThat(webappLogin(attacker, "burPrUser", "demo")).isEqualTo(429);

    // The clerk works on: engine-rest, the webapps, and the account is neither delayed nor locked.
    assertThat(basic("GET", profile, clerk, "burPrUser", "demo").statusCode()).isEqualTo(200);
    assertThat(webappLogin(clerk, "burPrUser", "demo")).isEqualTo(200);
    assertThat(identityService.checkPassword("burPrUser", "demo")).isTrue();
    // Requests without credentials are not login attempts: the open health check answers the closed address.
    assertThat(send("GET", "/actuator/health", attacker, null).statusCode()).isEqualTo(200);
  }

  @Test
  void theWebappLoginCountsItsFailuresAndTheScrapeGoesOnFromItsOwnAddress() throws Exception {
    String attacker = address();
    String prometheus = address();
    for (int i = 1; i <= 3; i++) {
      assertThat(webappLogin(attacker, "demo", "wrong" + i)).as("webapp failure %d", i).isEqualTo(401);
      // wrong secrets for the scrape credential do not stop the scrape from its own address
      assertThat(basic("GET", "/actuator/prometheus", attacker, "prometheus", "wrong" + i).statusCode()).isEqualTo(401);
      assertThat(basic("GET", "/actuator/prometheus", prometheus, "prometheus", "demo").statusCode())
          .as("scrape after failure %d", i).isEqualTo(200);
    }
    assertThat(basic("GET", "/actuator/prometheus", attacker, "prometheus", "demo").statusCode()).isEqualTo(429);
    assertThat(webappLogin(attacker, "demo", "demo")).isEqualTo(429);
    assertThat(webappLogin(address(), "demo", "demo")).isEqualTo(200);
    assertThat(basic("GET", "/actuator/prometheus", address(), "demo", "demo").statusCode()).isEqualTo(200);
  }

  @Test
  void theDelayDoublesUpToItsCeilingAndIsForgottenAfterTheWindow() {
    LoginThrottle policy = new LoginThrottle();
    Instant t = Instant.parse("2026-12-01T02:00:00Z");
    for (int i = 1; i <= 5; i++) {
      policy.failed("198.51.100.1", t);
      assertThat(policy.closedFor("198.51.100.1", t)).as("free failure %d", i).isZero();
    }
    policy.failed("198.51.100.1", t);
    assertThat(policy.closedFor("198.51.100.1", t)).isEqualTo(Duration.ofSeconds(1));
    policy.failed("198.51.100.1", t);
    assertThat(policy.closedFor("198.51.100.1", t)).isEqualTo(Duration.ofSeconds(2));
    for (int i = 0; i < 10; i++) {
      policy.failed("198.51.100.1", t);
    }
    assertThat(policy.closedFor("198.51.100.1", t)).isEqualTo(Duration.ofSeconds(60));
    assertThat(policy.closedFor("198.51.100.1", t.plusSeconds(61))).isZero();
    assertThat(policy.closedFor("198.51.100.2", t)).as("another address").isZero();
    // 15 minutes after the last failure the address starts afresh with its free failures
    Instant later = t.plus(Duration.ofMinutes(16));
    policy.failed("198.51.100.1", later);
    assertThat(policy.closedFor("198.51.100.1", later)).isZero();
    // the number of tracked addresses is bounded
    policy.setMaxAddresses(100);
    for (int i = 0; i < 1000; i++) {
      policy.failed("10.0." + (i / 250) + "." + (i % 250), later);
    }
    assertThat(policy.closedFor("10.0.3.249", later)).isZero();
  }

  /** A fresh client address (RFC 2544's benchmarking range) for every call, so tests never share a budget. */
  private static String address() {
    int n = NEXT_ADDRESS.getAndIncrement();
    return "198.18." + (n / 250 % 250) + "." + (1 + n % 250);
  }

  private HttpResponse<String> basic(String method, String path, String address, String user, String password)
      throws Exception {
    return send(method, path, address, "Basic "
        + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
  }

  private HttpResponse<String> send(String method, String path, String address, String authorization) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("X-Forwarded-For", address)
        .method(method, HttpRequest.BodyPublishers.noBody());
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private int webappLogin(String address, String user, String password) throws Exception {
    CookieManager cookies = new CookieManager();
    HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
    browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/camunda/app/tasklist/default/"))
        .header("X-Forwarded-For", address).GET().build(), HttpResponse.BodyHandlers.discarding());
    String xsrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue).findFirst().orElse("");
    return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
        + "/camunda/api/admin/auth/user/default/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", xsrf)
        .header("X-Forwarded-For", address)
        .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password="
            + URLEncoder.encode(password, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString())
        .statusCode();
  }
}
