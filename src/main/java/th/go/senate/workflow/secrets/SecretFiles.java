package th.go.senate.workflow.secrets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Secrets from files, the convention of Docker secrets and of the postgres image: an environment variable
 * {@code X_FILE} names a file whose content is the value of {@code X} ({@code SENATE_DB_PASSWORD_FILE=
 * /run/secrets/db_password} stands for {@code SENATE_DB_PASSWORD}). The value then never appears in
 * {@code docker inspect} or in the process environment. Only the platform's own variables count
 * ({@code SENATE_*}, {@code CAMUNDA_BPM_*}, {@code SPRING_*}); the file's content is taken whole, without its
 * final line break. Setting both {@code X} and {@code X_FILE}, or naming a file that cannot be read, stops the
 * start with a message that says which: a secret silently missing would be worse.
 *
 * <p>The values join the environment right after the real one and are read exactly like it (Spring's relaxed
 * names: {@code CAMUNDA_BPM_ADMINUSER_PASSWORD} is {@code camunda.bpm.admin-user.password}).
 * Registered in META-INF/spring.factories.
 */
public class SecretFiles implements EnvironmentPostProcessor, Ordered {

  static final String SUFFIX = "_FILE";
  static final List<String> PREFIXES = List.of("SENATE_", "CAMUNDA_BPM_", "SPRING_");
  /** Spring treats a source as the environment (relaxed names) when its name ends so. */
  static final String SOURCE_NAME = "senateSecretFiles-" + StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME;

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    PropertySource<?> system = environment.getPropertySources()
        .get(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
    if (!(system instanceof SystemEnvironmentPropertySource variables)) {
      return;
    }
    Map<String, Object> secrets = new LinkedHashMap<>();
    for (String name : variables.getPropertyNames()) {
      if (!name.endsWith(SUFFIX) || PREFIXES.stream().noneMatch(name::startsWith)) {
        continue;
      }
      String target = name.substring(0, name.length() - SUFFIX.length());
      if (variables.containsProperty(target)) {
        throw new IllegalStateException("ตั้งค่าทั้ง " + target + " และ " + name + " ไว้พร้อมกัน ให้เลือกอย่างใดอย่างหนึ่ง ("
            + "both " + target + " and " + name + " are set: keep one)");
      }
      Path file = Path.of(String.valueOf(variables.getProperty(name)));
      try {
        secrets.put(target, withoutFinalLineBreak(Files.readString(file, StandardCharsets.UTF_8)));
      } catch (IOException e) {
        throw new IllegalStateException("อ่านแฟ้มที่ " + name + " ระบุไม่ได้: " + file + " (cannot read the file named by "
            + name + ": " + e + ")", e);
      }
    }
    if (!secrets.isEmpty()) {
      environment.getPropertySources().addAfter(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
          new SystemEnvironmentPropertySource(SOURCE_NAME, secrets));
    }
  }

  /** A file written with echo or an editor ends in a line break that is not part of the secret. */
  static String withoutFinalLineBreak(String content) {
    if (content.endsWith("\r\n")) {
      return content.substring(0, content.length() - 2);
    }
    return content.endsWith("\n") ? content.substring(0, content.length() - 1) : content;
  }

  @Override
  public int getOrder() {
    // Before Spring Boot reads the configuration files, whose placeholders (${SENATE_DB_PASSWORD}) use these.
    return Ordered.HIGHEST_PRECEDENCE + 5;
  }
}
