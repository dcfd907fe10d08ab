package th.go.senate.workflow.notice;

import java.util.Date;
import java.util.Optional;

import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandlerConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * Sends one notice of the outbox: the job (a Camunda message job, type {@value #TYPE}, configuration = the
 * outbox row's id) is created in the transaction that wrote the row, so it exists only if the step committed,
 * and the job executor runs it after the commit. Camunda's job locking runs it on one node of a cluster; a
 * failure (SMTP down) rolls the attempt back and {@link NoticeRetryCommand} schedules the next one; after the
 * last an incident shows in Cockpit, whose "retry" sends it when the server is back.
 *
 * <p>The row is marked sent in the job's transaction, after the SMTP server accepted the message; a row already
 * marked is never sent again. Between the server's acceptance and the commit (a node dying in that instant) a
 * retry would send the mail once more: the Message-ID is the row's id in every attempt, so mail systems and
 * readers recognise the second copy as the same message.
 */
@Component
public class NoticeJobHandler implements JobHandler<NoticeJobHandler.OutboxRow> {

  public static final String TYPE = "senate-notice";
  private static final Logger LOG = LoggerFactory.getLogger(NoticeJobHandler.class);

  /** The job's configuration: the id of its outbox row. */
  public record OutboxRow(String id) implements JobHandlerConfiguration {
    @Override
    public String toCanonicalString() {
      return id;
    }
  }

  private final NoticeOutbox outbox;
  private final ObjectProvider<JavaMailSender> mail;
  private final NoticeProperties properties;
  private final NoticeMetrics metrics;

  public NoticeJobHandler(NoticeOutbox outbox, ObjectProvider<JavaMailSender> mail, NoticeProperties properties,
      NoticeMetrics metrics) {
    this.outbox = outbox;
    this.mail = mail;
    this.properties = properties;
    this.metrics = metrics;
  }

  @Override
  public String getType() {
    return TYPE;
  }

  @Override
  public void execute(OutboxRow configuration, ExecutionEntity execution, CommandContext commandContext,
      String tenantId) {
    Optional<NoticeOutbox.Notice> found = outbox.find(configuration.id());
    if (found.isEmpty()) {
      LOG.warn("Notice {} is no longer in the outbox; nothing sent", configuration.id());
      return;
    }
    NoticeOutbox.Notice notice = found.get();
    if (notice.sentAt() != null) {
      LOG.info("Notice {} was sent at {}; not sent again", notice.id(), notice.sentAt());
      return;
    }
    JavaMailSender sender = mail.getIfAvailable();
    if (sender == null) {
      throw new IllegalStateException("No SMTP server configured (spring.mail.host): notice " + notice.id()
          + " stays in the outbox");
    }
    try {
      MimeMessage message = message(sender, notice.id());
      message.setFrom(new InternetAddress(properties.getFrom(), false));
      message.setRecipients(MimeMessage.RecipientType.TO, InternetAddress.parse(notice.recipient(), false));
      message.setSubject(notice.subject(), "UTF-8");
      message.setText(notice.body(), "UTF-8");
      message.setSentDate(ClockUtil.getCurrentTime());
      sender.send(message);
    } catch (MessagingException e) {
      throw new IllegalStateException("Notice " + notice.id() + " could not be built: " + e.getMessage(), e);
    }
    outbox.sent(notice.id(), ClockUtil.getCurrentTime().toInstant());
    metrics.sent(notice.kind());
    LOG.info("Notice {} ({}) sent to {}", notice.id(), notice.kind(), notice.recipient());
  }

  /** A message whose Message-ID is the outbox row's id, the same in every attempt. */
  private static MimeMessage message(JavaMailSender sender, String id) {
    if (sender instanceof JavaMailSenderImpl impl) {
      return new MimeMessage(impl.getSession()) {
        @Override
        protected void updateMessageID() throws MessagingException {
          setHeader("Message-ID", "<" + id + "@senate-workflow>");
        }
      };
    }
    return sender.createMimeMessage();
  }

  @Override
  public OutboxRow newConfiguration(String canonicalString) {
    return new OutboxRow(canonicalString);
  }

  @Override
  public void onDelete(OutboxRow configuration, JobEntity jobEntity) {
    // The row stays: it is the record of what was (not) sent.
  }

  static Date in(java.time.Duration duration) {
    return new Date(ClockUtil.getCurrentTime().getTime() + duration.toMillis());
  }
}
