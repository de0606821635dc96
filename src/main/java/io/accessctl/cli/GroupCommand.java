package io.accessctl.cli;

import io.accessctl.app.GroupAdmin;
import io.accessctl.app.IoProblems;
import io.accessctl.report.Json;
import io.accessctl.serve.Endpoint;
import io.accessctl.serve.Group;
import io.accessctl.serve.GroupStatus;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code accessctl group status|add|remove --store DIR}: a replication group seen from a member.
 */
@Command(name = "group", addMethodSubcommands = false,
    description = {"Show and change the replication group a serve --group member belongs to.",
        "Asks the member's running server through push.sock in its store directory; the server "
            + "asks the other members."},
    subcommands = {GroupCommand.Status.class, GroupCommand.Add.class, GroupCommand.Remove.class},
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {"0:done", "2:usage error",
        "69:no group member serves the store, or the group refused the change",
        "73:add: the name or the address is another member's, or the address is in use",
        "75:add: the group has no master or no majority now, or the member did not join within "
            + "--wait"})
public final class GroupCommand extends StandardHelp implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(),
        "name what to do: status, add or remove");
  }

  /** The store directory of the member to ask. */
  static final class MemberStore {
    @Option(names = "--store", paramLabel = "DIR", required = true,
        description = "The store directory of a running serve --group member.")
    Path dir;
  }

  /** {@code group status}. */
  @Command(name = "status", addMethodSubcommands = false,
      description = {"This member's role (master, replica, unknown), and for every member its "
          + "state, the generation of each map it serves and how many replication entries it "
          + "has yet to apply (lag).",
          "A member that does not answer within 2 s is shown as unreachable."})
  static final class Status extends StandardHelp implements Callable<Integer> {
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

  /** {@code group add}. */
  @Command(name = "add", addMethodSubcommands = false,
      description = {"Check that the group can take a new member and print the serve command "
          + "(and the packaged service's drop-in) it joins with; JE adds a member when it first "
          + "reaches the master through a helper.",
          "Refused when the group has no master or too few members are up to add one, when "
              + "another member has the name or the "
              + "address, or when something answers at the address or the next port (as seen "
              + "from this machine). With --wait, waits until the member has joined."})
  static final class Add extends StandardHelp implements Callable<Integer> {
    /** Where the Debian package installs the command. */
    private static final String PACKAGED = "/usr/bin/accessctl";

    @Spec
    CommandSpec spec;

    @Mixin
    MemberStore store;

    @Option(names = "--node", paramLabel = "NAME", required = true,
        description = "The new member's name.")
    String node;

    @Option(names = "--node-address", paramLabel = "HOST:PORT", required = true,
        description = "The new member's replication address; it also takes forwarded pushes on "
            + "the next port.")
    String address;

    @Option(names = "--member-store", paramLabel = "DIR",
        description = "The new member's store directory, for the printed command (default: the "
            + "same path as --store).")
    Path memberStore;

    @Option(names = "--member-socket", paramLabel = "PATH",
        defaultValue = "/run/accessctl/serve.sock",
        description = "The new member's socket for its MTA, for the printed command (default: "
            + "${DEFAULT-VALUE}, the packaged service's).")
    Path memberSocket;

    @Option(names = "--wait", paramLabel = "SECONDS",
        description = "Then wait up to SECONDS until the new member has joined.")
    Integer waitSeconds;

    @Mixin
    TextOrJson format;

    @Override
    public Integer call() {
      boolean json = format.json();
      if (waitSeconds != null && waitSeconds < 1) {
        throw new ParameterException(spec.commandLine(), "--wait must be at least 1");
      }
      GroupAdmin.Admission a;
      try {
        a = GroupAdmin.admit(store.dir, node, Endpoint.parse(address));
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), e.getMessage());
      } catch (GroupAdmin.Taken e) {
        throw new ExitException(ExitCodes.CANT_CREATE, e.getMessage());
      } catch (GroupAdmin.NotReady e) {
        throw new ExitException(ExitCodes.TEMP_FAIL, e.getMessage());
      } catch (IOException e) {
        throw new ExitException(ExitCodes.UNAVAILABLE, IoProblems.describe(e));
      }
      Path dir = memberStore != null ? memberStore : store.dir;
      PrintWriter out = spec.commandLine().getOut();
      if (!json) {
        text(a, dir, out);
      }
      String joined = null;
      if (waitSeconds != null) {
        try {
          joined = GroupAdmin.awaitJoined(store.dir, node, Duration.ofSeconds(waitSeconds));
        } catch (GroupAdmin.NotJoined e) {
          throw new ExitException(ExitCodes.TEMP_FAIL, "group " + a.member().name() + ": "
              + e.getMessage());
        } catch (IOException e) {
          throw new ExitException(ExitCodes.UNAVAILABLE, IoProblems.describe(e));
        }
        if (!json) {
          out.println("accessctl: " + node + " joined group " + a.member().name() + " as "
              + joined);
        }
      }
      if (json) {
        json(a, dir, joined, out);
      }
      out.flush();
      return ExitCodes.OK;
    }

    private void text(GroupAdmin.Admission a, Path dir, PrintWriter out) {
      Group m = a.member();
      out.println("accessctl: " + (a.already().isPresent()
          ? node + " is a member of group " + m.name() + " already (" + a.already().get() + ")"
          : "group " + m.name() + " (master " + a.master() + ") can take " + node + " at "
              + Group.hostPort(m.address())) + "; on " + node + "'s machine, as the store's "
          + "owner, run:");
      out.println("  " + a.serveCommand("accessctl", dir, memberSocket));
      out.println("or for the packaged service, systemctl edit accessctl-serve:");
      out.println("  [Service]");
      out.println("  ExecStart=");
      out.println("  ExecStart=" + a.serveCommand(PACKAGED, dir, memberSocket));
      out.println("The members reach it at " + Group.hostPort(m.address()) + " (replication) "
          + "and " + Group.hostPort(m.pushAddress()) + " (forwarded pushes).");
      out.flush();
    }

    private void json(GroupAdmin.Admission a, Path dir, String joined, PrintWriter out) {
      Group m = a.member();
      Json j = Json.pretty(out).beginObject()
          .field("version", 1).field("group", m.name()).field("node", node)
          .field("address", Group.hostPort(m.address()))
          .field("pushAddress", Group.hostPort(m.pushAddress()))
          .field("master", a.master()).field("member", a.already().orElse(null))
          .name("helpers").beginArray();
      m.helpers().forEach(h -> j.value(Group.hostPort(h)));
      j.endArray().name("serve").beginArray();
      a.serveArguments(dir, memberSocket).forEach(j::value);
      j.endArray().field("joined", joined).endObject();
      out.println();
    }
  }

  /** {@code group remove}. */
  @Command(name = "remove", addMethodSubcommands = false,
      description = {"Remove a stopped member from the group, so that the majority a push "
          + "needs is counted without it. Its name may join again later: see group add."})
  static final class Remove extends StandardHelp implements Callable<Integer> {
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
