package io.accessctl.maillog;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code key=value, key=value} fields of a sendmail log message. A value runs to the next
 * ", word=": values have spaces ({@code relay=host. [1.2.3.4]}) and commas without a space
 * ({@code to=<a@x>,<b@y>}), and the free-text ones ({@code stat=}, {@code reject=}) come last.
 */
final class Fields {
  private static final Pattern KEY = Pattern.compile("(?:^|, )([A-Za-z][A-Za-z0-9_]*)=");

  private Fields() {}

  static Map<String, String> of(String message) {
    Map<String, String> out = new LinkedHashMap<>();
    Matcher m = KEY.matcher(message);
    String key = null;
    int valueStart = 0;
    while (m.find()) {
      if (key != null) {
        out.putIfAbsent(key, message.substring(valueStart, m.start()));
      }
      key = m.group(1);
      valueStart = m.end();
    }
    if (key != null) {
      out.putIfAbsent(key, message.substring(valueStart));
    }
    return out;
  }
}
