package th.go.senate.workflow.webapp;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A Tasklist filter of one case, with the card variables of one of the platform's filters: the shared test database
 * holds many open tasks ahead of a test's own in the platform's filters. It comes last by priority (never the
 * default filter of another test), is chosen by clicking its name (Tasklist keeps the last chosen filter and
 * ignores a changed URL hash), and is deleted by {@link #close()}.
 */
final class CaseFilter implements AutoCloseable {

  private static final Duration TASKLIST_START = Duration.ofSeconds(120);

  private final FilterService filters;
  private final Filter filter;
  final String name;

  CaseFilter(FilterService filters, String like, String reference, TaskQuery query) {
    this.filters = filters;
    this.name = "เรื่อง " + reference;
    Filter model = filters.createFilterQuery().filterName(like).singleResult();
    Map<String, Object> properties = new HashMap<>(model.getProperties());
    properties.put("priority", 1000);
    this.filter = filters.newTaskFilter(name).setProperties(properties).setQuery(query);
    filters.saveFilter(filter);
  }

  /**
   * Opens Tasklist afresh (so that it reads the filters again) and chooses this filter. One navigation to the list's
   * URL without a fragment is a full load (a fragment alone would not be). A reload right after it (as this helper
   * did) interrupted the first load's module imports, and about one time in ten Tasklist then stayed on its splash
   * screen for good: it never asked for its scripts/config.js again (seen in Tomcat's access log). Tasklist's
   * start is given more time than a click: on a busy machine it has taken over 30 s.
   */
  void openIn(Chromium browser, int port) {
    browser.open("http://localhost:" + port + "/camunda/app/tasklist/default/");
    By link = By.xpath("//a[contains(normalize-space(.),'" + name + "')]");
    new WebDriverWait(browser.driver, TASKLIST_START).until(ExpectedConditions.presenceOfElementLocated(link));
    browser.click(link);
  }

  @Override
  public void close() {
    filters.deleteFilter(filter.getId());
  }
}
