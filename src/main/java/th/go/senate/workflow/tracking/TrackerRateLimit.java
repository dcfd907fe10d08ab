package th.go.senate.workflow.tracking;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * At most {@code senate.tracking.attempts} look-ups per client address in each {@code senate.tracking.window}
 * (every look-up counts, found or not, so that the answer to an over-limit request says nothing about the code).
 * Kept in the node's memory: behind a load balancer with n nodes a client gets at most n times the limit, which
 * still makes guessing a code hopeless; the reverse proxy may limit /public/ as well.
 */
@Component
public class TrackerRateLimit {

  private record Window(Instant start, int count) {
  }

  private final TrackingProperties properties;
  private final Map<String, Window> windows = new ConcurrentHashMap<>();

  public TrackerRateLimit(TrackingProperties properties) {
    this.properties = properties;
  }

  /** Counts a look-up of the client; false when the client is over its limit. */
  public boolean allow(String client) {
    Instant now = Instant.now();
    if (windows.size() > 50_000) {
      windows.values().removeIf(window -> window.start().plus(properties.getWindow()).isBefore(now));
    }
    Window window = windows.compute(client, (key, current) ->
        current == null || current.start().plus(properties.getWindow()).isBefore(now)
            ? new Window(now, 1) : new Window(current.start(), current.count() + 1));
    return window.count() <= properties.getAttempts();
  }

  /** Forgets every client (tests). */
  void reset() {
    windows.clear();
  }
}
