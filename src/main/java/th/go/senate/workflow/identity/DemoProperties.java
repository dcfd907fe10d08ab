package th.go.senate.workflow.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Demo data: only the demo profile turns it on (application-demo.yaml); production never has it. */
@ConfigurationProperties("senate.demo")
public class DemoProperties {

  private boolean enabled;
  private String password;

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }
}
