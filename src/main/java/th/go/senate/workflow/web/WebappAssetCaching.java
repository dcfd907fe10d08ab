package th.go.senate.workflow.web;

import java.io.IOException;
import java.net.URL;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * How long a browser keeps the webapps' static files (Tasklist, Cockpit, Admin, Welcome), safely across upgrades.
 * Camunda's index pages load its bundles as {@code lib/deps.js?bust=7.24.0}: the {@code bust} value is Camunda's
 * version, so a file of Camunda's own webjar requested with it can be kept for a year, unasked ({@code immutable}):
 * the next Camunda version changes the URL. The Secretariat's own files in the same folders (config.js, locales,
 * senate-webapps.js, the KPI plugin) change with the platform, not with Camunda, while their URLs carry the same
 * {@code bust}: they, and every static file requested without {@code bust} (fonts, images), get {@code no-cache} -
 * the browser keeps them but asks each time, and an unchanged file costs a 304 (Last-Modified) instead of its bytes.
 * Index pages, the API and everything else are left as they are. Compression is the server's
 * ({@code server.compression} in application.yaml). docs/performance-webapps.md has the figures.
 */
@Configuration
@EnableConfigurationProperties(WebappAssetCaching.Settings.class)
public class WebappAssetCaching {

  /** {@code senate.webapp-assets.*}. */
  @ConfigurationProperties("senate.webapp-assets")
  public static class Settings {
    /** Off: no Cache-Control from this filter at all (the platform before issue 13; the benchmark's "before"). */
    private boolean enabled = true;
    /** How long a browser keeps a versioned file of Camunda's webjar without asking; 0 turns long caching off. */
    private Duration versionedMaxAge = Duration.ofDays(365);

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    public Duration getVersionedMaxAge() {
      return versionedMaxAge;
    }

    public void setVersionedMaxAge(Duration versionedMaxAge) {
      this.versionedMaxAge = versionedMaxAge;
    }
  }

  static final String WEBJAR_ROOT = "META-INF/resources/webjars/camunda/";
  /** Part of the location of every file of Camunda's webjar (camunda-webapp-webjar-7.24.0.jar). */
  static final String WEBJAR_MARKER = "camunda-webapp-webjar";
  private static final Set<String> STATIC_FOLDERS = Set.of("app/", "lib/", "assets/");
  private static final Set<String> STATIC_TYPES = Set.of("js", "css", "json", "woff", "woff2", "ttf", "eot", "svg",
      "png", "jpg", "jpeg", "gif", "ico", "map");

  @Bean
  public FilterRegistrationBean<Filter> webappAssetCachingFilter(Settings settings,
      org.springframework.core.env.Environment environment) {
    String applicationPath = environment.getProperty("camunda.bpm.webapp.application-path", "/camunda");
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new Filter(applicationPath, settings));
    registration.setName("webapp-asset-caching");
    registration.addUrlPatterns(applicationPath + "/*");
    registration.setDispatcherTypes(DispatcherType.REQUEST);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
    return registration;
  }

  /** The policy of one request; the location of each file is looked up once (the set of files is fixed). */
  public static final class Filter extends OncePerRequestFilter {

    private final String prefix;
    private final Settings settings;
    /** Path below the webapps' root → whether the file is Camunda's own; only files that exist are kept. */
    private final Map<String, Boolean> camundasOwn = new ConcurrentHashMap<>();

    Filter(String applicationPath, Settings settings) {
      this.prefix = applicationPath.endsWith("/") ? applicationPath : applicationPath + "/";
      this.settings = settings;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      String policy = policy(request);
      if (policy != null) {
        response.setHeader("Cache-Control", policy);
      }
      chain.doFilter(request, response);
    }

    /** The Cache-Control of a request, or null to leave the response alone. */
    String policy(HttpServletRequest request) {
      if (!settings.isEnabled() || (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod()))) {
        return null;
      }
      String path = request.getRequestURI().substring(request.getContextPath().length());
      if (!path.startsWith(prefix)) {
        return null;
      }
      String file = path.substring(prefix.length());
      if (STATIC_FOLDERS.stream().noneMatch(file::startsWith) || file.contains("..") || !STATIC_TYPES.contains(type(file))) {
        return null;
      }
      Boolean own = camundasOwn.get(file);
      if (own == null) {
        URL location = WebappAssetCaching.class.getClassLoader().getResource(WEBJAR_ROOT + file);
        if (location == null) {
          return null; // a 404 is nobody's to keep
        }
        own = location.toString().contains(WEBJAR_MARKER);
        camundasOwn.put(file, own);
      }
      String bust = request.getParameter("bust");
      long maxAge = settings.getVersionedMaxAge().toSeconds();
      if (own && bust != null && !bust.isBlank() && maxAge > 0) {
        return "public, max-age=" + maxAge + ", immutable";
      }
      return "no-cache";
    }

    private static String type(String file) {
      int dot = file.lastIndexOf('.');
      int slash = file.lastIndexOf('/');
      return dot > slash ? file.substring(dot + 1).toLowerCase(java.util.Locale.ROOT) : "";
    }
  }
}
