package io.trainscope.cli;

import io.trainscope.core.Trainscope;
import io.trainscope.core.diagnosis.ConfigSource;
import io.trainscope.core.diagnosis.Cure;
import io.trainscope.core.diagnosis.CureResult;
import io.trainscope.core.diagnosis.CureStep;
import io.trainscope.core.diagnosis.CuredYaml;
import io.trainscope.core.diagnosis.Diagnoser;
import io.trainscope.core.diagnosis.DiagnosisJson;
import io.trainscope.core.diagnosis.Vitals;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static io.trainscope.core.diagnosis.Readings.num;

/** {@code diagnose --fix}: runs the {@link Cure}, prints its rounds and the before/after table, writes cured.yaml. */
final class FixConsole {

    private final PrintWriter out;
    private final Trainscope trainscope;

    FixConsole(PrintWriter out, Trainscope trainscope) {
        this.out = out;
        this.trainscope = trainscope;
    }

    /** Treats, prints, writes {@code cured.yaml} into {@code folder}; returns the cure for {@code diagnosis.json}. */
    Map<String, Object> cure(ConfigSource source, Diagnoser.Examination exam, int rounds, int iterations, int epochs,
                             Path folder) {
        CureResult result = trainscope.get(Cure.class).treat(source, exam, rounds, iterations, epochs, null);
        out.println();
        out.println("cure (--fix):");
        if (result.steps().isEmpty()) {
            out.println("  nothing to treat: no diagnosis with a prescription reaches a warning");
        }
        for (CureStep step : result.steps()) {
            out.println("  " + step.verdict());
        }
        List<List<Object>> table = table(result);
        out.println();
        for (List<Object> row : table) {
            out.println(String.format(Locale.ROOT, "  %-34s %12s %12s", row.get(0), cell(row.get(1)), cell(row.get(2))));
        }
        out.println();
        out.println(result.cured() ? "cured: no error-level diagnosis remains"
                : result.after().atLeast(io.trainscope.core.diagnosis.Level.ERROR).isEmpty()
                ? "nothing at error level to cure" : "not cured: " + result.after().atLeast(
                        io.trainscope.core.diagnosis.Level.ERROR).get(0).ailment().id() + " remains");
        CuredYaml.write(folder, result);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("rounds", result.steps().stream().map(FixConsole::step).toList());
        json.put("cured", result.cured());
        json.put("table", table);
        json.put("after", DiagnosisJson.toMap(result.after()));
        return json;
    }

    private static List<List<Object>> table(CureResult r) {
        Vitals b = r.before().vitals();
        Vitals a = r.after().vitals();
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("", "before", "after"));
        rows.add(row("gradient ratio (first/last hidden)", b.gradientRatio(), a.gradientRatio()));
        rows.add(row("dead units, worst layer (%)", b.deadPercent(), a.deadPercent()));
        rows.add(row("saturated units, worst layer (%)", b.saturatedPercent(), a.saturatedPercent()));
        rows.add(row("initial loss", b.initialLoss(), a.initialLoss()));
        rows.add(row("loss after " + b.iterations() + " iterations", b.finalLoss(), a.finalLoss()));
        rows.add(row("validation " + r.metric() + " after " + r.epochs() + " epochs", r.scoreBefore(), r.scoreAfter()));
        return rows;
    }

    private static List<Object> row(String label, double before, double after) {
        List<Object> row = new ArrayList<>();
        row.add(label);
        row.add(DiagnosisJson.finite(before));
        row.add(DiagnosisJson.finite(after));
        return row;
    }

    private static String cell(Object v) {
        return v instanceof Double d ? num(d) : v == null ? "-" : String.valueOf(v);
    }

    private static Map<String, Object> step(CureStep s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("treated", s.treated().ailment().id());
        m.put("changes", s.changes().stream().map(c -> c.describe()).toList());
        m.put("kept", s.kept());
        m.put("verdict", s.verdict());
        m.put("before", DiagnosisJson.vitals(s.before()));
        m.put("after", DiagnosisJson.vitals(s.after()));
        return m;
    }
}
