package dev.lotussaga.gateway.order;

import dev.lotussaga.observability.OrderLogContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A request that names an order ({@code /order/{id}...}, {@code ?idOrder=} or {@code ?orderId=})
 * logs with that order's id and workflow id. Only id-shaped values are taken: whatever a client
 * sends never reaches a log line unchecked.
 */
@Component
class OrderRequestLogContext extends OncePerRequestFilter {

  private static final Pattern ORDER_PATH = Pattern.compile("^/order/([^/]+)");
  private static final Pattern ORDER_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try (OrderLogContext context = OrderLogContext.of(orderIdOf(request))) {
      chain.doFilter(request, response);
    }
  }

  /** Reads the query string only: asking for a parameter would read a form body too early. */
  static String orderIdOf(HttpServletRequest request) {
    String candidate = null;
    Matcher path = ORDER_PATH.matcher(request.getRequestURI());
    if (path.find() && !path.group(1).equals("place")) {
      candidate = path.group(1);
    } else if (request.getQueryString() != null) {
      MultiValueMap<String, String> query =
          UriComponentsBuilder.newInstance()
              .query(request.getQueryString())
              .build()
              .getQueryParams();
      candidate =
          query.containsKey("idOrder") ? query.getFirst("idOrder") : query.getFirst("orderId");
    }
    return candidate != null && ORDER_ID.matcher(candidate).matches() ? candidate : null;
  }
}
