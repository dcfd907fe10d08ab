package th.go.senate.workflow;

import java.util.TimeZone;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import th.go.senate.workflow.calendar.BangkokTime;

/**
 * The Senate Secretariat's process platform: one Spring Boot application embedding the Camunda 7
 * engine, its REST API and its webapps (Tasklist, Cockpit, Admin).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SenateWorkflowApplication {

  public static void main(String[] args) {
    TimeZone.setDefault(TimeZone.getTimeZone(BangkokTime.ZONE_ID));
    SpringApplication.run(SenateWorkflowApplication.class, args);
  }
}
