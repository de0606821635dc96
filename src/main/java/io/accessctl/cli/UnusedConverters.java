package io.accessctl.cli;

/**
 * picocli's built-in converters that no option of accessctl needs. picocli registers its
 * converters for java.time and java.sql types on every command it builds by looking each class
 * and its parse method up by reflection, which makes the Method objects of all their methods: on
 * a start, some 10 ms of the main thread's CPU (two commands built: the root and the one run).
 * Excluded here, so for every way a command tree is built (the launcher, the shell, tests);
 * {@code UnusedConvertersTest} fails when an option of such a type is added.
 */
final class UnusedConverters {
  /** picocli's switch: comma-separated regular expressions of the class names left out. */
  static final String PROPERTY = "picocli.converters.excludes";
  static final String CLASSES = "java\\.(sql|time)\\..*";

  private UnusedConverters() {}

  /** Leaves picocli without these converters, unless the JVM was told which to leave out. */
  static void exclude() {
    if (System.getProperty(PROPERTY) == null) {
      System.setProperty(PROPERTY, CLASSES);
    }
  }
}
