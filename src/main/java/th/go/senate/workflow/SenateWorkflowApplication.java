package th.go.senate.workflow;

import java.util.TimeZone;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The Senate Secretariat's process platform: one Spring Boot application embedding the Camunda 7
 * engine, its REST API and its webapps (Tasklist, Cockpit, Admin).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SenateWorkflowApplication {

  /** Every deadline of the Secretariat is stated in Bangkok time, whatever zone the host runs in. */
  public static final String ZONE_ID = "Asia/Bangkok";

  public static void main(String[] args) {
    TimeZone.setDefault(TimeZone.getTimeZone(ZONE_ID));
    SpringApplication.run(SenateWorkflowApplication.class, args);
  }
}
