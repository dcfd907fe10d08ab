package th.go.senate.workflow.web;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Failed logins counted per client address, not per account: the address that keeps sending wrong passwords is
 * slowed down, the clerk whose id it guesses is not. After {@code freeFailures} failures within {@code window},
 * every further failure closes the address for a delay that starts at {@code firstDelay} and doubles up to
 * {@code maxDelay}; while closed, the address gets 429 without its password being checked. Failures are forgotten
 * once {@code window} has passed since the last one. A successful login does not clear them (an attacker with one
 * account of their own must not be able to reset their budget).
 *
 * <p>The state is per node and in memory; at most {@code maxAddresses} addresses are tracked (the oldest are
 * dropped first), so a flood of addresses cannot exhaust the heap.
 */
@ConfigurationProperties("senate.login-throttle")
public class LoginThrottle {

  private int freeFailures = 5;
  private Duration window = Duration.ofMinutes(15);
  private Duration firstDelay = Duration.ofSeconds(1);
  private Duration maxDelay = Duration.ofSeconds(60);
  private int maxAddresses = 10_000;

  private final Map<String, Entry> byAddress = new ConcurrentHashMap<>();

  private record Entry(int failures, Instant lastFailure, Instant closedUntil) {
  }

  /** How long the address is still closed, or {@link Duration#ZERO} if it may try now. */
  public Duration closedFor(String address, Instant now) {
    Entry entry = byAddress.get(address);
    if (entry == null || entry.closedUntil() == null || !entry.closedUntil().isAfter(now)) {
      return Duration.ZERO;
    }
    return Duration.between(now, entry.closedUntil());
  }

  /** Records a failed login of the address. */
  public void failed(String address, Instant now) {
    if (byAddress.size() >= maxAddresses && !byAddress.containsKey(address)) {
      prune(now);
    }
    byAddress.compute(address, (key, entry) -> {
      int failures = entry == null || entry.lastFailure().plus(window).isBefore(now) ? 1 : entry.failures() + 1;
      Instant closedUntil = null;
      if (failures > freeFailures) {
        int doublings = Math.min(failures - freeFailures - 1, 30);
        long millis = Math.min(firstDelay.toMillis() << doublings, maxDelay.toMillis());
        closedUntil = now.plusMillis(millis);
      }
      return new Entry(failures, now, closedUntil);
    });
  }

  /** Drops the addresses whose failures are forgotten; if still full, the one that failed longest ago. */
  private void prune(Instant now) {
    byAddress.values().removeIf(entry -> entry.lastFailure().plus(window).isBefore(now));
    while (byAddress.size() >= maxAddresses) {
      byAddress.entrySet().stream().min((a, b) -> a.getValue().lastFailure().compareTo(b.getValue().lastFailure()))
          .ifPresent(oldest -> byAddress.remove(oldest.getKey(), oldest.getValue()));
    }
  }

  /** Forgets every address (tests). */
  void clear() {
    byAddress.clear();
  }

  public int getFreeFailures() {
    return freeFailures;
  }

  public void setFreeFailures(int freeFailures) {
    this.freeFailures = freeFailures;
  }

  public Duration getWindow() {
    return window;
  }

  public void setWindow(Duration window) {
    this.window = window;
  }

  public Duration getFirstDelay() {
    return firstDelay;
  }

  public void setFirstDelay(Duration firstDelay) {
    this.firstDelay = firstDelay;
  }

  public Duration getMaxDelay() {
    return maxDelay;
  }

  public void setMaxDelay(Duration maxDelay) {
    this.maxDelay = maxDelay;
  }

  public int getMaxAddresses() {
    return maxAddresses;
  }

  public void setMaxAddresses(int maxAddresses) {
    this.maxAddresses = maxAddresses;
  }
}
