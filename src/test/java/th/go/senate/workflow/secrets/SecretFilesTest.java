package th.go.senate.workflow.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * {@code X_FILE} variables stand for {@code X} (Docker secrets). The end-to-end use, a real start with the
 * administrator's password and the integrity key from files, is in production/MigrationCrashTest.
 */
class SecretFilesTest {

  @TempDir Path dir;

  @Test
  void aFileVariableGivesItsContentWithoutTheFinalLineBreak() throws Exception {
    Path password = Files.writeString(dir.resolve("db_password"), "s3cret ทดสอบ\n");
    Path admin = Files.writeString(dir.resolve("admin_password"), "Adm1n-Pass!\r\n");
    StandardEnvironment environment = environment(Map.of("SENATE_DB_PASSWORD_FILE", password.toString(),
        "CAMUNDA_BPM_ADMINUSER_PASSWORD_FILE", admin.toString()));

    new SecretFiles().postProcessEnvironment(environment, null);

    assertThat(environment.getProperty("SENATE_DB_PASSWORD")).isEqualTo("s3cret ทดสอบ");
    // Relaxed names as for the real environment: the starter binds camunda.bpm.admin-user.password.
    assertThat(Binder.get(environment).bind("camunda.bpm.admin-user.password", String.class).get())
        .isEqualTo("Adm1n-Pass!");
  }

  @Test
  void otherVariablesEndingInFileAreLeftAlone() throws Exception {
    StandardEnvironment environment = environment(Map.of("KUBECONFIG_FILE", dir.resolve("missing").toString()));
    new SecretFiles().postProcessEnvironment(environment, null);
    assertThat(environment.getProperty("KUBECONFIG")).isNull();
  }

  @Test
  void bothTheValueAndItsFileAreRefused() throws Exception {
    Path key = Files.writeString(dir.resolve("key"), "abc");
    StandardEnvironment environment = environment(Map.of("SENATE_INTEGRITY_KEY", "xyz",
        "SENATE_INTEGRITY_KEY_FILE", key.toString()));
    assertThatThrownBy(() -> new SecretFiles().postProcessEnvironment(environment, null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("SENATE_INTEGRITY_KEY และ SENATE_INTEGRITY_KEY_FILE");
  }

  @Test
  void anUnreadableFileStopsTheStart() {
    StandardEnvironment environment = environment(Map.of("SENATE_DB_PASSWORD_FILE", dir.resolve("none").toString()));
    assertThatThrownBy(() -> new SecretFiles().postProcessEnvironment(environment, null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("อ่านแฟ้มที่ SENATE_DB_PASSWORD_FILE ระบุไม่ได้");
  }

  private static StandardEnvironment environment(Map<String, Object> variables) {
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
        new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
            new HashMap<>(variables)));
    return environment;
  }
}
