package dev.descent.sim;

import dev.descent.math.Surface;
import dev.descent.optim.Optimizer;
import dev.descent.optim.Schedule;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * {@link BatchKernel} loaded a second time, by a class loader of its own that loads every
 * {@code dev.descent} class afresh from the same code source, so maps get JIT profiles that single
 * runs never touch (see {@link BatchKernel}). Falls back to the shared classes when the copy cannot
 * be made (a surface that cannot be rebuilt from its id and parameters, an unusual class path); the
 * numbers are the same either way, only the speed differs.
 */
final class IsolatedKernel {

    private static volatile MethodHandle handle;
    private static volatile boolean unavailable = Boolean.getBoolean("descent.map.shared");

    private IsolatedKernel() {
    }

    private static final class ChildFirst extends URLClassLoader {
        ChildFirst(URL[] urls, ClassLoader parent) {
            super("descent-map-kernel", urls, parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith("dev.descent.")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    c = findClass(name);
                }
                if (resolve) {
                    resolveClass(c);
                }
                return c;
            }
        }
    }

    private static MethodHandle handle() {
        MethodHandle h = handle;
        if (h != null || unavailable) {
            return h;
        }
        synchronized (IsolatedKernel.class) {
            if (handle == null && !unavailable) {
                try {
                    URL source = BatchKernel.class.getProtectionDomain().getCodeSource().getLocation();
                    ClassLoader loader = new ChildFirst(new URL[] {source}, BatchKernel.class.getClassLoader());
                    Class<?> k = Class.forName(BatchKernel.class.getName(), true, loader);
                    handle = MethodHandles.publicLookup().findStatic(k, "run", MethodType.methodType(boolean.class,
                            String.class, Map.class, String.class, Map.class, String.class, Map.class,
                            double[].class, double[].class, double.class, double.class, double.class, double.class,
                            double[].class, double[].class, int[].class, int[].class, double[].class, int[].class,
                            int[].class, AtomicInteger.class, int.class, int.class, BooleanSupplier.class));
                } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                    unavailable = true;
                }
            }
            return handle;
        }
    }

    /** Whether maps run in the private copy (false only after it could not be made). */
    static boolean active() {
        return handle() != null;
    }

    /** As {@link BatchKernel#run}, in the private copy when possible. */
    static boolean run(Surface surface, Optimizer optimizer, Schedule schedule, double[] px, double[] py, double t2,
                       double cx, double cy, double far2, double[] xs, double[] ys, int[] end, int[] since, double[] loss,
                       int[] from, int[] count, AtomicInteger next, int steps, int every, BooleanSupplier stop) {
        MethodHandle h = handle();
        if (h != null) {
            try {
                return (boolean) h.invokeExact(surface.id(), copy(surface.parameters().asMap()), optimizer.kind().id(),
                        copy(optimizer.hyperparameters().asMap()), schedule.kind().id(), copy(schedule.parameters().asMap()),
                        px, py, t2, cx, cy, far2, xs, ys, end, since, loss, from, count, next, steps, every, stop);
            } catch (RuntimeException rebuildFailed) {
                // e.g. a surface whose parameters do not rebuild it: the shared classes below (which
                // report any real failure again)
            } catch (Throwable t) {
                if (t instanceof Error e) {
                    throw e;
                }
                throw new IllegalStateException("map kernel failed: " + t, t);
            }
        }
        return BatchKernel.run(surface, optimizer, schedule, px, py, t2, cx, cy, far2, xs, ys, end, since, loss, from, count,
                next, steps, every, stop);
    }

    private static Map<String, Object> copy(Map<String, Object> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, v instanceof double[] d ? d.clone() : v));
        return out;
    }
}
