package th.go.senate.workflow.notice;

import org.camunda.bpm.engine.impl.cmd.DefaultJobRetryCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultFailedJobCommandFactory;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobCommandFactory;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;

/**
 * What happens after a failed attempt to send a notice (the engine's failed-job command, in its own
 * transaction): one retry less, the next attempt {@code senate.notice.retry-interval} later (Camunda's default
 * would retry at once, so a short SMTP outage would use up every attempt in seconds), the error on the outbox
 * row and the failure counted. The engine's own handling does the rest: with no retry left, an incident.
 * Every other job keeps Camunda's default handling.
 */
public class NoticeRetryCommand extends DefaultJobRetryCmd {

  /** The engine's factory of failed-job commands, with notices handled here. */
  public static FailedJobCommandFactory factory(NoticeProperties properties, NoticeOutbox outbox,
      NoticeMetrics metrics) {
    DefaultFailedJobCommandFactory standard = new DefaultFailedJobCommandFactory();
    return new FailedJobCommandFactory() {
      @Override
      public Command<Object> getCommand(String jobId, Throwable exception) {
        return new NoticeRetryCommand(jobId, exception, standard.getCommand(jobId, exception), properties, outbox,
            metrics);
      }
    };
  }

  private final Command<Object> standard;
  private final NoticeProperties properties;
  private final NoticeOutbox outbox;
  private final NoticeMetrics metrics;

  NoticeRetryCommand(String jobId, Throwable exception, Command<Object> standard, NoticeProperties properties,
      NoticeOutbox outbox, NoticeMetrics metrics) {
    super(jobId, exception);
    this.standard = standard;
    this.properties = properties;
    this.outbox = outbox;
    this.metrics = metrics;
  }

  @Override
  public Object execute(CommandContext commandContext) {
    JobEntity job = getJob();
    if (job == null || !NoticeJobHandler.TYPE.equals(job.getJobHandlerType())) {
      return standard.execute(commandContext);
    }
    job.unlock();
    logException(job);
    decrementRetries(job);
    if (job.getRetries() > 0) {
      job.setDuedate(NoticeJobHandler.in(properties.getRetryInterval()));
    }
    notifyAcquisition(commandContext);
    String row = job.getJobHandlerConfigurationRaw();
    outbox.failed(row, exception == null ? null : String.valueOf(exception.getMessage()));
    outbox.find(row).ifPresent(notice -> metrics.failed(notice.kind()));
    return null;
  }
}
