package io.accessctl.serve;

import java.io.IOException;

/** Thrown when a group member cannot commit because it is not the master: a replica forwards. */
public final class NotMasterException extends IOException {
  private static final long serialVersionUID = 1L;

  NotMasterException(String message, Throwable cause) {
    super(message, cause);
  }
}
