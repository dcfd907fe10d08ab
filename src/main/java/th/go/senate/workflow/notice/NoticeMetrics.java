package th.go.senate.workflow.notice;

import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Notice metrics for Prometheus, labelled by the notice's kind (its template) only, never a person:
 * {@code senate_notices_sent_total}, {@code senate_notices_failed_total} (each failed SMTP attempt; the job's
 * incident after the last one shows in Cockpit) and {@code senate_notices_skipped_total{reason}} (a recipient
 * without an e-mail address, a group without members).
 */
@Component
public class NoticeMetrics {

  private final MeterRegistry registry;

  public NoticeMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  public void sent(String kind) {
    afterCommit(() -> counter("senate.notices.sent", "Notices accepted by the SMTP server", kind).increment());
  }

  public void failed(String kind) {
    afterCommit(() -> counter("senate.notices.failed", "Failed attempts to send a notice", kind).increment());
  }

  public void skipped(String kind, String reason) {
    afterCommit(() -> Counter.builder("senate.notices.skipped").description("Notices not written: no address")
        .tags("kind", kind, "reason", reason).register(registry).increment());
  }

  private Counter counter(String name, String description, String kind) {
    return Counter.builder(name).description(description).tag("kind", kind).register(registry);
  }

  private static void afterCommit(Runnable action) {
    CommandContext context = Context.getCommandContext();
    if (context == null) {
      action.run();
    } else {
      context.getTransactionContext().addTransactionListener(TransactionState.COMMITTED, committed -> action.run());
    }
  }
}
