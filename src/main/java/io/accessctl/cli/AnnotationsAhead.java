package io.accessctl.cli;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.HashSet;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * Reads, on a thread of its own, the annotations of the commands picocli is about to build, while
 * picocli initialises itself on the main thread: the JDK makes a proxy class for each annotation
 * type the first time one is read (no archive holds one) and caches what it parsed, so picocli
 * then finds them made. Only reads: what picocli builds is decided by picocli.
 */
final class AnnotationsAhead {
  private final Set<Class<?>> seen = new HashSet<>();

  private AnnotationsAhead() {}

  /** Starts reading the annotations of these command classes, their mixins and subcommands. */
  static void start(Class<?>... commands) {
    Thread t = new Thread(new Reading(commands), "accessctl-annotations");
    t.setDaemon(true);
    t.start();
  }

  /**
   * The reading; a class, not a lambda: it starts before anything else in a run, and the JVM's
   * first lambda costs milliseconds to link (on the main thread, where picocli waits for it).
   */
  private static final class Reading implements Runnable {
    private final Class<?>[] commands;

    Reading(Class<?>[] commands) {
      this.commands = commands;
    }

    @Override
    public void run() {
      AnnotationsAhead ahead = new AnnotationsAhead();
      for (Class<?> c : commands) {
        ahead.read(c);
      }
      // picocli looks for options on Object's methods too, for every command and mixin: the
      // first look parses their annotations, and the JDK makes a proxy class for two of them
      for (Method m : Object.class.getDeclaredMethods()) {
        m.getAnnotations();
      }
    }
  }

  private void read(Class<?> command) {
    for (Class<?> c = command; c != null && c != Object.class; c = c.getSuperclass()) {
      if (!seen.add(c)) {
        return;
      }
      Command cmd = c.getAnnotation(Command.class);
      for (Field f : c.getDeclaredFields()) {
        if (f.getAnnotations().length > 0 && f.isAnnotationPresent(Mixin.class)) {
          read(f.getType());
        }
      }
      for (Method m : c.getDeclaredMethods()) {
        m.getAnnotations();
      }
      if (cmd != null) {
        for (Class<?> sub : cmd.subcommands()) {
          read(sub);
        }
      }
    }
  }
}
