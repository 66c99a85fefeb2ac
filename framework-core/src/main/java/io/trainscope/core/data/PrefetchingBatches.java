package io.trainscope.core.data;

import org.nd4j.linalg.dataset.DataSet;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Prepares the next batches on a background thread while the current one trains, so the training
 * loop does not wait for data (gathering a shuffled batch is a native copy that would otherwise sit
 * between two {@code fit} calls). At most {@code depth} batches are ready ahead. A failure while
 * preparing a batch is rethrown by {@link #next()}; {@link #close()} stops the thread.
 */
public final class PrefetchingBatches implements Iterator<DataSet>, AutoCloseable {

    private static final Object END = new Object();

    private final BlockingQueue<Object> queue;
    private final Thread producer;
    private Object head;
    private volatile boolean closed;

    /**
     * @param source the batches to prefetch, consumed on the background thread
     * @param depth  how many batches may be ready ahead, at least 1
     */
    public PrefetchingBatches(Iterator<DataSet> source, int depth) {
        this.queue = new ArrayBlockingQueue<>(Math.max(1, depth));
        this.producer = new Thread(() -> produce(source), "trainscope-prefetch");
        producer.setDaemon(true);
        producer.start();
    }

    private void produce(Iterator<DataSet> source) {
        try {
            while (!closed && source.hasNext()) {
                queue.put(source.next());
            }
            queue.put(END);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            try {
                queue.put(e);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean hasNext() {
        if (head == null) {
            try {
                head = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the next batch", e);
            }
        }
        if (head instanceof RuntimeException e) {
            head = END;
            throw e;
        }
        if (head instanceof Error e) {
            head = END;
            throw e;
        }
        return head != END;
    }

    @Override
    public DataSet next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        DataSet batch = (DataSet) head;
        head = null;
        return batch;
    }

    @Override
    public void close() {
        closed = true;
        producer.interrupt();
        queue.clear();
    }
}
