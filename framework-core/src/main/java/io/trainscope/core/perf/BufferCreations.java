package io.trainscope.core.perf;

import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.buffer.factory.DataBufferFactory;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.factory.Nd4j;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the data buffers ND4J creates while it is open, by whether a workspace holds them: a
 * measure of per-iteration allocations that does not depend on the machine's load (benchmarks and
 * allocation tests; docs/performance.md). It swaps ND4J's buffer factory for a counting proxy
 * around the real one and puts the real one back on {@link #close()}. Only buffers created on the
 * thread that opened it count; views over another buffer allocate nothing and do not count. Not for production: every buffer creation goes through reflection
 * while it is open. Shape descriptors that ND4J caches as constants are not data buffers of the
 * factory and are not counted.
 */
public final class BufferCreations implements AutoCloseable {

    private static final Field FACTORY = factoryField();

    private final DataBufferFactory original;
    private final Thread thread = Thread.currentThread();
    private final LongAdder outside = new LongAdder();
    private final LongAdder inWorkspace = new LongAdder();
    private final LongAdder outsideBytes = new LongAdder();

    private BufferCreations() {
        original = Nd4j.getDataBufferFactory();
        set(counting(original));
    }

    /** Starts counting on this thread. */
    public static BufferCreations open() {
        return new BufferCreations();
    }

    /** Buffers created outside any workspace (each a native allocation and, later, a free). */
    public long outsideWorkspaces() {
        return outside.sum();
    }

    /** Bytes of the buffers created outside any workspace. */
    public long outsideWorkspacesBytes() {
        return outsideBytes.sum();
    }

    /** Buffers created in a workspace (no native allocation once the workspace has its size). */
    public long inWorkspaces() {
        return inWorkspace.sum();
    }

    /** Sets both counts back to zero. */
    public void reset() {
        outside.reset();
        inWorkspace.reset();
        outsideBytes.reset();
    }

    @Override
    public void close() {
        set(original);
    }

    private DataBufferFactory counting(DataBufferFactory real) {
        return (DataBufferFactory) Proxy.newProxyInstance(DataBufferFactory.class.getClassLoader(),
                new Class<?>[]{DataBufferFactory.class}, (proxy, method, args) -> {
                    Object result;
                    try {
                        result = method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (Thread.currentThread() == thread && method.getName().startsWith("create")
                            && result instanceof DataBuffer buffer && !view(args)) {
                        if (inWorkspace(args)) {
                            inWorkspace.increment();
                        } else {
                            outside.increment();
                            outsideBytes.add(buffer.length() * buffer.getElementSize());
                        }
                    }
                    return result;
                });
    }

    /** A buffer created over another (a view, {@code create(DataBuffer, offset, length)}) allocates nothing. */
    private static boolean view(Object[] args) {
        if (args != null) {
            for (Object a : args) {
                if (a instanceof DataBuffer) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean inWorkspace(Object[] args) {
        if (args != null) {
            for (Object a : args) {
                if (a instanceof MemoryWorkspace) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void set(DataBufferFactory factory) {
        try {
            FACTORY.set(null, factory);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot replace ND4J's data buffer factory", e);
        }
    }

    private static Field factoryField() {
        try {
            Field f = Nd4j.class.getDeclaredField("DATA_BUFFER_FACTORY_INSTANCE");
            f.setAccessible(true);
            return f;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("this ND4J has no DATA_BUFFER_FACTORY_INSTANCE field", e);
        }
    }
}
