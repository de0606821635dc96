package io.accessctl.catalog;

/** Whether a check runs for mail sendmail receives or mail it delivers. */
public enum Side {
  /** sendmail as SMTP server: the connecting client is looked up. */
  SERVER,
  /** sendmail as SMTP client: the server it delivers to is looked up. */
  CLIENT,
  /** Per message or recipient. */
  MESSAGE
}
