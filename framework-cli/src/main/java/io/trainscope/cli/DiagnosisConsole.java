package io.trainscope.cli;

import io.trainscope.api.monitor.Finding;
import io.trainscope.core.diagnosis.ConfigChange;
import io.trainscope.core.diagnosis.Diagnosis;
import io.trainscope.core.diagnosis.DiagnosisReport;
import io.trainscope.core.diagnosis.Vitals;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

import static io.trainscope.core.diagnosis.Readings.num;

/** Prints a diagnosis for a terminal: the root cause in full, then what it explains, then the rest. */
final class DiagnosisConsole {

    private final PrintWriter out;

    DiagnosisConsole(PrintWriter out) {
        this.out = out;
    }

    void print(DiagnosisReport report, String probe) {
        out.println("diagnosis of " + report.config() + " (" + probe + ")");
        out.println();
        if (report.primary() == null) {
            out.println("no problem found: nothing reaches a warning");
        } else {
            out.println("root cause:");
            full(report.primary());
        }
        if (!report.explained().isEmpty()) {
            out.println();
            out.println("explained by the root cause:");
            report.explained().forEach(this::brief);
        }
        if (!report.independent().isEmpty()) {
            out.println();
            out.println("independent problems:");
            report.independent().forEach(this::full);
        }
        if (!report.unexplained().isEmpty()) {
            out.println();
            out.println("other monitor findings:");
            report.unexplained().forEach(f -> out.println("  " + finding(f)));
        }
        out.println();
        out.println(vitals(report.vitals()));
    }

    private void full(Diagnosis d) {
        out.println("  " + head(d));
        out.println("    " + d.summary());
        out.println("    evidence:");
        d.evidence().forEach(e -> out.println("      " + e));
        out.println("    likely cause: " + d.cause());
        out.println("    prescribed: " + d.prescription().words());
        for (ConfigChange c : d.prescription().changes()) {
            out.println("      " + c.describe() + (c.why().isEmpty() ? "" : "    # " + c.why()));
        }
        if (!d.explains().isEmpty()) {
            out.println("    explains " + d.explains().size() + " monitor finding" + (d.explains().size() > 1 ? "s" : "") + ":");
            d.explains().forEach(f -> out.println("      " + finding(f)));
        }
    }

    private void brief(Diagnosis d) {
        out.println("  " + head(d) + ": " + d.summary());
    }

    private static String head(Diagnosis d) {
        return d.level().name() + " " + d.ailment().id() + (d.layers().isEmpty() ? "" : " (" + layers(d.layers()) + ")");
    }

    private static String layers(List<String> layers) {
        return layers.size() <= 4 ? String.join(", ", layers)
                : String.join(", ", layers.subList(0, 3)) + " and " + (layers.size() - 3) + " more";
    }

    private static String finding(Finding f) {
        return f.severity() + " " + f.pathology().id() + " from " + f.monitor() + " at iteration " + f.iteration()
                + ": " + f.summary();
    }

    static String vitals(Vitals v) {
        return String.format(Locale.ROOT, "vitals: gradient ratio %s, dead %s%%, saturated %s%%, initial loss %s, "
                        + "loss after %d iterations %s", num(v.gradientRatio()), num(v.deadPercent()),
                num(v.saturatedPercent()), num(v.initialLoss()), v.iterations(), num(v.finalLoss()));
    }
}
