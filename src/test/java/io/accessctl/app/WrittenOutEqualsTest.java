package io.accessctl.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.source.ParseOptions;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The records whose equals is written out by hand (a lint made ahead compares them) are equal
 * exactly when every component is: one that gains a component fails here until its equals does.
 */
class WrittenOutEqualsTest {
  /** Each record with a variant per component that differs from it in that component alone. */
  private static <T extends Record> void equalExactlyWhenEveryComponentIs(T base,
      Class<T> type, List<Function<T, T>> oneComponentChanged) throws Exception {
    assertThat(oneComponentChanged).as("one variant per component of %s", type.getSimpleName())
        .hasSameSizeAs(type.getRecordComponents());
    T copy = copyOf(base, type);
    assertThat(copy).isEqualTo(base).hasSameHashCodeAs(base);
    for (Function<T, T> change : oneComponentChanged) {
      T other = change.apply(base);
      int differing = 0;
      for (RecordComponent c : type.getRecordComponents()) {
        if (!java.util.Objects.equals(c.getAccessor().invoke(base), c.getAccessor().invoke(other))) {
          differing++;
        }
      }
      assertThat(differing).as("%s differs from %s in one component", other, base).isOne();
      assertThat(other).isNotEqualTo(base);
      assertThat(base).isNotEqualTo(other);
    }
  }

  private static <T extends Record> T copyOf(T r, Class<T> type) throws Exception {
    RecordComponent[] cs = type.getRecordComponents();
    Class<?>[] types = new Class<?>[cs.length];
    Object[] values = new Object[cs.length];
    for (int i = 0; i < cs.length; i++) {
      types[i] = cs[i].getType();
      values[i] = cs[i].getAccessor().invoke(r);
    }
    return type.getDeclaredConstructor(types).newInstance(values);
  }

  @Test
  void parseOptions() throws Exception {
    ParseOptions d = ParseOptions.defaults();
    equalExactlyWhenEveryComponentIs(d, ParseOptions.class, List.of(
        o -> o.withDelimiter(':'), o -> o.withCommentChar('%'), o -> o.withFoldKeys(false),
        o -> o.withAllowEmptyValues(true), o -> o.withMakemapLines(true)));
  }

  @Test
  void cfChoice() throws Exception {
    CfChoice named = new CfChoice(Path.of("/etc/mail/sendmail.cf"), false);
    equalExactlyWhenEveryComponentIs(named, CfChoice.class, List.of(
        c -> new CfChoice(Path.of("other.cf"), c.none()), c -> new CfChoice(c.explicit(), true)));
    assertThat(CfChoice.stock()).isNotEqualTo(named).isEqualTo(new CfChoice(null, false));
  }

  @Test
  void fileState() throws Exception {
    FileState s = new FileState(10, java.nio.file.attribute.FileTime.fromMillis(5), "inode 1");
    equalExactlyWhenEveryComponentIs(s, FileState.class, List.of(
        f -> new FileState(11, f.modified(), f.key()),
        f -> new FileState(f.size(), java.nio.file.attribute.FileTime.fromMillis(6), f.key()),
        f -> new FileState(f.size(), f.modified(), "inode 2")));
  }
}
