package th.go.senate.workflow.reference;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Prefixes of business keys per process key (senate.reference.prefixes in application.yaml). */
@ConfigurationProperties("senate.reference")
public class ReferenceNumberProperties {

  private Map<String, String> prefixes = new LinkedHashMap<>();

  public Map<String, String> getPrefixes() {
    return prefixes;
  }

  public void setPrefixes(Map<String, String> prefixes) {
    this.prefixes = prefixes;
  }
}
