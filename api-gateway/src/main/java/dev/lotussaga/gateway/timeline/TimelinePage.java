package dev.lotussaga.gateway.timeline;

import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The order timeline page at /ui and /ui/. Its script and style sheet are static resources under
 * /ui/ (src/main/resources/static/ui); the page names them by absolute path, so both addresses
 * work.
 */
@RestController
class TimelinePage {

  private static final Resource INDEX = new ClassPathResource("static/ui/index.html");
  private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

  @SecurityRequirements // open to anyone
  @GetMapping({"/ui", "/ui/"})
  ResponseEntity<Resource> index() {
    return ResponseEntity.ok().contentType(HTML).body(INDEX);
  }
}
