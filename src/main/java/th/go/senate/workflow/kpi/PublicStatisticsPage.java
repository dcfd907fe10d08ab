package th.go.senate.workflow.kpi;

import java.util.List;
import java.util.Locale;

import org.springframework.web.util.HtmlUtils;

import th.go.senate.workflow.calendar.ThaiDates;
import th.go.senate.workflow.kpi.PublicStatisticsController.Choice;
import th.go.senate.workflow.kpi.PublicStatisticsController.ProcessFigures;
import th.go.senate.workflow.kpi.PublicStatisticsController.RoundFigures;
import th.go.senate.workflow.kpi.PublicStatisticsController.Statistics;

/**
 * The public statistics page in Thai: the Secretariat's header, a plain GET form for the fiscal year and round (no
 * script: the CSP allows none), and one table per round in the shape of the ITA complaint statistics (a row per
 * process, the total last). Phone first: the table fits a 390 px screen without sideways scrolling. The bar beside
 * each percentage is an image whose name is the cell's own text, so a screen reader hears the same ("–" is "ไม่มีเรื่อง
 * ที่แล้วเสร็จ" in both).
 */
final class PublicStatisticsPage {

  static final String TITLE = "สถิติการรับและดำเนินการเรื่อง";
  /** What a screen reader hears for "–": no case closed in the round, so no percentage (not 0 %). */
  static final String NO_PERCENT = "ไม่มีเรื่องที่แล้วเสร็จ";

  private PublicStatisticsPage() {
  }

  static String statistics(Statistics statistics, RoundFigures round, List<Integer> years, List<Integer> rounds) {
    StringBuilder html = head(TITLE + " ปีงบประมาณ พ.ศ. " + statistics.fiscalYear() + " รอบ " + round.round()
        + " เดือน");
    html.append("<h1>").append(TITLE).append("<br><span class=\"sub\">ปีงบประมาณ พ.ศ. ")
        .append(statistics.fiscalYear()).append(" รอบ ").append(round.round()).append(" เดือน</span></h1>");
    form(html, new Choice(statistics.fiscalYear(), round.round()), years, rounds);
    html.append("<p class=\"period\">ช่วงเวลา ").append(ThaiDates.date(round.from())).append(" – ")
        .append(ThaiDates.date(round.to())).append(round.ended() ? " (สิ้นสุดรอบแล้ว)" : "")
        .append("<br>ข้อมูล ณ วันที่ ").append(ThaiDates.date(round.asOf())).append("</p>");
    table(html, statistics.fiscalYear(), round);
    definitions(html, round);
    html.append("<p><a href=\"statistics.json?fiscalYear=").append(statistics.fiscalYear()).append("&amp;round=")
        .append(round.round()).append("\">ข้อมูลชุดนี้ในรูปแบบ JSON</a></p>");
    return foot(html);
  }

  static String error(String message, Choice current, List<Integer> years, List<Integer> rounds) {
    StringBuilder html = head("ไม่สามารถแสดงสถิติได้");
    html.append("<h1>ไม่สามารถแสดงสถิติตามที่ขอได้</h1><p class=\"msg\" role=\"alert\">")
        .append(HtmlUtils.htmlEscape(message, "UTF-8")).append("</p><p>เลือกปีงบประมาณและรอบรายงานใหม่ได้จากแบบฟอร์มนี้</p>");
    form(html, current, years, rounds);
    html.append("<p><a href=\"statistics\">ดูสถิติของรอบปัจจุบัน</a></p>");
    return foot(html);
  }

  private static void form(StringBuilder html, Choice chosen, List<Integer> years, List<Integer> rounds) {
    html.append("<form method=\"get\" action=\"statistics\"><div><label for=\"fiscalYear\">ปีงบประมาณ</label>"
        + "<select id=\"fiscalYear\" name=\"fiscalYear\">");
    for (int year : years) {
      html.append("<option value=\"").append(year).append(year == chosen.fiscalYear() ? "\" selected>" : "\">")
          .append("พ.ศ. ").append(year).append("</option>");
    }
    html.append("</select></div><div><label for=\"round\">รอบรายงาน</label><select id=\"round\" name=\"round\">");
    for (int months : rounds) {
      html.append("<option value=\"").append(months).append(months == chosen.round() ? "\" selected>" : "\">")
          .append(months).append(" เดือน (ต.ค. – ").append(months == 6 ? "มี.ค." : months == 9 ? "มิ.ย." : "ก.ย.")
          .append(")</option>");
    }
    html.append("</select></div><button type=\"submit\">แสดงสถิติ</button></form>");
  }

  private static void table(StringBuilder html, int fiscalYear, RoundFigures round) {
    html.append("<table><caption>จำนวนเรื่องแยกตามกระบวนงาน รอบ ").append(round.round())
        .append(" เดือน ปีงบประมาณ พ.ศ. ").append(fiscalYear).append("</caption><thead><tr>")
        .append("<th scope=\"col\">กระบวนงาน</th><th scope=\"col\">รับเรื่อง</th><th scope=\"col\">แล้วเสร็จ</th>")
        .append("<th scope=\"col\">อยู่ระหว่างดำเนินการ</th><th scope=\"col\">แล้วเสร็จตามกำหนด</th>")
        .append("<th scope=\"col\">ร้อยละตามกำหนด</th><th scope=\"col\">แผนภูมิร้อยละ</th></tr></thead><tbody>");
    for (ProcessFigures process : round.processes()) {
      html.append("<tr><th scope=\"row\">").append(HtmlUtils.htmlEscape(process.name(), "UTF-8")).append("</th>");
      if (process.withheld()) {
        html.append("<td colspan=\"6\" class=\"later\">เผยแพร่เมื่อสิ้นรอบ (ตั้งแต่วันที่ ")
            .append(ThaiDates.date(process.publishedFrom())).append(")</td></tr>");
      } else {
        cells(html, process);
        html.append("</tr>");
      }
    }
    html.append("</tbody><tfoot><tr><th scope=\"row\">").append(round.total().name()).append("</th>");
    cells(html, round.total());
    html.append("</tr></tfoot></table>");
  }

  private static void cells(StringBuilder html, ProcessFigures figures) {
    html.append(number(figures.received())).append(number(figures.closed())).append(number(figures.inProgress()))
        .append(number(figures.closedOnTime()));
    Double percent = figures.onTimePercent();
    String said = percent == null ? NO_PERCENT : percent(percent);
    html.append("<td class=\"n\">").append(percent == null
        ? "<span aria-hidden=\"true\">–</span><span class=\"sr\">" + NO_PERCENT + "</span>" : said).append("</td>");
    // no percentage: an outlined, empty bar, so that it does not read as 0 % either
    html.append("<td><span class=\"bar").append(percent == null ? " none" : "").append("\" role=\"img\" aria-label=\"")
        .append(said).append("\"><span style=\"width:")
        .append(percent == null ? "0" : String.valueOf(percent)).append("%\"></span></span></td>");
  }

  private static String number(Long value) {
    return "<td class=\"n\">" + String.format(Locale.ROOT, "%,d", value) + "</td>";
  }

  /** {@code 66.7%}, one decimal as {@link OnTimeShare} rounds it. */
  static String percent(double value) {
    return String.format(Locale.ROOT, "%.1f%%", value);
  }

  private static void definitions(StringBuilder html, RoundFigures round) {
    html.append("<h2>คำอธิบาย</h2><dl>")
        .append("<dt>รับเรื่อง</dt><dd>เรื่องที่รับเข้ามาในช่วงเวลาของรอบ</dd>")
        .append("<dt>แล้วเสร็จ</dt><dd>เรื่องที่ดำเนินการเสร็จสิ้นในช่วงเวลาของรอบ รวมเรื่องที่รับไว้ก่อนรอบ</dd>")
        .append("<dt>อยู่ระหว่างดำเนินการ</dt><dd>เรื่องที่ยังไม่เสร็จสิ้น ณ วันที่ของข้อมูล</dd>")
        .append("<dt>แล้วเสร็จตามกำหนด</dt><dd>เรื่องที่แล้วเสร็จภายในกำหนดเวลาตามกฎหมาย หรือทุกขั้นตอนเสร็จภายใน"
            + "เวลามาตรฐานการให้บริการ (กระบวนงานที่ไม่มีกำหนดเวลาตามกฎหมาย)</dd>")
        .append("<dt>ร้อยละตามกำหนด</dt><dd>แล้วเสร็จตามกำหนด × 100 ÷ แล้วเสร็จ ทศนิยมหนึ่งตำแหน่ง; "
            + "“–” คือไม่มีเรื่องที่แล้วเสร็จในรอบ</dd></dl>");
    if (round.processes().stream().anyMatch(ProcessFigures::withheld)) {
      html.append("<p>เรื่องร้องเรียนการทุจริตและประพฤติมิชอบเผยแพร่เฉพาะจำนวนเรื่อง และเมื่อสิ้นรอบรายงานแล้วเท่านั้น "
          + "เพื่อคุ้มครองผู้ร้องเรียน ยอดรวมของรอบที่ยังไม่สิ้นสุดจึงไม่รวมเรื่องดังกล่าว</p>");
    }
  }

  private static StringBuilder head(String title) {
    return new StringBuilder("<!DOCTYPE html><html lang=\"th\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>")
        .append(HtmlUtils.htmlEscape(title, "UTF-8")).append(" สำนักงานเลขาธิการวุฒิสภา</title><style>").append(STYLE)
        .append("</style></head><body><header class=\"brand\"><p class=\"org\">สำนักงานเลขาธิการวุฒิสภา</p>"
            + "<p class=\"org-en\" lang=\"en\">The Secretariat of the Senate</p></header><main>");
  }

  private static String foot(StringBuilder html) {
    return html.append("</main><footer>สำนักงานเลขาธิการวุฒิสภา · เปิดเผยข้อมูลเป็นค่าเริ่มต้น · "
        + "หน้านี้แสดงเฉพาะจำนวนเรื่อง ไม่มีข้อมูลส่วนบุคคล</footer></body></html>").toString();
  }

  /** Phone first; the navy and gold of the public tracker. Every colour pair meets WCAG AA (text 4.5:1, bars 3:1). */
  private static final String STYLE = "*{box-sizing:border-box}"
      + "body{margin:0;font-family:'Sarabun','Noto Sans Thai',Tahoma,sans-serif;color:#1d2433;background:#f4f1ea;"
      + "font-size:16px;line-height:1.5}"
      + ".brand{background:#27348b;color:#fff;padding:12px 16px;border-bottom:4px solid #c9a227}"
      + ".brand p{margin:0}.brand .org{font-size:20px;font-weight:bold}.brand .org-en{font-size:14px}"
      + "main{max-width:960px;margin:0 auto;padding:12px}"
      + "h1{font-size:21px;margin:8px 0 12px;color:#27348b}h1 .sub{font-size:17px;color:#1d2433}h2{font-size:18px}"
      + "form{display:flex;flex-wrap:wrap;gap:8px 16px;align-items:flex-end;background:#fff;border-radius:8px;"
      + "padding:12px;box-shadow:0 1px 3px rgba(0,0,0,.15)}"
      + "label{display:block;font-weight:bold;margin-bottom:4px}"
      + "select,button{font:inherit;min-height:44px;padding:6px 10px;border-radius:6px}"
      + "select{border:1px solid #6b7080;background:#fff;color:#1d2433}"
      + "button{border:0;background:#27348b;color:#fff;padding:6px 18px}"
      + ".period{margin:12px 0}"
      + "table{border-collapse:collapse;width:100%;background:#fff;font-size:15px}"
      + "caption{text-align:left;font-weight:bold;padding:4px 0}"
      + "th,td{border:1px solid #8a8f9c;padding:6px;vertical-align:top}"
      + "thead th{background:#e6e8f2;font-size:14px;text-align:center;vertical-align:bottom}"
      + "tbody th{text-align:left;font-weight:normal}tfoot th,tfoot td{font-weight:bold;background:#f4f1ea}"
      + "td.n{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}"
      + "td.later{color:#4a4f5c;font-style:italic}"
      + ".bar{display:block;min-width:40px;height:14px;margin-top:4px;background:#e6e8f2;border:1px solid #6b7080}"
      + ".bar span{display:block;height:100%;background:#27348b}.bar.none{background:none;border-style:dashed}"
      + ".sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}"
      + ".msg{background:#fff3cd;border-left:4px solid #c9a227;padding:12px}"
      + "dt{font-weight:bold}dd{margin:0 0 6px 16px}"
      + "footer{font-size:14px;color:#4a4f5c;text-align:center;padding:16px}"
      + "@media (min-width:601px){thead th{white-space:nowrap}}"
      + "@media (max-width:600px){main{padding:8px}table{font-size:13px}thead th{font-size:12px}"
      + "th,td{padding:4px 3px}.bar{min-width:24px}}";
}
