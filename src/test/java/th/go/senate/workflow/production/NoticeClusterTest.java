package th.go.senate.workflow.production;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.internet.MimeMessage;
import th.go.senate.workflow.notice.NoticeJobHandler;
import th.go.senate.workflow.support.TestPostgres;

/**
 * Two nodes with running job executors on one PostgreSQL and one SMTP server (GreenMail): every notice written
 * on either node is sent exactly once across the cluster, by whichever node's job executor takes its job
 * (Camunda's job locking; the SLA timers' share of it is ClusterTest's); the daily digest is one job for both.
 */
@Tag("postgres")
class NoticeClusterTest {

  static final int NOTICES = 40;
  // Below the kernel's ephemeral range (32768-60999): an outgoing connection of the suite can never hold it.
  static final int SMTP_PORT = Integer.getInteger("senate.test.smtp-port", 29251) + 1;

  private static final List<ConfigurableApplicationContext> nodes = new ArrayList<>();
  private static GreenMail smtp;

  @AfterAll
  static void stop() {
    nodes.forEach(node -> {
      if (node.isActive()) {
        node.close();
      }
    });
    if (smtp != null) {
      smtp.stop();
    }
  }

  @Test
  void eachNoticeIsSentOnceByOneOfTwoNodes() throws Exception {
    smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    String url = TestPostgres.createDatabase("senate_notice_cluster");
    JdbcTemplate db = new JdbcTemplate(new DriverManagerDataSource(url, "postgres", ""));
    Map<String, String> mail = Map.of("spring.mail.host", "127.0.0.1", "spring.mail.port", String.valueOf(SMTP_PORT),
        "senate.notice.retry-interval", "PT1S");
    CompletableFuture<ConfigurableApplicationContext> a =
        CompletableFuture.supplyAsync(() -> ClusterTest.startNode("noticeNodeA", url, mail));
    CompletableFuture<ConfigurableApplicationContext> b =
        CompletableFuture.supplyAsync(() -> ClusterTest.startNode("noticeNodeB", url, mail));
    nodes.add(a.get(4, TimeUnit.MINUTES));
    nodes.add(b.get(4, TimeUnit.MINUTES));
    ProcessEngine engine = nodes.get(0).getBean(ProcessEngine.class);
    assertThat(db.queryForObject("select count(*) from act_ru_job where handler_type_ = ?", Integer.class,
        th.go.senate.workflow.notice.BureauDigest.TYPE)).as("one daily digest job for two nodes started together")
        .isEqualTo(1);

    // A demo-less production start: one clerk of the bureau with an address, to whom the administrator assigns 40 tasks.
    org.camunda.bpm.engine.identity.User clerk = engine.getIdentityService().newUser("clusterClerk");
    clerk.setFirstName("เจ้าหน้าที่");
    clerk.setLastName("ทดสอบคลัสเตอร์");
    clerk.setEmail("cluster.clerk@example.com");
    engine.getIdentityService().saveUser(clerk);
    // a clerk of the bureau whose tasks these are: nobody is given a task outside its groups (identity/TaskHandOver)
    engine.getIdentityService().createMembership("clusterClerk", "officePresident");
    for (int i = 0; i < NOTICES; i++) {
      // Every other notice is written on node B, so that both job executors have notices to send.
      engine = nodes.get(i % 2).getBean(ProcessEngine.class);
      ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("petition", Map.of("channel",
          "LETTER", "petitionerName", "ผู้ร้อง " + i, "petitionerContact", "081-000-0000", "subject", "เรื่อง " + i,
          "details", "รายละเอียด", "receivedDate", "2026-11-26"));
      String task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();
      engine.getIdentityService().setAuthentication("admin", List.of("camunda-admin"));
      try {
        engine.getTaskService().setAssignee(task, "clusterClerk");
      } finally {
        engine.getIdentityService().clearAuthentication();
      }
    }
    assertThat(db.queryForObject("select count(*) from notice_outbox", Integer.class)).isEqualTo(NOTICES);

    ClusterTest.waitUntil(() -> db.queryForObject("select count(*) from notice_outbox where sent_at is not null",
        Integer.class) == NOTICES && db.queryForObject("select count(*) from act_ru_job where handler_type_ = ?",
        Integer.class, NoticeJobHandler.TYPE) == 0, Duration.ofMinutes(2), "every notice sent");

    MimeMessage[] received = smtp.getReceivedMessages();
    assertThat(received).hasSize(NOTICES);
    assertThat(Arrays.stream(received).map(NoticeClusterTest::messageId).distinct().count())
        .as("one message per outbox row").isEqualTo(NOTICES);
    // Camunda's job log: one successful execution per notice job, none twice.
    assertThat(db.queryForObject("select count(distinct job_id_) from act_hi_job_log where job_state_ = 2 "
        + "and job_def_type_ = ?", Integer.class, NoticeJobHandler.TYPE)).isEqualTo(NOTICES);
    assertThat(db.queryForObject("select count(*) from (select job_id_ from act_hi_job_log where job_state_ = 2 "
        + "and job_def_type_ = ? group by job_id_ having count(*) > 1) twice", Integer.class, NoticeJobHandler.TYPE))
        .as("no job executed twice").isZero();
    assertThat(db.queryForObject("select max(attempts) from notice_outbox", Integer.class)).isEqualTo(1);
    ClusterTest.log("notices sent by " + db.queryForList("select hostname_, count(*) from act_hi_job_log "
        + "where job_state_ = 2 and job_def_type_ = 'senate-notice' group by hostname_"));
    assertThat(db.queryForList("select distinct hostname_ from act_hi_job_log where job_state_ = 2 and job_def_type_ = ? "
        + "order by 1", String.class, NoticeJobHandler.TYPE)).containsExactly("noticeNodeA", "noticeNodeB");
  }

  private static String messageId(MimeMessage message) {
    try {
      return message.getMessageID();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
