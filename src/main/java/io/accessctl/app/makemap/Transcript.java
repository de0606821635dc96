package io.accessctl.app.makemap;

import io.accessctl.app.makemap.MakemapResult.Message;
import io.accessctl.app.makemap.MakemapResult.Stream;
import java.util.ArrayList;
import java.util.List;

/** Collects makemap's messages in the order it writes them. */
final class Transcript {
  private final List<Message> messages = new ArrayList<>();

  void out(String line) {
    messages.add(new Message(Stream.OUT, line + "\n"));
  }

  void err(String line) {
    messages.add(new Message(Stream.ERR, line + "\n"));
  }

  /** A message makemap writes without a line end. */
  void errUnterminated(String text) {
    messages.add(new Message(Stream.ERR, text));
  }

  MakemapResult end(int status) {
    return new MakemapResult(status, messages);
  }
}
