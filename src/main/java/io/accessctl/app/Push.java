package io.accessctl.app;

import io.accessctl.cf.CfFile;
import io.accessctl.mapfile.Record;
import io.accessctl.serve.MapContent;
import io.accessctl.serve.MapInfo;
import io.accessctl.serve.NoMajorityException;
import io.accessctl.serve.PushChannel;
import io.accessctl.serve.Reply;
import io.accessctl.serve.Store;
import io.accessctl.source.AccessParser;
import io.accessctl.source.AccessSource;
import io.accessctl.source.Bytes;
import io.accessctl.source.ParseOptions;
import io.accessctl.source.SourceFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Pushes a text map into the live store that {@code accessctl serve} answers from: parsed as
 * compile parses it, judged by the same {@link WritePolicy}, replaced in one transaction.
 */
public final class Push {
  /**
   * How a source is read and judged.
   *
   * @param parse makemap's text options as given (the K line's -f is added)
   */
  public record Gate(CfChoice cf, ParseOptions parse, WritePolicy policy) {}

  /**
   * A source read and judged.
   *
   * @param content what the store would hold
   * @param checked the lint findings, those that refuse the push among them
   * @param tooLong one phrase per value too long for a socketmap reply: the store could not
   *     serve it, so it refuses the push even when forced
   */
  public record Loaded(Path source, MapContent content, Checked checked, List<String> tooLong) {
    /** How many problems refuse the push. */
    public int problems() {
      return (checked.refused() ? checked.problems() : 0) + tooLong.size();
    }

    public boolean refused() {
      return problems() > 0;
    }
  }

  /** Where a push went: the map's new state, and whether a running server took it. */
  public record Pushed(MapInfo info, boolean throughServer) {}

  private Push() {}

  /** Reads, parses and lints {@code src}. */
  public static Loaded load(Path src, Gate g, Consumer<String> warnings) throws IOException {
    Optional<CfFile> cf = g.cf().read(warnings);
    ParseOptions options = MapTarget.lookup(cf, src).parseOptions(g.parse());
    byte[] data = SourceFiles.read(src);
    AccessSource parsed = new AccessParser(options).parse(src.toString(), data);
    Checked checked = Checked.of(parsed, cf, g.policy(), phase -> { });
    List<Record> records = Records.of(parsed, g.policy().replace()
        ? Records.Duplicates.REPLACE : Records.Duplicates.FIRST_WINS, false);
    int maxValue = Reply.POSTFIX_MAX_REPLY - "OK ".length();
    List<String> tooLong = new ArrayList<>();
    for (Record r : records) {
      if (r.value().length > maxValue) {
        tooLong.add("the value of \"" + Bytes.display(Bytes.latin1(r.key())) + "\" is "
            + r.value().length + " bytes; a socketmap reply holds at most " + maxValue);
      }
    }
    MapContent content = new MapContent(records, options.foldKeys(),
        src.toAbsolutePath().normalize().toString(), MapContent.digest(data));
    return new Loaded(src, content, checked, tooLong);
  }

  /**
   * Replaces {@code map} in the store, or, when a server holds the store, through that server.
   *
   * @throws WriteFailure when neither the store nor the server takes it
   * @throws NoMajority when the server is a group member and the group cannot acknowledge it
   */
  public static Pushed toStore(Path store, String map, MapContent content) {
    // A running server takes the push before the store is opened here: opening it would make JE
    // create files in it (its je.info log) as this user, who may be root, not the server's user.
    try {
      return new Pushed(PushChannel.push(store, map, content), true);
    } catch (PushChannel.NotListening noServer) {
      // nobody serves the store: write it directly
    } catch (NoMajorityException e) {
      throw new NoMajority(e.getMessage(), e.committedHere(), e);
    } catch (IOException e) {
      throw new WriteFailure(e.getMessage(), e);
    }
    try (Store s = Store.open(store)) {
      return new Pushed(s.replace(map, content), false);
    } catch (IOException e) {
      throw new WriteFailure(IoProblems.describe(e), e);
    }
  }
}
