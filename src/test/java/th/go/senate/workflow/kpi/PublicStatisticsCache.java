package th.go.senate.workflow.kpi;

/**
 * The public page keeps a year's figures for five minutes ({@link PublicStatisticsController}): a test outside this
 * package that writes facts of a year another test may have read (or that a later test reads after they are
 * removed) forgets them, before and after.
 */
public final class PublicStatisticsCache {

  private PublicStatisticsCache() {
  }

  public static void forget(PublicStatisticsController controller) {
    controller.forget();
  }
}
