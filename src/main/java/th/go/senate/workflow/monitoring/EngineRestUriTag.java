package th.go.senate.workflow.monitoring;

import java.util.List;

import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.uri.UriTemplate;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.web.filter.ServerHttpObservationFilter;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;

/**
 * Gives the engine REST API's requests a {@code uri} label in {@code http_server_requests_seconds}: Spring knows the
 * path pattern of its own controllers only, so every {@code /engine-rest} request was {@code uri="UNKNOWN"}. Jersey
 * knows the resource templates it matched ({@code /process-instance}, {@code /{id}}, {@code /variables}); joined, they
 * are the request's pattern ({@code /engine-rest/process-instance/{id}/variables}): ids and names stay out of the
 * label, and the number of values is bounded by Camunda's resources. A request that matched no resource keeps
 * Spring's label ({@code NOT_FOUND} or {@code UNKNOWN}). Registered on the engine REST API by MonitoringConfig.
 */
public class EngineRestUriTag implements ContainerResponseFilter {

  static final String PREFIX = "/engine-rest";

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    Object context = request.getProperty(ServerHttpObservationFilter.CURRENT_OBSERVATION_CONTEXT_ATTRIBUTE);
    if (!(context instanceof ServerRequestObservationContext observation)
        || !(request.getUriInfo() instanceof ExtendedUriInfo uriInfo)) {
      return;
    }
    String pattern = pattern(uriInfo.getMatchedTemplates());
    if (pattern != null) {
      observation.setPathPattern(pattern);
    }
  }

  /** Jersey lists the matched templates last match first. */
  static String pattern(List<UriTemplate> templates) {
    if (templates == null || templates.isEmpty()) {
      return null;
    }
    StringBuilder path = new StringBuilder(PREFIX);
    for (int i = templates.size() - 1; i >= 0; i--) {
      String template = templates.get(i).getTemplate();
      if (template.isEmpty() || template.equals("/")) {
        continue;
      }
      if (!template.startsWith("/")) {
        path.append('/');
      }
      path.append(template.endsWith("/") ? template.substring(0, template.length() - 1) : template);
    }
    return path.toString();
  }
}
