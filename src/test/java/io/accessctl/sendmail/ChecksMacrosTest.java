package io.accessctl.sendmail;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.catalog.Catalog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The macros a check's ruleset runs with: every session macro empty, the check's own set, then
 * what the question defines (a name without braces braced), the session's in their order, as the
 * trace and sendmail -bt's .D lines list them.
 */
class ChecksMacrosTest {
  private static Checks.Stage onlyStage(String tag, Query q) {
    Checks.Plan plan = Checks.of(Catalog.stock().find(tag).orElseThrow(), q, q.name(),
        q.addr().orElse(Checks.NO_ADDRESS), rs -> true, t -> Optional.empty());
    assertThat(plan.stages()).hasSize(1);
    return plan.stages().get(0);
  }

  @Test
  void aCheckSetsItsMacrosAndLeavesTheOthersEmpty() {
    Map<String, String> m = onlyStage("Try_TLS",
        Query.of(Catalog.stock().find("Try_TLS").orElseThrow(), "mx.example.org",
            Optional.of("192.0.2.1"))).macros();
    assertThat(new ArrayList<>(m.keySet())).isEqualTo(Checks.MACROS);
    assertThat(m).containsEntry("{server_name}", "mx.example.org")
        .containsEntry("{server_addr}", "192.0.2.1").containsEntry("{client_name}", "")
        .doesNotContainKey("server_name");
    assertThat(m.get("{nonesuch}")).isNull();
  }

  @Test
  void definedMacrosOverrideAndNewOnesComeLast() {
    Map<String, String> defines = new LinkedHashMap<>();
    defines.put("my_macro", "one");
    defines.put("verify", "OK");
    defines.put("x", "two");
    defines.put("{server_name}", "other.example");
    Query q = Query.of(Catalog.stock().find("Try_TLS").orElseThrow(), "mx.example.org",
        Optional.empty()).withDefines(defines);
    Map<String, String> m = onlyStage("Try_TLS", q).macros();

    Map<String, String> expected = new LinkedHashMap<>();
    Checks.MACROS.forEach(name -> expected.put(name, ""));
    expected.put("{server_name}", "other.example");
    expected.put("{server_addr}", Checks.NO_ADDRESS);
    expected.put("{verify}", "OK");
    expected.put("{my_macro}", "one");
    expected.put("x", "two");
    assertThat(m).isEqualTo(expected);
    assertThat(expected).isEqualTo(m);
    assertThat(m.hashCode()).isEqualTo(expected.hashCode());
    List<String> order = new ArrayList<>();
    m.forEach((k, v) -> order.add(k));
    assertThat(order.subList(0, Checks.MACROS.size())).isEqualTo(Checks.MACROS);
    // a query keeps its macros unordered: those beyond the session's come last, in any order
    assertThat(order.subList(Checks.MACROS.size(), order.size()))
        .containsExactlyInAnyOrder("{my_macro}", "x");
    assertThat(new ArrayList<>(m.keySet())).isEqualTo(order);
    List<String> entries = new ArrayList<>();
    m.entrySet().forEach(e -> entries.add(e.getKey()));
    assertThat(entries).isEqualTo(order);
  }
}
