package dev.lotussaga.gateway.edge;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;

/**
 * Tomcat's error report for requests that never reach the application (an unparsable request line,
 * an invalid URI, an oversized header): a bare problem+json instead of Tomcat's HTML page, with no
 * server name, version or stack trace.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    AtomicBoolean ioAllowed = new AtomicBoolean(true);
    response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
    if (!ioAllowed.get()) {
      return;
    }
    try {
      response.setContentType("application/problem+json");
      response.setCharacterEncoding("UTF-8");
      SecurityHeaders.HEADERS.forEach(response::setHeader);
      Writer writer = response.getReporter();
      if (writer != null) {
        writer.write(problem(status));
        response.finishResponse();
      }
    } catch (IOException | IllegalStateException clientGone) {
      // nobody left to tell
    }
  }

  private static String problem(int status) {
    HttpStatus known = HttpStatus.resolve(status);
    String title = known == null ? "Error" : known.getReasonPhrase();
    String detail =
        status < 500
            ? "The request is not valid HTTP or names an invalid path"
            : "The server cannot handle this request";
    return "{\"type\":\"about:blank\",\"title\":\""
        + title
        + "\",\"status\":"
        + status
        + ",\"detail\":\""
        + detail
        + "\"}";
  }
}
