package th.go.senate.workflow.production;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

import th.go.senate.workflow.SenateWorkflowApplication;

/**
 * Outside the demo profile nothing creates an administrator by default: a start with none configured and none
 * in the database fails with a message that says what to set, and so does an administrator without a password
 * (Camunda's starter would otherwise use the id as the password).
 */
class AdministratorRequiredTest {

  private static Throwable rootCause(Throwable e) {
    while (e.getCause() != null && e.getCause() != e) {
      e = e.getCause();
    }
    return e;
  }

  private static void start(String database, String... extra) {
    List<String> args = new ArrayList<>(List.of("--server.port=0", "--senate.test.own-database=true",
        "--spring.datasource.url=jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1", "--camunda.bpm.job-execution.enabled=false",
        "--camunda.bpm.process-engine-name=" + database, "--logging.level.root=WARN",
        "--senate.integrity.identity-key=" + ClusterTest.TEST_INTEGRITY_KEY));
    args.addAll(List.of(extra));
    new SpringApplicationBuilder(SenateWorkflowApplication.class).run(args.toArray(String[]::new)).close();
  }

  @Test
  void noAdministratorNoStart() {
    assertThatThrownBy(() -> start("noadmin"))
        .satisfies(e -> org.assertj.core.api.Assertions.assertThat(rootCause(e).getMessage())
            .contains("ไม่ได้กำหนดผู้ดูแลระบบ").contains("CAMUNDA_BPM_ADMINUSER_ID"));
  }

  @Test
  void anAdministratorNeedsAPassword() {
    assertThatThrownBy(() -> start("nopassword", "--camunda.bpm.admin-user.id=operator"))
        .satisfies(e -> org.assertj.core.api.Assertions.assertThat(rootCause(e).getMessage())
            .contains("CAMUNDA_BPM_ADMINUSER_PASSWORD"));
  }
}
