package io.accessctl.cli;

import io.accessctl.app.GroupAdmin;
import io.accessctl.app.IoProblems;
import io.accessctl.report.Json;
import io.accessctl.serve.GroupStatus;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code accessctl group status|remove --store DIR}: a replication group seen from a member. */
@Command(name = "group", mixinStandardHelpOptions = true,
    description = {"Show and change the replication group a serve --group member belongs to.",
        "Asks the member's running server through push.sock in its store directory; the server "
            + "asks the other members."},
    subcommands = {GroupCommand.Status.class, GroupCommand.Remove.class},
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {"0:done", "2:usage error",
        "69:no group member serves the store, or the group refused the change"})
public final class GroupCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(),
        "name what to do: status or remove");
  }

  /** The store directory of the member to ask. */
  static final class MemberStore {
    @Option(names = "--store", paramLabel = "DIR", required = true,
        description = "The store directory of a running serve --group member.")
    Path dir;
  }

  /** {@code group status}. */
  @Command(name = "status", mixinStandardHelpOptions = true,
      description = {"This member's role (master, replica, unknown), and for every member its "
          + "state, the generation of each map it serves and how many replication entries it "
          + "has yet to apply (lag).",
          "A member that does not answer within 2 s is shown as unreachable."})
  static final class Status implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    MemberStore store;

    @Mixin
    TextOrJson format;

    @Override
    public Integer call() {
      boolean json = format.json();
      GroupStatus s;
      try {
        s = GroupAdmin.status(store.dir);
      } catch (IOException e) {
        throw new ExitException(ExitCodes.UNAVAILABLE, IoProblems.describe(e));
      }
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        json(s, out);
      } else {
        text(s, out);
      }
      out.flush();
      return ExitCodes.OK;
    }

    private static void text(GroupStatus s, PrintWriter out) {
      out.println("group " + s.group() + ": this node " + s.node() + " is " + s.role()
          + (s.master() == null ? ", no master known" : ", master " + s.master()));
      for (GroupStatus.Member m : s.members()) {
        StringBuilder maps = new StringBuilder();
        m.generations().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e ->
            maps.append(maps.length() == 0 ? "" : ", ").append(e.getKey()).append(" generation ")
                .append(e.getValue()));
        out.printf("  %-12s %-22s %-11s %s%s%n", m.name(), m.address(), m.state(),
            maps.length() == 0 ? "no map" : maps, m.lag() < 0 ? "" : ", lag " + m.lag());
      }
    }

    private static void json(GroupStatus s, PrintWriter out) {
      Json j = Json.pretty(out).beginObject()
          .field("version", 1).field("group", s.group()).field("node", s.node())
          .field("role", s.role()).field("master", s.master())
          .name("members").beginArray();
      for (GroupStatus.Member m : s.members()) {
        j.beginObject().field("name", m.name()).field("address", m.address())
            .field("state", m.state()).name("maps").beginObject();
        m.generations().entrySet().stream().sorted(Map.Entry.comparingByKey())
            .forEach(e -> j.field(e.getKey(), e.getValue()));
        j.endObject().name("lag");
        if (m.lag() < 0) {
          j.nullValue();
        } else {
          j.value(m.lag());
        }
        j.endObject();
      }
      j.endArray().endObject();
      out.println();
    }
  }

  /** {@code group remove}. */
  @Command(name = "remove", mixinStandardHelpOptions = true,
      description = {"Remove a stopped member from the group, so that the majority a push "
          + "needs is counted without it. A new member joins by starting serve --group with "
          + "--helper naming a member."})
  static final class Remove implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    MemberStore store;

    @Parameters(paramLabel = "NODE", description = "The member's name.")
    String member;

    @Override
    public Integer call() {
      try {
        GroupAdmin.remove(store.dir, member);
      } catch (IOException e) {
        throw new ExitException(ExitCodes.UNAVAILABLE, IoProblems.describe(e));
      }
      spec.commandLine().getOut().println("accessctl: removed " + member + " from the group");
      spec.commandLine().getOut().flush();
      return ExitCodes.OK;
    }
  }
}
