package com.osmosecollective.node.api;

/**
 * {@code GET /metrics}: a text exposition of the node's meters (the app passes its Prometheus
 * registry's scrape), served outside {@code /api} and outside the rate limit's JSON routes.
 */
public interface MetricsEndpoint {
  /** The content type of {@link #scrape()}, e.g. Prometheus' text format 0.0.4. */
  String contentType();

  String scrape();

  /** No metrics endpoint: {@code /metrics} is a 404 like any unknown path. */
  MetricsEndpoint NONE =
      new MetricsEndpoint() {
        @Override
        public String contentType() {
          return "text/plain";
        }

        @Override
        public String scrape() {
          return null;
        }
      };
}
