/**
 * sendmail's mail log read for failed STARTTLS handshakes: {@link io.accessctl.maillog.LogInput}
 * opens plain and gzip files (by magic), {@link io.accessctl.maillog.SyslogLine} splits a syslog
 * line, {@link io.accessctl.maillog.FailureScanner} joins the lines of one failed connection
 * into a {@link io.accessctl.maillog.Failure}, and {@link io.accessctl.maillog.Suggestions}
 * groups failures by the access key that would stop them. Whether the map already covers a key is
 * the caller's question (the lookup engine answers it); this package knows log formats only.
 */
package io.accessctl.maillog;
