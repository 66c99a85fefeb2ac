package io.trainscope.core.run;

import io.trainscope.api.monitor.Finding;
import io.trainscope.api.monitor.Severity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Collects the findings of a run, logs each one as it arrives (WARN for warnings and critical
 * findings, INFO otherwise), and tells listeners (the findings writer, a progress display).
 */
public final class FindingLog implements Consumer<Finding> {

    private static final Logger log = LoggerFactory.getLogger(FindingLog.class);

    private final List<Finding> findings = Collections.synchronizedList(new ArrayList<>());
    private final List<Consumer<Finding>> listeners = new ArrayList<>();

    /** Adds a listener called for every new finding. */
    public void addListener(Consumer<Finding> listener) {
        listeners.add(listener);
    }

    @Override
    public void accept(Finding f) {
        findings.add(f);
        String where = f.layer() == null ? "" : " in layer " + f.layer();
        if (f.severity() == Severity.INFO) {
            log.info("{} {}{} (iteration {}): {}", f.severity(), f.pathology().title(), where, f.iteration(), f.summary());
        } else {
            log.warn("{} {}{} (iteration {}): {}", f.severity(), f.pathology().title(), where, f.iteration(), f.summary());
        }
        listeners.forEach(l -> l.accept(f));
    }

    /** Adds a finding recorded before a resume, without logging it again. */
    public void restore(Finding f) {
        findings.add(f);
    }

    /** Every finding so far, in order. */
    public List<Finding> all() {
        synchronized (findings) {
            return List.copyOf(findings);
        }
    }

    /** The most severe severity seen, if any finding was reported. */
    public Optional<Severity> worst() {
        return all().stream().map(Finding::severity).max(Enum::compareTo);
    }
}
