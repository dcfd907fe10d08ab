package th.go.senate.workflow.notice;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.MessageEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Lazy;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;

import th.go.senate.workflow.identity.SystemAuthority;

/**
 * The one way a notice is written: rendered from its template, one outbox row per recipient, and for each row a
 * message job of {@link NoticeJobHandler}, all in the current engine transaction (so a rolled-back step leaves
 * neither). Recipients are users of the engine's identity (Admin, or the directory it reads) with their e-mail
 * address; a user without one, or a group without members, is skipped, logged and counted, never an error.
 * Without an SMTP server ({@code spring.mail.host}) notices are off and nothing is written.
 */
@Service
public class Notices {

  private static final Logger LOG = LoggerFactory.getLogger(Notices.class);

  /** One addressee: a user of the identity (or none, for a petitioner) and the address. */
  public record Recipient(String userId, String name, String email) {
  }

  /** The case a notice is about. */
  public record About(String businessKey, String processInstanceId, String taskId) {
  }

  private final NoticeTemplates templates;
  private final NoticeOutbox outbox;
  private final NoticeProperties properties;
  private final NoticeMetrics metrics;
  private final IdentityService identity;
  private final SystemAuthority systemAuthority;
  private final boolean enabled;

  public Notices(NoticeTemplates templates, NoticeOutbox outbox, NoticeProperties properties, NoticeMetrics metrics,
      @Lazy IdentityService identity, SystemAuthority systemAuthority, ObjectProvider<JavaMailSender> mail) {
    this.templates = templates;
    this.outbox = outbox;
    this.properties = properties;
    this.metrics = metrics;
    this.identity = identity;
    this.systemAuthority = systemAuthority;
    this.enabled = mail.getIfAvailable() != null;
    if (!enabled) {
      LOG.warn("No SMTP server configured (spring.mail.host / SENATE_MAIL_HOST): e-mail notices are off");
    }
  }

  public boolean enabled() {
    return enabled;
  }

  public NoticeProperties properties() {
    return properties;
  }

  /**
   * Writes the notice {@code template} to each recipient with an address; {@code values} fill the template, and
   * each recipient's name is {@code recipientName}. Returns the ids of the rows written.
   */
  public List<String> send(String template, List<Recipient> recipients, Map<String, String> values, About about) {
    List<String> ids = new ArrayList<>();
    if (!enabled) {
      return ids;
    }
    CommandContext context = Context.getCommandContext();
    if (context == null) {
      throw new IllegalStateException("Notices are written inside an engine command (in its transaction)");
    }
    for (Recipient recipient : recipients) {
      if (recipient.email() == null || recipient.email().isBlank()) {
        LOG.warn("Notice {} about {} not sent to user {}: no e-mail address", template,
            about.businessKey(), recipient.userId());
        metrics.skipped(template, "no-email");
        continue;
      }
      Map<String, String> filled = new LinkedHashMap<>(values);
      filled.put("recipientName", recipient.name() == null || recipient.name().isBlank() ? "ท่าน" : recipient.name());
      NoticeTemplates.Rendered rendered = templates.render(template, filled);
      String id = outbox.insert(template, recipient.email().strip(), recipient.userId(), rendered.subject(),
          rendered.body(), about.businessKey(), about.processInstanceId(), about.taskId(),
          ClockUtil.getCurrentTime().toInstant());
      MessageEntity job = new MessageEntity();
      job.setJobHandlerType(NoticeJobHandler.TYPE);
      job.setJobHandlerConfiguration(new NoticeJobHandler.OutboxRow(id));
      job.setRetries(Math.max(1, properties.getAttempts()));
      // Due now: with ensureJobDueDateNotNull (application.yaml) the job executor acquires only jobs with a due date.
      job.setDuedate(ClockUtil.getCurrentTime());
      context.getJobManager().send(job);
      ids.add(id);
    }
    return ids;
  }

  /** The user, as a recipient (its address may be missing). */
  public List<Recipient> user(String userId) {
    if (userId == null) {
      return List.of();
    }
    User user = withoutAuthorization(() -> identity.createUserQuery().userId(userId).singleResult());
    if (user == null) {
      LOG.warn("Notice recipient {} is not a user of the identity; skipped", userId);
      metrics.skipped("user", "unknown-user");
      return List.of();
    }
    return List.of(recipient(user));
  }

  /** The members of a group, as recipients; none is logged and counted. */
  public List<Recipient> group(String groupId) {
    if (groupId == null || groupId.isBlank()) {
      return List.of();
    }
    List<User> members = withoutAuthorization(() -> identity.createUserQuery().memberOfGroup(groupId).list());
    if (members.isEmpty()) {
      LOG.warn("Notice to group {} not sent: the group has no members", groupId);
      metrics.skipped("group", "no-members");
    }
    return members.stream().map(Notices::recipient).toList();
  }

  /** A user's display name: first and last name, or the id. */
  public String nameOf(String userId) {
    if (userId == null) {
      return null;
    }
    User user = withoutAuthorization(() -> identity.createUserQuery().userId(userId).singleResult());
    return user == null ? userId : name(user);
  }

  private static Recipient recipient(User user) {
    return new Recipient(user.getId(), name(user), user.getEmail());
  }

  private static String name(User user) {
    String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
        + (user.getLastName() == null ? "" : user.getLastName())).strip();
    return name.isEmpty() ? user.getId() : name;
  }

  /**
   * Identity look-ups for a notice are the platform's, not the user's: a clerk who assigns a task may not be
   * allowed to read other users, and a timer runs with nobody logged in.
   */
  private <T> T withoutAuthorization(java.util.function.Supplier<T> query) {
    return systemAuthority.call(query);
  }
}
