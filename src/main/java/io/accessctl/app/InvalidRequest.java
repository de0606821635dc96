package io.accessctl.app;

/**
 * A request a use case cannot carry out as asked, found only once the cf and the map are known
 * (such as --apply on a compiled map): for the caller, a usage error.
 */
public final class InvalidRequest extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InvalidRequest(String message) {
    super(message);
  }
}
