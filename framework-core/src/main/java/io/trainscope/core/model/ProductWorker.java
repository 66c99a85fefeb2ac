package io.trainscope.core.model;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * One daemon thread that runs the second half of a split matrix product while the calling thread
 * runs the first. The worker parks while it has nothing to do (no spinning, so it takes no core
 * from anything else between products); the caller parks until the worker's half is done, so the
 * arrays both halves use stay alive until the call returns. Only one caller at a time hands work
 * over: a second thread that calls meanwhile (two networks trained at once) runs both halves itself.
 */
final class ProductWorker implements Runnable {

    private static final class Holder {
        private static final ProductWorker INSTANCE = start();
    }

    private final AtomicBoolean taken = new AtomicBoolean();
    private volatile Thread thread;
    private volatile Thread caller;
    private volatile Runnable task;
    private volatile Throwable failure;
    private volatile boolean busy;

    private ProductWorker() {
    }

    static ProductWorker get() {
        return Holder.INSTANCE;
    }

    private static ProductWorker start() {
        ProductWorker worker = new ProductWorker();
        Thread t = new Thread(worker, "trainscope-product-worker");
        t.setDaemon(true);
        worker.thread = t;
        t.start();
        return worker;
    }

    /** Runs {@code mine} on this thread and {@code theirs} on the worker; returns when both are done. */
    void both(Runnable mine, Runnable theirs) {
        if (!taken.compareAndSet(false, true)) {
            mine.run();
            theirs.run();
            return;
        }
        try {
            caller = Thread.currentThread();
            failure = null;
            busy = true;
            task = theirs;
            LockSupport.unpark(thread);
            RuntimeException own = null;
            try {
                mine.run();
            } catch (RuntimeException e) {
                own = e;
            }
            while (busy) {
                LockSupport.park(this);
            }
            if (own != null) {
                throw own;
            }
            Throwable theirsFailed = failure;
            if (theirsFailed instanceof RuntimeException r) {
                throw r;
            }
            if (theirsFailed != null) {
                throw new IllegalStateException("the product worker failed", theirsFailed);
            }
        } finally {
            caller = null;
            taken.set(false);
        }
    }

    @Override
    public void run() {
        while (true) {
            Runnable t = task;
            if (t == null) {
                LockSupport.park(this);
                continue;
            }
            task = null;
            try {
                t.run();
            } catch (Throwable e) {
                failure = e;
            }
            Thread waiting = caller;
            busy = false;
            LockSupport.unpark(waiting);
        }
    }
}
