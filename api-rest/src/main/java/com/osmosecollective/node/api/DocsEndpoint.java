package com.osmosecollective.node.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The API's documentation: {@code /api/docs/openapi.json} (the {@link OpenApiDocument} of the route
 * table, built once), {@code /api/docs} (Swagger UI reading it) and {@code
 * /api/docs/swagger-ui/<file>} (Swagger UI's files from its webjar on the classpath, read once
 * each; only plain file names, so no path reaches outside the webjar's folder).
 */
final class DocsEndpoint {
  /** A static answer: content type and bytes. */
  // bytes served as they are, never compared
  @SuppressWarnings("ArrayRecordComponent")
  record Content(String contentType, byte[] bytes) {}

  private static final Pattern FILE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,100}");
  private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/";

  private final Content openApi;
  private final Content page;
  private final String webjarFolder;
  private final Map<String, Optional<Content>> files = new ConcurrentHashMap<>();

  DocsEndpoint(List<Route> routes) {
    this(OpenApiDocument.of(routes, "3.9"));
  }

  /** Serves {@code document} (an OpenAPI description) and Swagger UI on it. */
  DocsEndpoint(com.fasterxml.jackson.databind.node.ObjectNode document) {
    try {
      byte[] json = new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(document);
      this.openApi = new Content("application/json; charset=utf-8", json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the OpenAPI document does not serialize", e);
    }
    this.page = new Content("text/html; charset=utf-8", html().getBytes(StandardCharsets.UTF_8));
    this.webjarFolder = WEBJAR + swaggerUiVersion() + "/";
  }

  /**
   * The answer for {@code /api/docs…} path segments after {@code api, docs}, or empty for a 404.
   */
  Optional<Content> serve(List<String> rest) {
    if (rest.isEmpty()) {
      return Optional.of(page);
    }
    if (rest.equals(List.of("openapi.json"))) {
      return Optional.of(openApi);
    }
    if (rest.size() == 2
        && rest.get(0).equals("swagger-ui")
        && FILE.matcher(rest.get(1)).matches()) {
      return files.computeIfAbsent(rest.get(1), this::load);
    }
    return Optional.empty();
  }

  private Optional<Content> load(String name) {
    try (InputStream in =
        DocsEndpoint.class.getClassLoader().getResourceAsStream(webjarFolder + name)) {
      if (in == null) {
        return Optional.empty();
      }
      return Optional.of(new Content(contentType(name), in.readAllBytes()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String contentType(String name) {
    if (name.endsWith(".js")) {
      return "application/javascript; charset=utf-8";
    }
    if (name.endsWith(".css")) {
      return "text/css; charset=utf-8";
    }
    if (name.endsWith(".html")) {
      return "text/html; charset=utf-8";
    }
    if (name.endsWith(".png")) {
      return "image/png";
    }
    return "text/plain; charset=utf-8";
  }

  /** The webjar's version, from its Maven properties (its files live under that version). */
  private static String swaggerUiVersion() {
    try (InputStream in =
        DocsEndpoint.class
            .getClassLoader()
            .getResourceAsStream("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
      if (in == null) {
        throw new IllegalStateException("the swagger-ui webjar is not on the classpath");
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String html() {
    return """
        <!DOCTYPE html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <title>OSMOSE node API</title>
          <link rel="stylesheet" href="/api/docs/swagger-ui/swagger-ui.css">
          <link rel="icon" type="image/png" href="/api/docs/swagger-ui/favicon-32x32.png">
        </head>
        <body>
          <div id="swagger-ui"></div>
          <script src="/api/docs/swagger-ui/swagger-ui-bundle.js"></script>
          <script src="/api/docs/swagger-ui/swagger-ui-standalone-preset.js"></script>
          <script>
            window.ui = SwaggerUIBundle({
              url: "/api/docs/openapi.json",
              dom_id: "#swagger-ui",
              presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
              layout: "StandaloneLayout"
            });
          </script>
        </body>
        </html>
        """;
  }
}
