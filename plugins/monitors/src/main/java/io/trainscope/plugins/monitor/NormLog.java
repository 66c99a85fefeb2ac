package io.trainscope.plugins.monitor;

import io.trainscope.api.monitor.BackwardContext;
import io.trainscope.api.monitor.LayerInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Locale;

/** The gradient-norms monitor's log: every layer's norm at initialization (INFO), later samples at DEBUG. */
final class NormLog {

    private static final Logger log = LoggerFactory.getLogger(GradientNormsMonitor.class);

    private NormLog() {
    }

    static void log(BackwardContext ctx, double[] norms, double ratio) {
        if (!log.isInfoEnabled() || (ctx.iteration() != 0 && !log.isDebugEnabled())) {
            return;
        }
        StringBuilder sb = new StringBuilder();
        List<LayerInfo> layers = ctx.network().layers();
        for (int i = 0; i < norms.length; i++) {
            sb.append(String.format(Locale.ROOT, "%n  %-9s %.3e", layers.get(i).name(), norms[i]));
        }
        String text = String.format(Locale.ROOT, "gradient norms at iteration %d (%s):%s%n  first/last hidden ratio %.3e",
                ctx.iteration(), ctx.iteration() == 0 ? "initialization" : "epoch " + ctx.epoch(), sb, ratio);
        if (ctx.iteration() == 0) {
            log.info(text);
        } else {
            log.debug(text);
        }
    }
}
