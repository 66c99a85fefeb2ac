package io.trainscope.core.run;

import io.trainscope.api.monitor.Finding;
import io.trainscope.api.monitor.Severity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Collects the findings of a run, logs each one as it arrives (WARN for warnings and critical
 * findings, INFO otherwise), and tells listeners (the findings writer, a progress display).
 *
 * <p>A resumed run starts with the findings its checkpoint saved ({@link #restore}). Its monitors
 * are new instances that do not remember what they reported, so they may find the same thing
 * again; such a repeat is dropped (logged at DEBUG), keeping the promise that a finding is
 * reported once per run. A repeat is a finding with the same monitor, pathology, layer and summary
 * apart from its numbers (the summary's measured values and iteration change, its words do not).
 */
public final class FindingLog implements Consumer<Finding> {

    private static final Logger log = LoggerFactory.getLogger(FindingLog.class);
    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

    private final List<Finding> findings = Collections.synchronizedList(new ArrayList<>());
    private final List<Consumer<Finding>> listeners = new ArrayList<>();
    private final Set<String> restored = ConcurrentHashMap.newKeySet();

    /** Adds a listener called for every new finding. */
    public void addListener(Consumer<Finding> listener) {
        listeners.add(listener);
    }

    @Override
    public void accept(Finding f) {
        if (!restored.isEmpty() && restored.contains(identity(f))) {
            log.debug("not reporting again, already reported before the resume: {} {}", f.pathology().id(), f.summary());
            return;
        }
        findings.add(f);
        String where = f.layer() == null ? "" : " in layer " + f.layer();
        if (f.severity() == Severity.INFO) {
            log.info("{} {}{} (iteration {}): {}", f.severity(), f.pathology().title(), where, f.iteration(), f.summary());
        } else {
            log.warn("{} {}{} (iteration {}): {}", f.severity(), f.pathology().title(), where, f.iteration(), f.summary());
        }
        listeners.forEach(l -> l.accept(f));
    }

    /**
     * Adds a finding reported before a resume, without logging it again; a later finding that
     * repeats it is dropped.
     */
    public void restore(Finding f) {
        findings.add(f);
        restored.add(identity(f));
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

    /** What makes two findings the same one: monitor, pathology, layer, and the summary's words without its numbers. */
    static String identity(Finding f) {
        return f.monitor() + '\n' + f.pathology().id() + '\n' + f.layer() + '\n' + NUMBER.matcher(f.summary()).replaceAll("#");
    }
}
