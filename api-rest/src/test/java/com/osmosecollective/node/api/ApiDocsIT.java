package com.osmosecollective.node.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.osmosecollective.node.storage.ChainStore;
import com.osmosecollective.node.storage.StoreOptions;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /api/docs/openapi.json} describes exactly the routes that exist (both ways: every route is
 * in the document with its parameters, every path of the document is a route), is valid OpenAPI 3,
 * and {@code /api/docs} serves Swagger UI from its webjar.
 */
class ApiDocsIT {
  @TempDir Path dir;
  private ChainStore store;
  private ApiHttpServer server;
  private Http http;
  private RestApi api;

  @BeforeEach
  void start() throws Exception {
    store = ChainStore.open(StoreOptions.defaults(dir), ArkSamples.testnet().nethash());
    ApiServices services = TestServices.readOnly(ArkSamples.testnet(), store);
    api = new RestApi(services);
    server = TestServices.serve(services);
    http = new Http(server);
  }

  @AfterEach
  void stop() {
    server.close();
    store.close();
  }

  @Test
  void theDocumentDescribesExactlyTheRoutesThatExist() throws Exception {
    HttpResponse<String> r = http.get("/api/docs/openapi.json");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("content-type").orElseThrow()).startsWith("application/json");
    JsonNode doc = Http.json(r);

    Set<String> documented = new TreeSet<>();
    doc.get("paths")
        .properties()
        .forEach(
            p ->
                p.getValue()
                    .fieldNames()
                    .forEachRemaining(
                        m ->
                            documented.add(
                                m.toUpperCase(java.util.Locale.ROOT) + " /api" + p.getKey())));
    Set<String> served = new TreeSet<>();
    for (Route route : api.routes()) {
      served.add(route.method() + " " + route.template());
      JsonNode operation =
          doc.at(
              "/paths/"
                  + route.template().substring(4).replace("~", "~0").replace("/", "~1")
                  + "/"
                  + route.method().toLowerCase(java.util.Locale.ROOT));
      assertThat(operation.isMissingNode()).as(route.template()).isFalse();
      Set<String> pathParams = new LinkedHashSet<>();
      Set<String> queryParams = new TreeSet<>();
      for (JsonNode p : operation.get("parameters")) {
        (p.get("in").asText().equals("path") ? pathParams : queryParams)
            .add(p.get("name").asText());
      }
      assertThat(pathParams).as(route.template()).containsExactlyElementsOf(route.parameters());
      Set<String> expected = new TreeSet<>(route.query().keys());
      route
          .query()
          .prefixes()
          .forEach(prefix -> expected.add(prefix.substring(0, prefix.length() - 1)));
      assertThat(queryParams).as(route.template()).isEqualTo(expected);
      assertThat(operation.get("summary").asText()).isNotBlank();
      assertThat(operation.at("/responses/422/$ref").asText())
          .isEqualTo("#/components/responses/Error");
    }
    assertThat(documented).isEqualTo(served);
    assertThat(served).hasSize(39 + FundingRoutes.ROUTES.size()); // ARK's and the funding routes
  }

  @Test
  void theDocumentIsValidOpenApi3() throws Exception {
    String json = http.get("/api/docs/openapi.json").body();
    SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(json, null, null);
    assertThat(parsed.getMessages()).isEmpty();
  }

  @Test
  void aRouteWithoutDescriptionOrADescriptionWithoutRouteIsRefused() {
    var routes = new java.util.ArrayList<>(api.routes());
    routes.add(Route.get("/api/nothing", QueryKeys.NONE, r -> null));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> OpenApiDocument.of(routes, "x"))
        .hasMessageContaining("GET /api/nothing has no description");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> OpenApiDocument.of(api.routes().subList(1, api.routes().size()), "x"))
        .hasMessageContaining("describes routes that do not exist");
  }

  @Test
  void swaggerUiIsServedFromItsWebjar() throws Exception {
    HttpResponse<String> page = http.get("/api/docs");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("content-type").orElseThrow()).startsWith("text/html");
    assertThat(page.body()).contains("/api/docs/openapi.json");
    Matcher files =
        Pattern.compile("(?:src|href)=\"(/api/docs/swagger-ui/[^\"]+)\"").matcher(page.body());
    Map<String, String> types =
        Map.of(".js", "application/javascript", ".css", "text/css", ".png", "image/png");
    int count = 0;
    while (files.find()) {
      String path = files.group(1);
      HttpResponse<String> file = http.get(path);
      assertThat(file.statusCode()).as(path).isEqualTo(200);
      String extension = path.substring(path.lastIndexOf('.'));
      assertThat(file.headers().firstValue("content-type").orElseThrow())
          .as(path)
          .startsWith(types.get(extension));
      assertThat(file.body()).isNotEmpty();
      count++;
    }
    assertThat(count).isEqualTo(4);
    assertThat(http.get("/api/docs/swagger-ui/swagger-ui-bundle.js").body())
        .contains("SwaggerUIBundle");
    // nothing outside the webjar's folder, nothing that is not there
    for (String path :
        new String[] {
          "/api/docs/swagger-ui/..%2f..%2fmaven%2forg.webjars%2fswagger-ui%2fpom.properties",
          "/api/docs/swagger-ui/../../../META-INF/MANIFEST.MF",
          "/api/docs/swagger-ui/nothing.js",
          "/api/docs/other"
        }) {
      assertThat(http.get(path).statusCode()).as(path).isIn(400, 404);
    }
  }
}
