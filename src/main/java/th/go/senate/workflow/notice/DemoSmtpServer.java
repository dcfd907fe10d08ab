package th.go.senate.workflow.notice;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * The demo profile's SMTP server: GreenMail inside the application, on 127.0.0.1 at {@code spring.mail.port},
 * so that a newcomer's first start really sends its notices (and reads them on /api/notices). Never in
 * production: only {@code senate.notice.demo-smtp.enabled=true} (application-demo.yaml) starts it.
 */
@Component
@ConditionalOnProperty(name = "senate.notice.demo-smtp.enabled", havingValue = "true")
public class DemoSmtpServer implements DisposableBean {

  private static final Logger LOG = LoggerFactory.getLogger(DemoSmtpServer.class);

  private final GreenMail server;

  public DemoSmtpServer(@Value("${spring.mail.port:2525}") int port) {
    server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    server.start();
    LOG.info("Demo SMTP server (GreenMail) listening on 127.0.0.1:{}; the notices sent are listed on /api/notices",
        port);
  }

  /** Every message the demo server has received. */
  public int received() {
    return server.getReceivedMessages().length;
  }

  @Override
  public void destroy() {
    server.stop();
  }
}
