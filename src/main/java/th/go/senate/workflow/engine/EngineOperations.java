package th.go.senate.workflow.engine;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import th.go.senate.workflow.calendar.BangkokTime;

/**
 * What an operator sets on the engine, in one place:
 * <ul>
 * <li>the node's name ({@code senate.node-name}, {@code SENATE_NODE_NAME}; default the machine's host name): the
 * engine writes it into {@code ACT_HI_JOB_LOG.HOSTNAME_}, so that a job's execution can be traced to a node
 * (Camunda's default is the host's IP address and the engine name, {@code 127.0.0.1$default} on every node of a
 * container set-up);
 * <li>the nightly history-cleanup window, in Bangkok time, and its batch size ({@code senate.history-cleanup.*}).
 * Camunda reads a window time without a zone in the JVM's default zone; the window is therefore handed to it with
 * Bangkok's offset ({@code 01:00+0700}), which it honours whatever zone the host (or a test JVM) runs in.
 * </ul>
 */
@Component
public class EngineOperations extends AbstractProcessEnginePlugin {

  private static final DateTimeFormatter CAMUNDA_TIME = DateTimeFormatter.ofPattern("HH:mmxx");

  private final String nodeName;
  private final String windowStart;
  private final String windowEnd;
  private final int batchSize;

  public EngineOperations(@Value("${senate.node-name:}") String nodeName,
      @Value("${senate.history-cleanup.window-start:}") String windowStart,
      @Value("${senate.history-cleanup.window-end:}") String windowEnd,
      @Value("${senate.history-cleanup.batch-size:500}") int batchSize) {
    this.nodeName = nodeName.isBlank() ? machineName() : nodeName.trim();
    this.windowStart = windowStart.trim();
    this.windowEnd = windowEnd.trim();
    this.batchSize = batchSize;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setHostname(nodeName);
    if (!windowStart.isEmpty() || !windowEnd.isEmpty()) {
      configuration.setHistoryCleanupBatchWindowStartTime(bangkok("window-start", windowStart));
      configuration.setHistoryCleanupBatchWindowEndTime(bangkok("window-end", windowEnd));
    }
    // Camunda accepts 1..500 and refuses anything else at start.
    configuration.setHistoryCleanupBatchSize(batchSize);
  }

  public String nodeName() {
    return nodeName;
  }

  /** "HH:mm" in Bangkok time as Camunda's "HH:mmZ" with Bangkok's offset. */
  static String bangkok(String name, String time) {
    try {
      LocalTime local = LocalTime.parse(time);
      ZoneOffset offset = BangkokTime.ZONE.getRules().getOffset(Instant.now());
      return local.atOffset(offset).format(CAMUNDA_TIME);
    } catch (DateTimeParseException e) {
      throw new IllegalStateException("senate.history-cleanup." + name + " ต้องเป็นเวลา HH:mm ตามเวลากรุงเทพฯ "
          + "(must be a Bangkok time HH:mm): " + time, e);
    }
  }

  private static String machineName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      String env = System.getenv("HOSTNAME");
      return env == null || env.isBlank() ? "senate-workflow" : env;
    }
  }
}
