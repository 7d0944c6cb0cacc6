package com.osmosecollective.node.api;

/** A request that must be answered with {@link #error()} instead of a resource. */
public final class ApiException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient ApiError error;

  public ApiException(ApiError error) {
    super(error.statusCode() + " " + error.message());
    this.error = error;
  }

  public ApiError error() {
    return error;
  }
}
