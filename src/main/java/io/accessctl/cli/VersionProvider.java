package io.accessctl.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The version Maven wrote into the jar. */
public final class VersionProvider implements IVersionProvider {
  public static String version() {
    // Through the module, not the class: Class.getResourceAsStream asks the JDK's loaders first,
    // and the first such question opens the JDK's module image, which nothing else at start needs
    // (the classes come from the CDS archive).
    try (InputStream in = VersionProvider.class.getModule()
        .getResourceAsStream("io/accessctl/version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }

  @Override
  public String[] getVersion() {
    return new String[] {"accessctl " + version()};
  }
}
